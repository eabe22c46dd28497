import * as THREE from 'three';
import type { Exhibit, Lang, PublicBooth } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import type { Atlas, Region } from './atlas.js';
import { DIM, forwardOf, type BoothSlot } from './layout.js';
import { MeshBuilder, QuadBuilder, place, solidMaterial } from './mesh-builder.js';
import { BRAND, loadSvg, paintLogo, paintNameSign, paintPlaque, shade } from './paint.js';
import { addPrimitive } from './primitives.js';
import { addPine } from './props.js';

const BACK_H = 4.2;
const SIDE_H = 3.0;
const PILLAR_H = 5.9;
const FASCIA = { y0: 4.9, y1: 5.9 };
const PLINTH = { w: 0.8, h: 1.0 };
const FRAME = 1.25;
const PICTURE_PX = 200;

/** A booth made into meshes, plus what it needs to repaint (language) and to load (pictures). */
export interface BoothMesh {
  group: THREE.Group;
  triangles: number;
  setLang(lang: Lang): void;
  /** Rasterises the exhibit pictures into the atlas (async: SVG decoding). */
  loadPictures(): Promise<void>;
}

/**
 * Use when: building one partner booth from its data and its slot in the plan.
 * Returns: one merged solid mesh (walls, plinths, primitives, décor; one shared vertex-colour
 * material) and one textured mesh per atlas page used (logo, name sign, plaques, pictures).
 */
export function buildBooth(booth: PublicBooth, slot: BoothSlot, atlas: Atlas, lang: Lang, solid = solidMaterial()): BoothMesh {
  const { side, center } = slot;
  const W = DIM.boothW;
  const D = DIM.boothD;
  const front = DIM.avenueHalf + DIM.frontGap;
  const cz = center.z;
  // Booth-local u (from the open front to the back) and v (along the avenue) to world x/z.
  const X = (u: number) => side * (front + u);
  const box = (u: number, y: number, v: number, du: number, dy: number, dv: number) => ({ g: new THREE.BoxGeometry(du, dy, dv), m: place(X(u), y, cz + v) });
  const color = booth.color;
  const solidB = new MeshBuilder();
  const add = (p: { g: THREE.BufferGeometry; m: THREE.Matrix4 }, c: string, unlit = false) => solidB.add(p.g, p.m, c, { unlit });

  // Floor, walls, pillars and fascia.
  // (The booth's carpet is painted into the floor texture: no second layer to draw.)
  add(box(D, BACK_H / 2, 0, DIM.wallThickness, BACK_H, W), color);
  add(box(D - 0.2, BACK_H + 0.12, 0, 0.5, 0.24, W + 0.2), BRAND.gold, true);
  for (const s of [-1, 1]) {
    add(box(D / 2, SIDE_H / 2, (s * W) / 2, D, SIDE_H, DIM.wallThickness), '#EEF3FA');
    add(box(D / 2, SIDE_H - 0.2, (s * W) / 2, D + 0.02, 0.4, DIM.wallThickness + 0.04), color);
    add(box(0.25, PILLAR_H / 2, s * (W / 2 - 0.1), 0.5, PILLAR_H, 0.5), shade(color, -0.25));
    add(box(0.25, PILLAR_H + 0.1, s * (W / 2 - 0.1), 0.62, 0.2, 0.62), BRAND.gold, true);
    // Snowy pines in planters at the booth's front corners.
    addPine(solidB, X(-0.35), cz + s * (W / 2 - 0.7), 0.55);
  }
  add(box(0.25, (FASCIA.y0 + FASCIA.y1) / 2, 0, 0.56, FASCIA.y1 - FASCIA.y0, W - 0.2), color);
  add(box(0.25, FASCIA.y1 + 0.04, 0, 0.6, 0.08, W - 0.2), BRAND.gold, true);
  // A welcome counter by the south pillar.
  add(box(1.4, 0.55, W / 2 - 1.1, 1.2, 1.1, 0.7), color);
  add(box(1.4, 1.13, W / 2 - 1.1, 1.3, 0.06, 0.8), '#FFFFFF');
  // The blade sign's arm over the avenue edge.
  add(box(-1.75, 5.25, W / 2 - 0.1, 3.5, 0.1, 0.1), BRAND.navy);

  // Plinths and exhibits.
  const quads = new Map<number, QuadBuilder>();
  const q = (r: Region) => {
    let b = quads.get(r.page);
    if (!b) quads.set(r.page, (b = new QuadBuilder()));
    return b;
  };
  const pictures: { exhibit: Exhibit; region: Region }[] = [];
  const plaques: { exhibit: Exhibit; region: Region }[] = [];
  // All of the booth's texture regions on one atlas page: its signs are one draw call.
  const exhibitOf = (id: string) => booth.exhibits.find((e) => e.id === id)!;
  const sizes: [number, number][] = [[768, 120], [768, 192]];
  for (const pl of slot.plinths) sizes.push([224, 56], ...(exhibitOf(pl.exhibitId).kind === 'image' ? [[PICTURE_PX, PICTURE_PX] as [number, number]] : []));
  const regions = atlas.allocGroup(sizes);
  let next = 0;
  const region = () => regions[next++]!;
  const logo = region();
  const nameSign = region();
  for (const pl of slot.plinths) {
    const ex = exhibitOf(pl.exhibitId);
    const f = forwardOf(pl.yaw);
    const faceYaw = pl.yaw + Math.PI;
    solidB.add(new THREE.BoxGeometry(PLINTH.w, PLINTH.h, PLINTH.w), place(pl.pos.x, PLINTH.h / 2, pl.pos.z, faceYaw), '#F7FAFF');
    solidB.add(new THREE.BoxGeometry(PLINTH.w + 0.06, 0.08, PLINTH.w + 0.06), place(pl.pos.x, PLINTH.h - 0.04, pl.pos.z, faceYaw), color);
    const plaque = region();
    plaques.push({ exhibit: ex, region: plaque });
    q(plaque).quad(pl.pos.x + f.x * (PLINTH.w / 2 + 0.01), 0.7, pl.pos.z + f.z * (PLINTH.w / 2 + 0.01), faceYaw, 0.72, 0.18, plaque.uv);
    if (ex.kind === 'image') {
      const cy = PLINTH.h + 0.12 + FRAME / 2;
      solidB.add(new THREE.BoxGeometry(0.3, 0.14, 0.3), place(pl.pos.x, PLINTH.h + 0.07, pl.pos.z, faceYaw), shade(ex.color, -0.3));
      solidB.add(new THREE.BoxGeometry(FRAME, FRAME, 0.08), place(pl.pos.x, cy, pl.pos.z, faceYaw), ex.color);
      const pic = region();
      pictures.push({ exhibit: ex, region: pic });
      q(pic).quad(pl.pos.x + f.x * 0.045, cy, pl.pos.z + f.z * 0.045, faceYaw, FRAME - 0.14, FRAME - 0.14, pic.uv);
    } else {
      addPrimitive(solidB, ex.shape ?? 'box', ex.color, place(pl.pos.x, PLINTH.h, pl.pos.z, faceYaw));
    }
  }

  // Logo on the fascia (facing the avenue), on the back wall, and on both faces of the blade sign.
  atlas.paint(logo, (ctx, w, h) => paintLogo(ctx, w, h, booth.logoText, color));
  const towardAvenue = -side * (Math.PI / 2);
  q(logo).quad(X(-0.04), (FASCIA.y0 + FASCIA.y1) / 2, cz, towardAvenue, 6.4, 1.0, logo.uv);
  q(logo).quad(X(D - 0.17), 3.55, cz, towardAvenue, 5.6, 0.875, logo.uv);
  // The blade sign hangs over the avenue's edge, so it reads from far up and down the avenue.
  for (const faceYaw of [0, Math.PI]) q(logo).quad(X(-1.9), 4.9, cz + W / 2 - 0.1 + (faceYaw === 0 ? 0.02 : -0.02), faceYaw, 3.2, 0.5, logo.uv);
  // And on the outside of both side walls, which face the people walking up and down the avenue.
  for (const s of [-1, 1]) q(logo).quad(X(D / 2), 1.9, cz + s * (W / 2 + DIM.wallThickness / 2 + 0.01), s === 1 ? 0 : Math.PI, 6.4, 1.0, logo.uv);
  q(nameSign).quad(X(D - 0.17), 2.55, cz, towardAvenue, 5.2, 1.3, nameSign.uv);

  const paintText = (l: Lang) => {
    atlas.paint(nameSign, (ctx, w, h) => paintNameSign(ctx, w, h, pick(booth.partner, l), pick(booth.tagline, l), color));
    for (const p of plaques) atlas.paint(p.region, (ctx, w, h) => paintPlaque(ctx, w, h, pick(p.exhibit.title, l), color));
  };
  paintText(lang);
  for (const p of pictures) atlas.paint(p.region, (ctx, w, h) => placeholderPicture(ctx, w, h, p.exhibit.color));

  const group = new THREE.Group();
  group.name = `booth:${booth.id}`;
  const solidMesh = new THREE.Mesh(solidB.build(), solid);
  solidMesh.name = `booth-solid:${booth.id}`;
  group.add(solidMesh);
  for (const [page, b] of quads) {
    const mesh = new THREE.Mesh(b.build(), atlas.material(page));
    mesh.name = `booth-signs:${booth.id}:${page}`;
    group.add(mesh);
  }
  return {
    group,
    triangles: solidB.triangles + [...quads.values()].reduce((n, b) => n + b.triangles, 0),
    setLang: paintText,
    async loadPictures() {
      await Promise.all(
        pictures.map(async (p) => {
          try {
            const img = await loadSvg(p.exhibit.svg ?? '', PICTURE_PX);
            atlas.paint(p.region, (ctx, w, h) => ctx.drawImage(img, 0, 0, w, h));
          } catch (e) {
            console.warn(`[showcase] picture ${booth.id}/${p.exhibit.id} could not be drawn`, e);
          }
        }),
      );
    },
  };
}

/** Shown until (or instead of, if it fails) the exhibit's picture. */
function placeholderPicture(ctx: CanvasRenderingContext2D, w: number, h: number, color: string): void {
  ctx.fillStyle = shade(color, 0.8);
  ctx.fillRect(0, 0, w, h);
}
