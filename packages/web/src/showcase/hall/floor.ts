import * as THREE from 'three';
import type { PublicBooth } from '@snowstage/protocol';
import { floorTrapezoids, type FloorShape, type Trapezoid } from './floor-plan.js';
import type { HallLayout } from './layout.js';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { MeshBuilder, place } from './mesh-builder.js';
import { BRAND, shade } from './paint.js';

const SNOW = '#EAF2FB';
const STONE = '#D9E5F3';
const BAND = 60;

/**
 * Use when: building the hall's floor. Snow to the horizon, the forecourt, the paved avenue with
 * its gold-edged red carpet, booth carpets with thresholds and welcome mats, the plaza's rings and
 * the rotunda's medallion — all as one layer of vertex-coloured trapezoids (see floor-plan.ts),
 * in bands along the avenue so far parts are culled; snowflake mosaics are thin inlays on top.
 */
export function buildFloor(layout: HallLayout, booths: PublicBooth[], material: THREE.Material): THREE.Group {
  const { avenue, plaza, rotunda, gate, bounds } = layout;
  let p = 1;
  const shapes: FloorShape[] = [];
  const rect = (x0: number, x1: number, z0: number, z1: number, color: string) => shapes.push({ kind: 'rect', x0, x1, z0, z1, color, priority: p++ });
  const disc = (c: { x: number; z: number }, r: number, color: string) => shapes.push({ kind: 'disc', cx: c.x, cz: c.z, r, color, priority: p++ });
  const south = bounds.z1 + 10;
  rect(-gate.halfWidth - 6, gate.halfWidth + 6, gate.z + 2, south, '#D5E1F0');
  rect(avenue.x0, avenue.x1, avenue.z0, south, '#C7D5E8');
  for (const slot of layout.booths) {
    const color = booths.find((b) => b.id === slot.id)?.color ?? BRAND.ice;
    const a = slot.area;
    rect(a.x0, a.x1, a.z0, a.z1, shade(color, 0.78));
    const front = slot.side === -1 ? a.x1 - 0.7 : a.x0;
    rect(front, front + 0.7, a.z0 + 0.3, a.z1 - 0.3, shade(color, 0.35));
    const mat = slot.side === -1 ? avenue.x0 + 0.3 : avenue.x1 - 1.5;
    rect(mat, mat + 1.2, slot.center.z - 1.6, slot.center.z + 1.6, shade(color, 0.55));
  }
  const carpetZ0 = avenue.z0 + 4;
  rect(-2.55, 2.55, carpetZ0, south, BRAND.gold);
  rect(-2.4, 2.4, carpetZ0, south, BRAND.red);
  disc(plaza.c, plaza.r, STONE);
  disc(plaza.c, plaza.r - 0.6, BRAND.ice);
  disc(plaza.c, plaza.r - 1.0, STONE);
  disc(plaza.c, plaza.r - 2.4, BRAND.gold);
  disc(plaza.c, plaza.r - 2.6, '#E6EEF8');
  disc(rotunda.center, rotunda.radius + 0.8, STONE);
  disc(rotunda.center, rotunda.radius - 1.2, BRAND.gold);
  disc(rotunda.center, rotunda.radius - 1.4, STONE);
  disc(rotunda.center, 4, BRAND.red);
  disc(rotunda.center, 3.4, BRAND.gold);
  disc(rotunda.center, 3.05, BRAND.red);

  const background = { kind: 'rect' as const, x0: -450, x1: 450, z0: (bounds.z0 + bounds.z1) / 2 - 450, z1: (bounds.z0 + bounds.z1) / 2 + 450, color: SNOW, priority: 0 };
  const pieces = floorTrapezoids(background, shapes);
  const bands = new Map<number, Trapezoid[]>();
  for (const t of pieces) {
    const k = Math.floor((t.z0 + t.z1) / 2 / BAND);
    (bands.get(k) ?? bands.set(k, []).get(k)!).push(t);
  }
  // Inlaid snowflakes: thin strips a few millimetres up (they cover little, so overdraw is small),
  // merged into the band they lie in.
  const inlays = new Map<number, MeshBuilder>();
  const inlay = (z: number) => inlays.get(Math.floor(z / BAND)) ?? inlays.set(Math.floor(z / BAND), new MeshBuilder()).get(Math.floor(z / BAND))!;
  flatSnowflake(inlay(plaza.c.z), plaza.c, plaza.r - 3.2, '#9ADBF9');
  flatSnowflake(inlay(rotunda.center.z), rotunda.center, 2.6, '#FFFFFF');
  const group = new THREE.Group();
  group.name = 'floor';
  for (const [k, ts] of bands) {
    const mesh = new THREE.Mesh(mergeGeometries([trapezoidGeometry(ts), ...(inlays.has(k) ? [inlays.get(k)!.build()] : [])]), material);
    mesh.name = `floor:${k}`;
    group.add(mesh);
  }
  return group;
}

function trapezoidGeometry(ts: Trapezoid[]): THREE.BufferGeometry {
  const pos = new Float32Array(ts.length * 18);
  const col = new Float32Array(ts.length * 18);
  const c = new THREE.Color();
  let i = 0;
  for (const t of ts) {
    c.set(t.color);
    const v = [t.l0, t.z0, t.l1, t.z1, t.r1, t.z1, t.l0, t.z0, t.r1, t.z1, t.r0, t.z0];
    for (let k = 0; k < 6; k++) {
      pos[i] = v[k * 2]!;
      pos[i + 1] = 0;
      pos[i + 2] = v[k * 2 + 1]!;
      col[i] = c.r;
      col[i + 1] = c.g;
      col[i + 2] = c.b;
      i += 3;
    }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  g.setAttribute('color', new THREE.BufferAttribute(col, 3));
  g.computeBoundingSphere();
  return g;
}

function flatSnowflake(b: MeshBuilder, c: { x: number; z: number }, r: number, color: string): void {
  const y = 0.012;
  for (let i = 0; i < 6; i++) {
    const a = (i * Math.PI) / 3;
    const arm = (len: number, w: number, from: number, angle: number) => {
      const g = new THREE.PlaneGeometry(w, len).rotateX(-Math.PI / 2).translate(0, 0, -(from + len / 2));
      b.add(g, place(c.x, y, c.z, angle), color, { groundShade: -1, unlit: true });
    };
    arm(r, r * 0.09, 0, a);
    for (const s of [-1, 1]) {
      const bx = -Math.sin(a) * r * 0.55;
      const bz = -Math.cos(a) * r * 0.55;
      const g = new THREE.PlaneGeometry(r * 0.06, r * 0.3).rotateX(-Math.PI / 2).translate(0, 0, -r * 0.15);
      b.add(g, place(c.x + bx, y + 0.001, c.z + bz, a + s * 0.7), color, { groundShade: -1, unlit: true });
    }
  }
}
