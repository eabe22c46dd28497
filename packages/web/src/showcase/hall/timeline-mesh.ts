import * as THREE from 'three';
import type { Lang, TimelineExhibit } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import type { Atlas, Region } from './atlas.js';
import type { HallLayout } from './layout.js';
import { MeshBuilder, QuadBuilder, place, solidMaterial } from './mesh-builder.js';
import { BRAND, paintBanner, paintPanel, shade } from './paint.js';

const PANEL = { w: 3, h: 3.75, y: 2.45 };

export interface TimelineMesh {
  group: THREE.Group;
  triangles: number;
  setLang(lang: Lang): void;
}

/**
 * Use when: building the timeline exhibit: a curved wall of dated panels round the rotunda at the
 * north end, posts between them, a gold rail through all of them, and a title banner above.
 */
export function buildTimeline(timeline: TimelineExhibit, layout: HallLayout, atlas: Atlas, lang: Lang, solid = solidMaterial()): TimelineMesh {
  const b = new MeshBuilder();
  const { center, radius, panels, span } = layout.rotunda;
  const color = timeline.color;
  const quads = new Map<number, QuadBuilder>();
  const q = (r: Region) => {
    let x = quads.get(r.page);
    if (!x) quads.set(r.page, (x = new QuadBuilder()));
    return x;
  };
  // Every panel and the banner on one atlas page: the signs of the timeline are one draw call.
  const group = atlas.allocGroup([...panels.map(() => [320, 400] as const), [1024, 154] as const]);
  const regions: Region[] = group.slice(0, panels.length);
  const banner = group[panels.length]!;
  for (const p of panels) {
    const faceYaw = p.yaw + Math.PI;
    b.add(new THREE.BoxGeometry(PANEL.w + 0.2, PANEL.h + 0.2, 0.2), place(p.pos.x, PANEL.y, p.pos.z, faceYaw), shade(color, -0.2));
    b.add(new THREE.BoxGeometry(PANEL.w - 0.2, 0.5, 0.4), place(p.pos.x, 0.25, p.pos.z, faceYaw), BRAND.navy);
    const r = regions[p.index]!;
    const f = { x: -Math.sin(p.yaw), z: -Math.cos(p.yaw) };
    q(r).quad(p.pos.x + f.x * 0.11, PANEL.y, p.pos.z + f.z * 0.11, faceYaw, PANEL.w, PANEL.h, r.uv);
  }
  // Posts at both ends of every panel, with gold caps, and a rail along the arc.
  const step = span / panels.length;
  for (let i = 0; i <= panels.length; i++) {
    const phi = -span / 2 + i * step;
    const x = center.x + (radius + 0.05) * Math.sin(phi);
    const z = center.z - (radius + 0.05) * Math.cos(phi);
    b.add(new THREE.CylinderGeometry(0.14, 0.18, 4.9, 8), place(x, 2.45, z), BRAND.navy);
    b.add(new THREE.SphereGeometry(0.24, 8, 5), place(x, 5.0, z), BRAND.gold, { unlit: true });
  }
  for (let i = 0; i < panels.length * 2; i++) {
    const phi0 = -span / 2 + (i * step) / 2;
    const phi1 = phi0 + step / 2;
    const mid = (phi0 + phi1) / 2;
    const len = 2 * radius * Math.sin(step / 4);
    b.add(new THREE.BoxGeometry(len, 0.12, 0.12), place(center.x + radius * Math.sin(mid), 4.55, center.z - radius * Math.cos(mid), -mid), BRAND.gold, { unlit: true });
  }
  // The title banner on a frame behind the middle of the arc.
  const bannerR = radius + 0.6;
  const bx = center.x;
  const bz = center.z - bannerR;
  for (const s of [-1, 1]) b.add(new THREE.BoxGeometry(0.3, 7.2, 0.3), place(bx + s * 5.2, 3.6, bz), BRAND.navy);
  b.add(new THREE.BoxGeometry(10.8, 1.6, 0.2), place(bx, 6.3, bz - 0.12), color);
  q(banner).quad(bx, 6.3, bz + 0.01, 0, 10.2, 1.53, banner.uv);

  const paint = (l: Lang) => {
    timeline.milestones.forEach((m, i) =>
      atlas.paint(regions[i]!, (ctx, w, h) => paintPanel(ctx, w, h, { date: m.date, title: pick(m.title, l), text: pick(m.text, l) }, color, i, timeline.milestones.length)),
    );
    atlas.paint(banner, (ctx, w, h) => paintBanner(ctx, w, h, pick(timeline.title, l), pick(timeline.company, l), color));
  };
  paint(lang);

  const root = new THREE.Group();
  root.name = 'timeline';
  root.add(Object.assign(new THREE.Mesh(b.build(), solid), { name: 'timeline-solid' }));
  for (const [page, x] of quads) root.add(Object.assign(new THREE.Mesh(x.build(), atlas.material(page)), { name: `timeline-panels:${page}` }));
  return { group: root, triangles: b.triangles + [...quads.values()].reduce((n, x) => n + x.triangles, 0), setLang: paint };
}
