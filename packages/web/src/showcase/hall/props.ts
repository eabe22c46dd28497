import * as THREE from 'three';
import { BRAND } from './paint.js';
import { place, type MeshBuilder } from './mesh-builder.js';
import type { Vec2 } from './layout.js';

/** Décor shared by booths and the hall: pines, lamps, lanterns, bunting, mountains. Low-poly, merged. */

const PINE = '#1F6B4F';
const SNOW = '#F4F8FF';

/** A snowy pine: three stacked cones with snow on their shoulders. */
export function addPine(b: MeshBuilder, x: number, z: number, scale = 1, seed = 0): void {
  const s = scale;
  const yaw = seed * 1.7;
  b.add(new THREE.CylinderGeometry(0.12 * s, 0.16 * s, 0.6 * s, 5, 1, true), place(x, 0.3 * s, z), '#6D4C41');
  const tiers = [
    { y: 1.1, r: 1.1, h: 1.5 },
    { y: 1.9, r: 0.85, h: 1.3 },
    { y: 2.6, r: 0.55, h: 1.1 },
  ];
  for (const t of tiers) {
    // Open cones (no base): the base is never seen from above the ground.
    b.add(new THREE.ConeGeometry(t.r * s, t.h * s, 7, 1, true), place(x, t.y * s, z, yaw), PINE);
    b.add(new THREE.ConeGeometry(t.r * 0.62 * s, t.h * 0.34 * s, 7, 1, true), place(x, (t.y + t.h * 0.36) * s, z, yaw + 0.2), SNOW);
  }
}

/** A lamp post with a warm glowing head and a gold ring. */
export function addLamp(b: MeshBuilder, p: Vec2, height = 6.0): void {
  b.add(new THREE.CylinderGeometry(0.18, 0.24, 0.4, 8), place(p.x, 0.2, p.z), BRAND.navy);
  b.add(new THREE.CylinderGeometry(0.07, 0.09, height, 6), place(p.x, height / 2, p.z), BRAND.navy);
  b.add(new THREE.TorusGeometry(0.16, 0.04, 4, 10), place(p.x, height - 0.5, p.z).multiply(new THREE.Matrix4().makeRotationX(Math.PI / 2)), BRAND.gold, { unlit: true });
  b.add(new THREE.IcosahedronGeometry(0.28, 0), place(p.x, height + 0.2, p.z), '#FFF3C4', { unlit: true });
}

/** A red paper lantern hanging from (x, y, z). */
export function addLantern(b: MeshBuilder, x: number, y: number, z: number, color = '#FF3B4E'): void {
  b.add(new THREE.BoxGeometry(0.015, 0.25, 0.015), place(x, y - 0.125, z), BRAND.navy, { unlit: true });
  b.add(new THREE.SphereGeometry(0.3, 7, 4), place(x, y - 0.5, z, 0, 1, 0.8, 1), color, { unlit: true });
  b.add(new THREE.CylinderGeometry(0.14, 0.14, 0.07, 6, 1, true), place(x, y - 0.24, z), BRAND.gold, { unlit: true });
  b.add(new THREE.CylinderGeometry(0.14, 0.14, 0.07, 6, 1, true), place(x, y - 0.76, z), BRAND.gold, { unlit: true });
  b.add(new THREE.BoxGeometry(0.03, 0.3, 0.03), place(x, y - 0.93, z), BRAND.gold, { unlit: true });
}

/**
 * A sagging string from a to b (at height y) with items every `step` metres: triangular bunting
 * flags in the brand colours, or lanterns.
 */
export function addString(b: MeshBuilder, a: Vec2, c: Vec2, y: number, sag: number, kind: 'flags' | 'lanterns', step = 1): void {
  const len = Math.hypot(c.x - a.x, c.z - a.z);
  const n = Math.max(2, Math.round(len / step));
  const at = (t: number) => ({ x: a.x + (c.x - a.x) * t, y: y - sag * 4 * t * (1 - t), z: a.z + (c.z - a.z) * t });
  const yaw = Math.atan2(-(c.z - a.z), c.x - a.x);
  for (let i = 0; i < n; i++) {
    const p0 = at(i / n);
    const p1 = at((i + 1) / n);
    const seg = Math.hypot(p1.x - p0.x, p1.y - p0.y, p1.z - p0.z);
    const mid = new THREE.Vector3((p0.x + p1.x) / 2, (p0.y + p1.y) / 2, (p0.z + p1.z) / 2);
    const dir = new THREE.Vector3(p1.x - p0.x, p1.y - p0.y, p1.z - p0.z).normalize();
    const m = new THREE.Matrix4().compose(mid, new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(1, 0, 0), dir), new THREE.Vector3(1, 1, 1));
    // A thin ribbon seen edge-on from nowhere that matters: two triangles per segment.
    b.add(new THREE.PlaneGeometry(seg, 0.04), m, '#2B3A5C', { unlit: true });
    b.add(new THREE.PlaneGeometry(seg, 0.04).rotateY(Math.PI), m, '#2B3A5C', { unlit: true });
  }
  const palette = [BRAND.red, BRAND.gold, BRAND.ice, SNOW];
  for (let i = 1; i < n; i++) {
    const p = at(i / n);
    if (kind === 'lanterns') {
      if (i % 2 === 0) addLantern(b, p.x, p.y, p.z);
      continue;
    }
    // A downward triangle, visible from both sides (two faces).
    const shape = new THREE.Shape([new THREE.Vector2(-0.28, 0), new THREE.Vector2(0.28, 0), new THREE.Vector2(0, -0.55)]);
    const color = palette[i % palette.length]!;
    for (const flip of [0, Math.PI]) b.add(new THREE.ShapeGeometry(shape), place(p.x, p.y, p.z, yaw + flip), color, { unlit: true });
  }
}

/**
 * A distant snow-capped mountain, its colours already faded towards `haze` by `amount` (0–1):
 * aerial perspective baked in, so the hall needs no per-pixel fog.
 */
export function addMountain(b: MeshBuilder, x: number, z: number, r: number, h: number, seed: number, haze: string, amount: number): void {
  const yaw = seed * 2.3;
  const rock = new THREE.Color('#7D97B8').lerp(new THREE.Color(haze), amount);
  const snow = new THREE.Color(SNOW).lerp(new THREE.Color(haze), amount * 0.5);
  b.add(new THREE.ConeGeometry(r, h, 7, 1, true), place(x, h / 2 - 1, z, yaw), rock, { groundShade: -1 });
  b.add(new THREE.ConeGeometry(r * 0.42, h * 0.42, 7, 1, true), place(x, h - h * 0.21 - 1 + 0.05, z, yaw), snow, { groundShade: -1 });
}

/** A soft snow bank. */
export function addSnowMound(b: MeshBuilder, x: number, z: number, r: number, seed: number): void {
  b.add(new THREE.IcosahedronGeometry(r, 0), place(x, -r * 0.45, z, seed, 1, 0.55, 1), '#E9F1FA', { groundShade: -1 });
}
