import * as THREE from 'three';
import { blob, curve, Part, samples, smooth, superSection, tube, v3, type Influence } from './geom.js';
import { col, HEX, mixCol } from './palette.js';
import { bone, mix, rigid } from './skeleton.js';

/** The puffer jacket's torso profile by height: half-width, front depth, back depth, centre z. */
const Y0 = 0.772, Y1 = 1.278;
const RX = curve([[0.772, 0.095], [0.782, 0.14], [0.8, 0.143], [0.86, 0.137], [0.93, 0.125], [0.975, 0.12], [1.03, 0.127], [1.09, 0.136], [1.15, 0.14], [1.2, 0.132], [1.235, 0.112], [1.258, 0.078], [1.278, 0.02]]);
const ZF = curve([[0.772, 0.07], [0.782, 0.098], [0.8, 0.1], [0.86, 0.097], [0.93, 0.091], [0.975, 0.09], [1.03, 0.1], [1.09, 0.113], [1.15, 0.106], [1.2, 0.09], [1.235, 0.074], [1.258, 0.058], [1.278, 0.02]]);
const ZB = curve([[0.772, 0.07], [0.782, 0.096], [0.8, 0.098], [0.86, 0.098], [0.93, 0.09], [0.975, 0.087], [1.03, 0.09], [1.09, 0.094], [1.15, 0.095], [1.2, 0.088], [1.235, 0.078], [1.258, 0.062], [1.278, 0.02]]);
const ZC = curve([[0.772, 0.0], [1.0, -0.004], [1.2, -0.01], [1.278, -0.012]]);

/** Horizontal quilting seams of the puffer (heights). */
const SEAMS = [0.84, 0.905, 0.97, 1.035];
const BAND_LO = 1.088, BAND_HI = 1.152;

export const torsoFront = (y: number) => ZC(y) + ZF(y);
export const torsoHalfWidth = RX;

function puff(y: number): number {
  if (y < 0.805 || y > BAND_LO) return 0;
  const edges = [0.805, ...SEAMS, BAND_LO];
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i]!, b = edges[i + 1]!;
    if (y >= a && y <= b) return Math.sin((Math.PI * (y - a)) / (b - a)) ** 0.7;
  }
  return 0;
}

function torsoWeights(p: THREE.Vector3): Influence {
  const y = p.y;
  const w: [number, number][] = [];
  const hs = 1 - smooth(0.9, 0.96, y);
  const sp = smooth(0.9, 0.96, y) * (1 - smooth(1.0, 1.06, y));
  const ch = smooth(1.0, 1.06, y) * (1 - smooth(1.09, 1.15, y));
  const uc = smooth(1.09, 1.15, y);
  const sh = smooth(0.08, 0.135, Math.abs(p.x)) * smooth(1.16, 1.22, y) * 0.75;
  w.push([bone('hips'), hs], [bone('spine'), sp], [bone('chest'), ch], [bone('upperChest'), uc * (1 - sh)]);
  if (sh > 0) w.push([bone(p.x > 0 ? 'leftShoulder' : 'rightShoulder'), uc * sh]);
  return w;
}

function torsoColor(y: number, p: THREE.Vector3): THREE.Color {
  if (y < 0.805) return mixCol(HEX.navy, HEX.navyDeep, smooth(0.8, 0.775, y) * 0.6);
  if (y > BAND_LO - 0.005 && y < BAND_LO + 0.002) return col(HEX.white);
  if (y > BAND_HI - 0.002 && y < BAND_HI + 0.005) return col(HEX.white);
  if (y >= BAND_LO && y <= BAND_HI) return col(HEX.ice);
  const seam = puff(y);
  const base = y > BAND_HI ? HEX.red : HEX.red;
  void p;
  return mixCol(HEX.redDeep, base, y > BAND_HI ? 1 : 0.35 + 0.65 * seam);
}

/** The jacket's torso: a closed puffer shell from hem to collar. */
export function torso(part: Part): void {
  tube(part, {
    path: (t) => v3(0, Y0 + (Y1 - Y0) * t, ZC(Y0 + (Y1 - Y0) * t)),
    ts: samples(34, [0.805, BAND_LO, BAND_HI].map((y) => (y - Y0) / (Y1 - Y0)), 0.006),
    up: v3(0, 0, 1),
    radial: 36,
    section: (t, a) => {
      const y = Y0 + (Y1 - Y0) * t;
      const k = 1 + 0.035 * puff(y);
      return superSection(a, RX(y) * k, ZB(y) * k, ZF(y) * k, 2.25);
    },
    color: (t, _a, p) => torsoColor(Y0 + (Y1 - Y0) * t, p),
    weights: (_t, p) => torsoWeights(p),
    capStart: true,
    capEnd: true,
  });
  // Front zip: a thin raised strip on the centre line, and its pull under the scarf.
  const zy0 = 0.78, zy1 = 1.24;
  tube(part, {
    path: (t) => {
      const y = zy0 + (zy1 - zy0) * t;
      return v3(0, y, torsoFront(y) * (1 + 0.035 * puff(y)) + 0.0005);
    },
    ts: samples(14),
    up: v3(0, 0, 1),
    radial: 4,
    section: (_t, a) => superSection(a, 0.0042, 0.002, 0.0018, 3),
    color: () => col(HEX.white),
    weights: (_t, p) => torsoWeights(p),
    capStart: true,
    capEnd: true,
  });
  emblem(part, v3(0.068, 1.02, 0));
}

/** A small white snowflake badge on her left chest. */
function emblem(part: Part, at: THREE.Vector3): void {
  const y = at.y;
  const z = torsoFront(y) * (1 + 0.035 * puff(y)) + 0.001;
  const centre = v3(at.x, y, z - 0.012 * (at.x / 0.07) ** 2);
  const normal = v3(at.x * 0.9, 0, 1).normalize();
  const w = torsoWeights(centre);
  for (let k = 0; k < 6; k++) {
    const ang = (k / 6) * Math.PI * 2 + Math.PI / 2;
    const dir = v3(Math.cos(ang), Math.sin(ang), 0);
    dir.addScaledVector(normal, -dir.dot(normal)).normalize();
    tube(part, {
      path: (t) => centre.clone().addScaledVector(dir, 0.017 * t),
      ts: samples(2),
      up: normal,
      radial: 6,
      section: (_t, a) => [Math.cos(a) * 0.0016, Math.sin(a) * 0.0012],
      color: () => col(HEX.white),
      weights: () => w,
      capStart: true,
      capEnd: true,
    });
    for (const s of [1, -1]) {
      const side = dir.clone().applyAxisAngle(normal, (s * Math.PI) / 3.2);
      tube(part, {
        path: (t) => centre.clone().addScaledVector(dir, 0.009).addScaledVector(side, 0.006 * t),
        ts: samples(2),
        up: normal,
        radial: 6,
        section: (_t, a) => [Math.cos(a) * 0.0012, Math.sin(a) * 0.001],
        color: () => col(HEX.white),
        weights: () => w,
        capStart: true,
        capEnd: true,
      });
    }
  }
}

const LEG_R = curve([[0.93, 0.056], [0.82, 0.056], [0.7, 0.053], [0.56, 0.047], [0.47, 0.045], [0.4, 0.046], [0.33, 0.044], [0.3, 0.043]]);

/** Ski trousers (navy with an ice-blue side stripe) and snow boots with a fluffy cuff. */
export function legs(part: Part): void {
  for (const s of [1, -1] as const) {
    const side = s > 0 ? 'left' : 'right';
    const x0 = 0.078 * s;
    const up = `${side}UpperLeg`, low = `${side}LowerLeg`, foot = `${side}Foot`, toes = `${side}Toes`;
    const yTop = 0.86, yBot = 0.3;
    tube(part, {
      path: (t) => v3(x0, yTop + (yBot - yTop) * t, 0.004 * t),
      ts: samples(20),
      up: v3(0, 0, 1),
      radial: 16,
      section: (t, a) => {
        const r = LEG_R(yTop + (yBot - yTop) * t);
        return [Math.cos(a) * r, Math.sin(a) * r * 0.96];
      },
      color: (_t, _a, p) => mixCol(HEX.navy, HEX.navyDeep, smooth(0.5, 0.44, p.y) * smooth(0.4, 0.44, p.y) * 0.5),
      weights: (_t, p) => {
        if (p.y > 0.8) return mix('hips', up, smooth(0.9, 0.82, p.y));
        return mix(up, low, smooth(0.5, 0.42, p.y));
      },
      capStart: true,
      capEnd: true,
    });
    // Boot shaft.
    tube(part, {
      path: (t) => v3(x0, 0.36 - 0.27 * t, 0.004),
      ts: samples(5),
      up: v3(0, 0, 1),
      radial: 16,
      section: (t, a) => {
        const r = 0.052 - 0.005 * t;
        return [Math.cos(a) * r, Math.sin(a) * r];
      },
      color: () => col(HEX.white),
      weights: (_t, p) => mix(low, foot, smooth(0.14, 0.09, p.y)),
      capStart: true,
    });
    // Fluffy cuff at the boot's top.
    tube(part, {
      path: (t) => {
        const ang = t * Math.PI * 2;
        return v3(x0 + Math.cos(ang) * 0.053, 0.36, 0.004 + Math.sin(ang) * 0.053);
      },
      ts: samples(26).slice(0, -1),
      loop: true,
      up: v3(0, 1, 0),
      radial: 6,
      section: (t, a) => {
        const r = 0.014 * (1 + 0.18 * Math.sin(t * Math.PI * 2 * 11) * Math.sin(a * 2 + t * 9));
        return [Math.cos(a) * r, Math.sin(a) * r * 1.15];
      },
      color: () => col(HEX.cream),
      weights: () => rigid(low),
    });
    // The foot: a rounded boot from heel to toe with a grey sole and a red welt.
    const footLen = 0.215, heel = -0.07;
    tube(part, {
      path: (t) => v3(x0, 0.046 + 0.006 * Math.sin(Math.PI * t), heel + footLen * t),
      ts: samples(16),
      up: v3(0, 1, 0),
      radial: 14,
      section: (t, a) => {
        const round = Math.sqrt(Math.max(0, 1 - ((t - 0.5) / 0.5) ** 8));
        const w = (0.046 + 0.005 * Math.sin(Math.PI * t)) * round;
        const h = 0.046 * (t > 0.6 ? 1 - 0.45 * ((t - 0.6) / 0.4) ** 1.5 : 1);
        const [u, v] = superSection(a, w, 0.046 * round, h * round + 0.004, 2.6);
        return [u, Math.max(v, -0.046)];
      },
      color: (_t, _a, p) => (p.y < 0.014 ? col(HEX.sole) : p.y < 0.021 ? col(HEX.red) : col(HEX.white)),
      weights: (_t, p) => mix(foot, toes, smooth(0.05, 0.1, p.z)),
      capStart: true,
      capEnd: true,
    });
  }
}

/** Joins the inner thighs under the jacket hem so no gap shows between the legs. */
export function hips(part: Part): void {
  blob(part, {
    center: v3(0, 0.84, 0),
    radii: [0.125, 0.075, 0.085],
    rings: 8,
    segments: 18,
    color: () => col(HEX.navy),
    weights: (p) => (Math.abs(p.x) > 0.06 ? mix('hips', p.x > 0 ? 'leftUpperLeg' : 'rightUpperLeg', 0.3) : rigid('hips')),
  });
}
