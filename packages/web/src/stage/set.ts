import * as THREE from 'three';

/**
 * The festive winter set, drawn in one call: a dusk sky with snowflake motifs, two ranges of snowy
 * mountains, pine trees, red lanterns, a round stage and snow on the ground. Everything is unlit
 * vertex colour, so it costs almost nothing to render and looks the same on every device.
 */
class Mesher {
  readonly pos: number[] = [];
  readonly col: number[] = [];

  tri(a: THREE.Vector3, b: THREE.Vector3, c: THREE.Vector3, ca: THREE.Color, cb = ca, cc = ca): void {
    this.pos.push(a.x, a.y, a.z, b.x, b.y, b.z, c.x, c.y, c.z);
    this.col.push(ca.r, ca.g, ca.b, cb.r, cb.g, cb.b, cc.r, cc.g, cc.b);
  }

  quad(a: THREE.Vector3, b: THREE.Vector3, c: THREE.Vector3, d: THREE.Vector3, ca: THREE.Color, cb = ca, cc = ca, cd = ca): void {
    this.tri(a, b, c, ca, cb, cc);
    this.tri(a, c, d, ca, cc, cd);
  }

  /** A thin flat bar from p to q in the plane facing `normal`. */
  bar(p: THREE.Vector3, q: THREE.Vector3, width: number, normal: THREE.Vector3, c: THREE.Color): void {
    const side = new THREE.Vector3().subVectors(q, p).cross(normal).normalize().multiplyScalar(width / 2);
    this.quad(p.clone().sub(side), q.clone().sub(side), q.clone().add(side), p.clone().add(side), c);
  }

  geometry(): THREE.BufferGeometry {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(this.pos, 3));
    g.setAttribute('color', new THREE.Float32BufferAttribute(this.col, 3));
    return g;
  }
}

const C = (hex: number) => new THREE.Color(hex);
const v = (x: number, y: number, z: number) => new THREE.Vector3(x, y, z);
const SKY: Array<[number, THREE.Color]> = [
  [-0.2, C(0xa6def6)],
  [0.6, C(0x7cc3ea)],
  [1.6, C(0x3b6aa4)],
  [3.2, C(0x1b2a4a)],
  [7.0, C(0x0c1530)],
];

function skyAt(y: number): THREE.Color {
  for (let i = 0; i + 1 < SKY.length; i++) {
    const [y0, c0] = SKY[i]!, [y1, c1] = SKY[i + 1]!;
    if (y <= y1) return c0.clone().lerp(c1, Math.max(0, (y - y0) / (y1 - y0)));
  }
  return SKY[SKY.length - 1]![1].clone();
}

const R = 5.6, CZ = 0.8;
/** A point on the curved backdrop at angle a (0 = straight behind her) and height y. */
const wall = (a: number, y: number, inset = 0) => v(Math.sin(a) * (R - inset), y, CZ - Math.cos(a) * (R - inset));

function backdrop(m: Mesher): void {
  // Snowflake motifs, faint against the sky, drawn before the wall they sit on (see createSet).
  const flakes: Array<[number, number, number]> = [[-0.34, 3.0, 0.42], [0.4, 3.4, 0.36], [-0.75, 2.3, 0.3], [0.78, 2.2, 0.34], [0.05, 4.3, 0.3], [-1.1, 3.6, 0.26], [1.1, 3.7, 0.24]];
  for (const [a, y, r] of flakes) snowflake(m, a, y, r);
  const cols = 40, A = 1.35;
  const ys = [-0.2, 0.3, 0.6, 1.0, 1.6, 2.2, 3.2, 4.5, 7.0];
  for (let i = 0; i < cols; i++) {
    const a0 = -A + (2 * A * i) / cols, a1 = -A + (2 * A * (i + 1)) / cols;
    for (let j = 0; j + 1 < ys.length; j++) {
      const y0 = ys[j]!, y1 = ys[j + 1]!;
      const glow = (a: number, y: number) => skyAt(y).lerp(C(0x8fd3f5), 0.22 * Math.exp(-((a / 0.45) ** 2) - ((y - 1.5) / 1.3) ** 2));
      m.quad(wall(a0, y0), wall(a1, y0), wall(a1, y1), wall(a0, y1), glow(a0, y0), glow(a1, y0), glow(a1, y1), glow(a0, y1));
    }
  }
}

function snowflake(m: Mesher, a: number, y: number, r: number): void {
  const centre = wall(a, y, 0.02);
  const normal = v(-Math.sin(a), 0, Math.cos(a));
  const right = v(Math.cos(a), 0, Math.sin(a));
  const up = v(0, 1, 0);
  const c = skyAt(y).lerp(C(0xffffff), 0.1);
  const w = Math.max(0.012, r * 0.035);
  for (let k = 0; k < 6; k++) {
    const ang = (k / 6) * Math.PI * 2 + Math.PI / 2;
    const dir = right.clone().multiplyScalar(Math.cos(ang)).addScaledVector(up, Math.sin(ang));
    m.bar(centre, centre.clone().addScaledVector(dir, r), w, normal, c);
    for (const at of [0.45, 0.72]) {
      const base = centre.clone().addScaledVector(dir, r * at);
      for (const s of [1, -1]) {
        const side = dir.clone().applyAxisAngle(normal, (s * Math.PI) / 4);
        m.bar(base, base.clone().addScaledVector(side, r * (at === 0.45 ? 0.26 : 0.18)), w * 0.8, normal, c);
      }
    }
  }
}

/**
 * A mountain range: a ridge of peaks filled down to the ground, snow-capped, bluer lower down,
 * bent along an arc `r` from the backdrop's axis so the curved backdrop never cuts it.
 */
function range(m: Mesher, r: number, peaks: Array<[number, number, number]>, snow: THREE.Color, rock: THREE.Color, width: number, base: number): void {
  const h = (x: number) => {
    let y = base;
    for (const [px, ph, pw] of peaks) {
      const d = Math.abs(x - px) / pw;
      y = Math.max(y, ph * Math.exp(-2.2 * d * d) * (1 - 0.18 * d));
    }
    return y;
  };
  const n = 96;
  const shade = (x: number, y: number) => {
    const top = h(x);
    const cap = top > base + 0.3 ? Math.min(1, Math.max(0, (y - top * 0.72) / (top * 0.12))) : 0.5;
    return rock.clone().lerp(snow, 0.35 + 0.65 * cap);
  };
  for (let i = 0; i < n; i++) {
    const x0 = -width + (2 * width * i) / n, x1 = -width + (2 * width * (i + 1)) / n;
    const y0 = h(x0), y1 = h(x1);
    const mid0 = y0 * 0.7, mid1 = y1 * 0.7;
    const z0 = CZ - Math.sqrt(Math.max(0, r * r - x0 * x0)), z1 = CZ - Math.sqrt(Math.max(0, r * r - x1 * x1));
    m.quad(v(x0, -0.2, z0), v(x1, -0.2, z1), v(x1, mid1, z1), v(x0, mid0, z0), rock, rock, shade(x1, mid1), shade(x0, mid0));
    m.quad(v(x0, mid0, z0), v(x1, mid1, z1), v(x1, y1, z1), v(x0, y0, z0), shade(x0, mid0), shade(x1, mid1), shade(x1, y1), shade(x0, y0));
  }
}

function pine(m: Mesher, x: number, z: number, s: number): void {
  const dark = C(0x1d3a5c), light = C(0x2e5d86), snow = C(0xeaf4fc);
  m.quad(v(x - 0.04 * s, -0.06, z), v(x + 0.04 * s, -0.06, z), v(x + 0.04 * s, 0.2 * s, z), v(x - 0.04 * s, 0.2 * s, z), C(0x3a2a2a));
  for (let k = 0; k < 3; k++) {
    const y0 = (0.15 + k * 0.28) * s, w = (0.42 - k * 0.11) * s, y1 = y0 + 0.5 * s;
    m.tri(v(x - w, y0, z + 0.001 * k), v(x + w, y0, z + 0.001 * k), v(x, y1, z + 0.001 * k), dark, light, light);
    m.tri(v(x - w * 0.3, y1 - 0.14 * s, z + 0.002 + 0.001 * k), v(x + w * 0.3, y1 - 0.14 * s, z + 0.002 + 0.001 * k), v(x, y1, z + 0.002 + 0.001 * k), snow);
  }
}

function lantern(m: Mesher, p: THREE.Vector3, s: number): void {
  const red = C(0xd7263d), deep = C(0x8f1426), glow = C(0xff6b5a), gold = C(0xf2b84b);
  const seg = 16, rings = 10;
  const pt = (i: number, j: number) => {
    const a = (i / seg) * Math.PI * 2, t = j / rings;
    const r = Math.sin(Math.PI * (0.12 + 0.76 * t)) * 0.17 * s;
    return v(p.x + Math.sin(a) * r, p.y + (0.5 - t) * 0.26 * s, p.z + Math.cos(a) * r);
  };
  const shade = (i: number, j: number) => {
    const a = (i / seg) * Math.PI * 2;
    const rib = Math.abs(Math.sin(a * 4)) ** 6;
    const front = Math.max(0, Math.cos(a));
    return red.clone().lerp(glow, 0.45 * front * Math.sin(Math.PI * (j / rings))).lerp(deep, 0.5 * rib + 0.3 * (1 - front));
  };
  for (let i = 0; i < seg; i++)
    for (let j = 0; j < rings; j++)
      m.quad(pt(i, j), pt(i + 1, j), pt(i + 1, j + 1), pt(i, j + 1), shade(i, j), shade(i + 1, j), shade(i + 1, j + 1), shade(i, j + 1));
  for (const [y, r] of [[0.14, 0.07], [-0.14, 0.07]] as const) {
    for (let i = 0; i < seg; i++) {
      const a0 = (i / seg) * Math.PI * 2, a1 = ((i + 1) / seg) * Math.PI * 2;
      const q = (a: number, dy: number) => v(p.x + Math.sin(a) * r * s, p.y + (y + dy) * s, p.z + Math.cos(a) * r * s);
      m.quad(q(a0, -0.02), q(a1, -0.02), q(a1, 0.02), q(a0, 0.02), gold.clone().multiplyScalar(0.75 + 0.25 * Math.cos(a0)));
    }
  }
  const n = v(0, 0, 1);
  m.bar(v(p.x, p.y + 0.16 * s, p.z), v(p.x, p.y + 1.2, p.z), 0.008, n, C(0x2a1a1a));
  for (let k = -2; k <= 2; k++) m.bar(v(p.x, p.y - 0.16 * s, p.z + 0.01), v(p.x + k * 0.012 * s, p.y - 0.36 * s, p.z + 0.01), 0.012 * s, n, k % 2 ? gold : red);
}

function ground(m: Mesher): void {
  // Snowfield around the stage (the stage covers the middle).
  const rings = [0.95, 1.3, 2.5, 4.5, 8];
  const cols = [C(0xf3f8fd), C(0xeaf3fb), C(0xdcebf7), C(0xc4dcf0), C(0xa9cbe8)];
  const seg = 48;
  for (let j = 0; j + 1 < rings.length; j++)
    for (let i = 0; i < seg; i++) {
      const a0 = (i / seg) * Math.PI * 2, a1 = ((i + 1) / seg) * Math.PI * 2;
      const p = (r: number, a: number) => v(Math.sin(a) * r, -0.06, Math.cos(a) * r);
      m.quad(p(rings[j]!, a0), p(rings[j + 1]!, a0), p(rings[j + 1]!, a1), p(rings[j]!, a1), cols[j]!, cols[j + 1]!, cols[j + 1]!, cols[j]!);
    }
  // The round stage: white top, ice and red rings, red side, a soft contact shadow under her feet.
  const top = C(0xf8fbff), shadow = C(0xb9c8dc), ice = C(0x4fc3f7), red = C(0xd7263d), side = C(0xb51d31);
  const stage: Array<[number, THREE.Color]> = [[0, shadow], [0.16, shadow.clone().lerp(top, 0.45)], [0.34, top], [0.8, top], [0.8, ice], [0.83, ice], [0.83, top], [0.93, top], [0.93, red], [1.0, red]];
  for (let i = 0; i < seg; i++) {
    const a0 = (i / seg) * Math.PI * 2, a1 = ((i + 1) / seg) * Math.PI * 2;
    const p = (r: number, a: number, y = 0) => v(Math.sin(a) * r * 1.15, y, Math.cos(a) * r);
    for (let j = 0; j + 1 < stage.length; j++) {
      const [r0, c0] = stage[j]!, [r1, c1] = stage[j + 1]!;
      if (r1 === r0) continue;
      m.quad(p(r0, a0), p(r1, a0), p(r1, a1), p(r0, a1), c0, c1, c1, c0);
    }
    const lit = side.clone().lerp(red, 0.5 + 0.5 * Math.cos(a0));
    m.quad(p(1, a0, 0), p(1, a0, -0.06), p(1, a1, -0.06), p(1, a1, 0), lit);
  }
}

/** Builds the set: one unlit mesh. */
export function createSet(): THREE.Mesh {
  // Near to far: the set is one mesh, so its triangles are drawn in this order, and drawing the
  // nearest first lets the depth test skip most hidden pixels (software WebGL is fill-bound).
  const m = new Mesher();
  ground(m);
  lantern(m, v(-1.25, 1.78, -1.0), 1);
  lantern(m, v(1.25, 1.78, -1.0), 1);
  lantern(m, v(-2.3, 2.2, -2.0), 0.85);
  lantern(m, v(2.3, 2.2, -2.0), 0.85);
  for (const [x, z, s] of [[-3.4, -2.0, 1.1], [3.2, -2.1, 1.4], [-2.6, -2.4, 1.3], [2.4, -2.5, 1.2], [-1.9, -2.7, 0.9], [1.8, -2.8, 0.8]] as const) pine(m, x, z, s);
  range(m, R - 1.4, [[-3.2, 0.75, 1.0], [-1.4, 0.55, 0.9], [0.4, 0.62, 1.0], [2.1, 0.5, 0.8], [3.7, 0.8, 1.0]], C(0xf4f9fe), C(0xa7c8e6), 4.1, 0.25);
  range(m, R - 0.5, [[-3.9, 1.7, 1.1], [-2.2, 1.25, 0.8], [-0.9, 1.55, 0.9], [0.9, 1.2, 0.8], [2.4, 1.8, 1.0], [4.2, 1.35, 0.9]], C(0xe4f0fa), C(0x5d86b8), 4.9, 0.35);
  backdrop(m);
  const set = new THREE.Mesh(m.geometry(), new THREE.MeshBasicMaterial({ vertexColors: true, side: THREE.DoubleSide }));
  set.name = 'set';
  set.matrixAutoUpdate = false;
  return set;
}

/**
 * The lights the avatar's toon shading needs: one key light and a sky/snow fill. Every light costs
 * per pixel in the toon shader; the ice-blue rim comes from MToon's view-dependent rim instead.
 */
export function createLights(): THREE.Object3D[] {
  const key = new THREE.DirectionalLight(0xfff4ea, 2.2);
  key.position.set(-1.9, 2.5, 2.0);
  const fill = new THREE.HemisphereLight(0xcfeaff, 0xf5efe8, 1.0);
  return [key, fill];
}
