import * as THREE from 'three';
import type { Lang, LocalizedText, PublicBooth } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import type { Atlas } from './atlas.js';
import { DIM, type HallLayout } from './layout.js';
import { ChunkedBuilder, MeshBuilder, QuadBuilder, place, solidMaterial } from './mesh-builder.js';
import { BRAND, paintBanner } from './paint.js';
import { addLamp, addMountain, addPine, addSnowMound, addString } from './props.js';
import { buildFloor } from './floor.js';

export const SKY = { zenith: '#1B3A6B', mid: '#4F86C6', horizon: '#CFE9F8', glow: '#FBE3C8' } as const;
export const FOG_COLOR = '#D3E8F6';

/** Deterministic pseudo-random numbers, so the hall looks the same on every visit. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EnvironmentMesh {
  group: THREE.Group;
  /** The monument's snowflake, turned slowly each frame. */
  monument: THREE.Object3D;
  triangles: number;
  setLang(lang: Lang): void;
}

/**
 * Use when: building everything that is not a booth or the timeline: the snowy ground, the
 * paved avenue with its red carpet, the plaza and its monument, the entrance gate with the title
 * banner, lamp posts with lantern strings and bunting, pines, snow banks, mountains and the sky.
 */
export function buildEnvironment(layout: HallLayout, title: LocalizedText, booths: PublicBooth[], atlas: Atlas, lang: Lang, solid = solidMaterial()): EnvironmentMesh {
  // The floor is one textured plane; far scenery one mesh; everything standing in the hall in culled bands.
  const b = new MeshBuilder();
  const bands = new ChunkedBuilder(45);
  const { bounds, gate } = layout;
  const rand = rng(2022);
  const midZ = (bounds.z0 + bounds.z1) / 2;

  // The monument: a stepped pedestal (the big snowflake is a separate, turning mesh).
  const mc = layout.monument.c;
  bands.at(mc.z).add(new THREE.CylinderGeometry(layout.monument.r, layout.monument.r + 0.2, 0.6, 16), place(mc.x, 0.3, mc.z), BRAND.navy);
  bands.at(mc.z).add(new THREE.CylinderGeometry(layout.monument.r - 0.6, layout.monument.r - 0.5, 0.5, 16), place(mc.x, 0.85, mc.z), '#F4F8FF');
  bands.at(mc.z).add(new THREE.TorusGeometry(layout.monument.r - 0.05, 0.08, 4, 32), place(mc.x, 0.62, mc.z).multiply(new THREE.Matrix4().makeRotationX(Math.PI / 2)), BRAND.gold, { unlit: true });

  // Entrance gate: two red pillars with gold caps and a beam carrying the title banner.
  const gw = gate.halfWidth;
  const g = bands.at(gate.z);
  for (const s of [-1, 1]) {
    g.add(new THREE.BoxGeometry(1.3, 7.6, 1.3), place(s * gw, 3.8, gate.z), BRAND.red);
    g.add(new THREE.BoxGeometry(1.6, 0.4, 1.6), place(s * gw, 7.8, gate.z), BRAND.gold, { unlit: true });
    g.add(new THREE.BoxGeometry(1.6, 0.5, 1.6), place(s * gw, 0.25, gate.z), BRAND.navy);
    g.add(new THREE.ConeGeometry(0.5, 1.1, 6), place(s * gw, 8.55, gate.z), BRAND.ice, { unlit: true });
  }
  g.add(new THREE.BoxGeometry(2 * gw + 1.3, 1.9, 0.5), place(0, 6.55, gate.z), BRAND.navy);

  // Lamps along the avenue, lantern strings across it, bunting along both edges.
  for (const l of layout.lamps) addLamp(bands.at(l.z), l);
  const west = layout.lamps.filter((l) => l.x < 0).sort((p, q) => q.z - p.z);
  const east = layout.lamps.filter((l) => l.x > 0).sort((p, q) => q.z - p.z);
  for (let i = 0; i < Math.min(west.length, east.length); i++) addString(bands.at(west[i]!.z), west[i]!, east[i]!, 6.1, 0.45, 'lanterns', 1.2);
  for (const side of [west, east]) for (let i = 1; i < side.length; i++) {
    const a = side[i - 1]!;
    const c = side[i]!;
    // The plaza leaves a gap too wide for a string.
    if (Math.abs(a.z - c.z) < DIM.boothW + DIM.boothGap + 1) addString(bands.at((a.z + c.z) / 2), a, c, 5.9, 0.4, 'flags', 0.9);
  }

  // Flags round the plaza in the brand colours.
  const flagColors = [BRAND.red, BRAND.ice, BRAND.gold, BRAND.red, BRAND.ice, BRAND.gold];
  layout.flags.forEach((f, i) => {
    const fb = bands.at(f.z);
    fb.add(new THREE.CylinderGeometry(0.07, 0.1, 7.5, 6), place(f.x, 3.75, f.z), BRAND.navy);
    fb.add(new THREE.SphereGeometry(0.16, 8, 5), place(f.x, 7.6, f.z), BRAND.gold, { unlit: true });
    // The banner hangs from a crossbar, facing the plaza's centre.
    const yaw = Math.atan2(f.x - layout.plaza.c.x, f.z - layout.plaza.c.z);
    const side = new THREE.Vector3(Math.cos(yaw), 0, -Math.sin(yaw)).multiplyScalar(0.7);
    fb.add(new THREE.BoxGeometry(1.6, 0.06, 0.06), place(f.x + side.x, 7.05, f.z + side.z, yaw), BRAND.navy);
    fb.add(new THREE.BoxGeometry(1.3, 3.0, 0.05), place(f.x + side.x, 5.5, f.z + side.z, yaw), flagColors[i % flagColors.length]!, { unlit: true });
    fb.add(new THREE.BoxGeometry(1.32, 0.22, 0.06), place(f.x + side.x, 4.35, f.z + side.z, yaw), '#FFFFFF', { unlit: true });
  });

  // Pines behind the booths and round the rotunda; snow banks; mountains on the horizon.
  const backX = DIM.avenueHalf + DIM.frontGap + DIM.boothD + 2.2;
  for (let z = bounds.z1 - 4; z > bounds.z0 + 2; z -= 5.5 + rand() * 2.5) {
    for (const s of [-1, 1]) addPine(bands.at(z), s * (backX + rand() * 2.5), z + rand() * 2, 0.9 + rand() * 0.6, rand() * 10);
  }
  const rc = layout.rotunda.center;
  const rr = layout.rotunda.radius + 3.5;
  for (let a = -Math.PI * 0.95; a <= Math.PI * 0.95; a += 0.28) {
    if (Math.cos(a) < -0.55) continue; // leave the avenue side open
    const z = rc.z - Math.cos(a) * (rr + rand() * 2);
    addPine(bands.at(z), rc.x + Math.sin(a) * (rr + rand() * 2), z, 1 + rand() * 0.7, rand() * 10);
  }
  for (const s of [-1, 1]) {
    for (let i = 0; i < 4; i++) addPine(bands.at(gate.z), s * (gw + 3 + i * 2.6 + rand()), gate.z + 1 + rand() * 3, 1.1 + rand() * 0.5, rand() * 10);
  }
  for (let i = 0; i < 26; i++) {
    const s = i % 2 ? -1 : 1;
    const z = bounds.z0 + rand() * (bounds.z1 - bounds.z0);
    addSnowMound(bands.at(z), s * (backX + 4 + rand() * 6), z, 1.5 + rand() * 2.5, rand() * 6);
  }
  const far = Math.max(bounds.x1, -bounds.z0 + midZ) + 60;
  for (let a = 0; a < Math.PI * 2; a += 0.32 + rand() * 0.2) {
    const d = far + rand() * 40;
    addMountain(b, Math.sin(a) * d, midZ - Math.cos(a) * d, 22 + rand() * 20, 20 + rand() * 26, rand() * 9, SKY.horizon, Math.min(0.65, (d - far) / 60 + 0.3));
  }

  const group = new THREE.Group();
  group.name = 'environment';
  const ground = new THREE.Mesh(b.build(), solid);
  ground.name = 'mountains';
  group.add(buildFloor(layout, booths, solid), ground, ...bands.meshes(solid, 'environment-band'));
  group.add(skyDome(far + 120));

  // The title banner on both faces of the gate beam.
  const banner = atlas.alloc(1280, 160);
  const quads = new QuadBuilder();
  for (const face of [0, Math.PI]) quads.quad(0, 6.55, gate.z + (face === 0 ? 0.26 : -0.26), face, 2 * gw - 1, (2 * gw - 1) / 8, banner.uv);
  const bannerMesh = new THREE.Mesh(quads.build(), atlas.material(banner.page));
  bannerMesh.name = 'gate-banner';
  group.add(bannerMesh);
  const setLang = (l: Lang) =>
    atlas.paint(banner, (ctx, w, h) => paintBanner(ctx, w, h, pick(title, l), l === 'zh' ? 'Cloud Showcase · 欢迎光临' : '冰雪云展厅 · Welcome'));
  setLang(lang);

  const monument = buildMonumentFlake(solid);
  monument.position.set(mc.x, 1.1, mc.z);
  group.add(monument);
  return { group, monument, triangles: b.triangles + bands.triangles + quads.triangles, setLang };
}

/** A gradient sky: a big dome with colours per vertex (no texture: cheap in software). */
function skyDome(radius: number): THREE.Mesh {
  const g = new THREE.SphereGeometry(radius, 24, 12, 0, Math.PI * 2, 0, Math.PI * 0.56);
  const pos = g.getAttribute('position') as THREE.BufferAttribute;
  const colors = new Float32Array(pos.count * 3);
  const c = new THREE.Color();
  const zen = new THREE.Color(SKY.zenith);
  const mid = new THREE.Color(SKY.mid);
  const hor = new THREE.Color(SKY.horizon);
  const glow = new THREE.Color(SKY.glow);
  for (let i = 0; i < pos.count; i++) {
    const h = pos.getY(i) / radius;
    if (h > 0.35) c.copy(mid).lerp(zen, Math.min(1, (h - 0.35) / 0.65));
    else if (h > 0.06) c.copy(hor).lerp(mid, (h - 0.06) / 0.29);
    else c.copy(glow).lerp(hor, Math.max(0, h) / 0.06);
    colors.set([c.r, c.g, c.b], i * 3);
  }
  g.setAttribute('color', new THREE.BufferAttribute(colors, 3));
  const mesh = new THREE.Mesh(g, new THREE.MeshBasicMaterial({ vertexColors: true, side: THREE.BackSide, fog: false, depthWrite: false }));
  mesh.name = 'sky';
  // Drawn after everything opaque: the depth test then skips the sky behind the hall, so only
  // the sky you actually see is shaded (software rendering pays for every pixel).
  mesh.renderOrder = 5;
  mesh.frustumCulled = false;
  return mesh;
}

/** The plaza's centrepiece: a tall ice-blue snowflake with gold tips. */
function buildMonumentFlake(solid: THREE.Material): THREE.Mesh {
  const b = new MeshBuilder();
  const arm = 2.3;
  for (let i = 0; i < 6; i++) {
    const rot = new THREE.Matrix4().makeRotationZ((i * Math.PI) / 3);
    const at = (x: number, y: number, rz = 0) => new THREE.Matrix4().makeTranslation(0, arm + 0.6, 0).multiply(rot).multiply(new THREE.Matrix4().makeTranslation(x, y, 0)).multiply(new THREE.Matrix4().makeRotationZ(rz));
    b.add(new THREE.BoxGeometry(0.28, arm, 0.28), at(0, arm / 2), BRAND.ice);
    for (const s of [-1, 1]) {
      b.add(new THREE.BoxGeometry(0.2, 0.8, 0.22), at(s * 0.26, arm * 0.62, -s * 0.8), '#9ADBF9');
      b.add(new THREE.BoxGeometry(0.16, 0.5, 0.18), at(s * 0.18, arm * 0.88, -s * 0.8), '#FFFFFF');
    }
    b.add(new THREE.OctahedronGeometry(0.26, 0), at(0, arm + 0.1), BRAND.gold, { unlit: true });
  }
  b.add(new THREE.CylinderGeometry(0.55, 0.55, 0.4, 6).rotateX(Math.PI / 2), new THREE.Matrix4().makeTranslation(0, arm + 0.6, 0), BRAND.gold, { unlit: true });
  b.add(new THREE.CylinderGeometry(0.18, 0.3, 0.7, 8), new THREE.Matrix4().makeTranslation(0, 0.35, 0), BRAND.navy);
  const mesh = new THREE.Mesh(b.build(), solid);
  mesh.name = 'monument';
  return mesh;
}
