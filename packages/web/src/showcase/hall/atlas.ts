import * as THREE from 'three';

export interface UvRect {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
}

export interface Region {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  uv: UvRect;
}

interface Page {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  texture: THREE.CanvasTexture;
  material: THREE.MeshBasicMaterial;
  /** Shelf packing: rows of a fixed height, filled left to right. */
  shelves: { y: number; h: number; x: number }[];
  nextY: number;
  dirty: boolean;
}

const PAD = 2;

/**
 * Canvas texture atlas: every sign, logo, picture and panel of the hall is painted into a few big
 * canvases, so all of them are drawn with a handful of materials. Regions are allocated once and
 * can be repainted (language switch); `flush()` uploads the pages that changed.
 */
export class Atlas {
  readonly pages: Page[] = [];

  /** Pages of `width`×`height` px; a flush uploads only the pages that changed, so modest pages keep loading smooth. */
  constructor(
    readonly width = 2048,
    readonly height = 1024,
  ) {}

  alloc(w: number, h: number): Region {
    if (w + 2 * PAD > this.width || h + 2 * PAD > this.height) throw new Error(`atlas region ${w}×${h} is larger than a page`);
    for (let p = 0; p < this.pages.length; p++) {
      const r = this.tryAlloc(this.pages[p]!, p, w, h);
      if (r) return r;
    }
    const page = this.newPage();
    return this.tryAlloc(page, this.pages.length - 1, w, h)!;
  }

  /**
   * Allocates several regions on one page (a new one if they do not all fit on the last), so
   * whatever shows them together — a booth's signs — is drawn with one material.
   */
  allocGroup(sizes: readonly (readonly [number, number])[]): Region[] {
    let page = this.pages.at(-1);
    if (page) {
      const saved = { shelves: page.shelves.map((s) => ({ ...s })), nextY: page.nextY };
      const out: Region[] = [];
      for (const [w, h] of sizes) {
        const r = this.tryAlloc(page, this.pages.length - 1, w, h);
        if (!r) break;
        out.push(r);
      }
      if (out.length === sizes.length) return out;
      page.shelves = saved.shelves;
      page.nextY = saved.nextY;
    }
    page = this.newPage();
    return sizes.map(([w, h]) => {
      const r = this.tryAlloc(page!, this.pages.length - 1, w, h);
      if (!r) throw new Error('atlas group larger than a page');
      return r;
    });
  }

  private tryAlloc(page: Page, index: number, w: number, h: number): Region | null {
    const fw = w + 2 * PAD;
    const fh = h + 2 * PAD;
    for (const s of page.shelves) {
      if (s.h >= fh && s.h <= fh * 1.5 && s.x + fw <= this.width) {
        const r = this.region(index, s.x + PAD, s.y + PAD, w, h);
        s.x += fw;
        return r;
      }
    }
    if (page.nextY + fh > this.height) return null;
    const shelf = { y: page.nextY, h: fh, x: fw };
    page.shelves.push(shelf);
    page.nextY += fh;
    return this.region(index, PAD, shelf.y + PAD, w, h);
  }

  private region(page: number, x: number, y: number, w: number, h: number): Region {
    const W = this.width;
    const H = this.height;
    // Half a texel inwards so filtering never picks up a neighbour.
    return { page, x, y, w, h, uv: { u0: (x + 0.5) / W, u1: (x + w - 0.5) / W, v1: 1 - (y + 0.5) / H, v0: 1 - (y + h - 0.5) / H } };
  }

  private newPage(): Page {
    const canvas = document.createElement('canvas');
    canvas.width = this.width;
    canvas.height = this.height;
    const ctx = canvas.getContext('2d')!;
    const texture = new THREE.CanvasTexture(canvas);
    texture.colorSpace = THREE.NoColorSpace;
    texture.anisotropy = 1;
    // Mipmaps keep distant text from shimmering; "nearest" between levels is half the texture
    // fetches of trilinear, which software rendering feels.
    texture.minFilter = THREE.LinearMipmapNearestFilter;
    const material = new THREE.MeshBasicMaterial({ map: texture, fog: true, alphaTest: 0.5 });
    const page: Page = { canvas, ctx, texture, material, shelves: [], nextY: 0, dirty: true };
    this.pages.push(page);
    return page;
  }

  material(page: number): THREE.MeshBasicMaterial {
    return this.pages[page]!.material;
  }

  /** Paints a region: `paint` gets a context translated and clipped to it, with its size. */
  paint(r: Region, paint: (ctx: CanvasRenderingContext2D, w: number, h: number) => void): void {
    const page = this.pages[r.page]!;
    const ctx = page.ctx;
    ctx.save();
    // Bleed the edge colour into the padding by painting slightly larger, then clip.
    ctx.beginPath();
    ctx.rect(r.x - PAD, r.y - PAD, r.w + 2 * PAD, r.h + 2 * PAD);
    ctx.clip();
    ctx.clearRect(r.x - PAD, r.y - PAD, r.w + 2 * PAD, r.h + 2 * PAD);
    ctx.translate(r.x, r.y);
    paint(ctx, r.w, r.h);
    ctx.restore();
    page.dirty = true;
  }

  /** Uploads changed pages to the GPU. */
  flush(): void {
    for (const p of this.pages) {
      if (!p.dirty) continue;
      p.texture.needsUpdate = true;
      p.dirty = false;
    }
  }

  dispose(): void {
    for (const p of this.pages) {
      p.texture.dispose();
      p.material.dispose();
    }
  }
}
