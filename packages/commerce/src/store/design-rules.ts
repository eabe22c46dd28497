import {
  clampLayer,
  DESIGN_LIMITS,
  insideArea,
  type DesignDoc,
  type DesignSide,
  type ErrorCode,
  type GarmentTemplate,
  type Layer,
} from '@snowstage/protocol';

export interface DesignProblem {
  code: ErrorCode;
  detail: string;
  side?: DesignSide;
  layerId?: string;
}

/** What validating a design needs to know besides the document (all lookups are synchronous). */
export interface DesignContext {
  template: GarmentTemplate;
  hasClipart(id: string): boolean;
  /** Pixel size of an uploaded image, or null when there is no such image. */
  imageSize(id: string): { width: number; height: number } | null;
  /** The first blocked word in a text, or null when it may be printed. */
  blocked(text: string): string | null;
}

export type DesignVerdict = { ok: true; doc: DesignDoc; clamped: number } | { ok: false; problems: DesignProblem[] };

/**
 * Checks a parsed design against its garment and the print rules, and clamps every layer into
 * its print area (the designer clamps too; this is the server's word). Problems: unknown colour
 * or side, no layers, duplicate layer ids, blocked text, unknown clip-art or image, and images
 * too small to reach DESIGN_LIMITS.minPrintDpi at their printed size.
 *
 * Use when: saving a design, before rendering it. Returns the clamped design or every problem found.
 */
export function validateDesign(doc: DesignDoc, ctx: DesignContext): DesignVerdict {
  const t = ctx.template;
  const problems: DesignProblem[] = [];
  if (doc.garment !== t.kind) problems.push({ code: 'DESIGN_INVALID', detail: `template is ${t.kind}, design is ${doc.garment}` });
  if (!t.colors.some((c) => c.id === doc.color)) problems.push({ code: 'DESIGN_INVALID', detail: `${t.kind} does not come in ${doc.color}` });
  let count = 0;
  let clamped = 0;
  const sides = { ...doc.sides };
  for (const side of ['front', 'back'] as const) {
    const layers = doc.sides[side];
    if (layers.length === 0) continue;
    const area = t.printArea[side];
    if (!area) {
      problems.push({ code: 'DESIGN_INVALID', detail: `${t.kind} has no ${side} print area`, side });
      continue;
    }
    const ids = new Set<string>();
    sides[side] = layers.map((l) => {
      count++;
      if (ids.has(l.id)) problems.push({ code: 'DESIGN_INVALID', detail: `duplicate layer id ${l.id}`, side, layerId: l.id });
      ids.add(l.id);
      const c = insideArea(l, area) ? l : clampLayer(l, area);
      if (c !== l) clamped++;
      const p = layerProblem(c, ctx);
      if (p) problems.push({ ...p, side, layerId: l.id });
      return c;
    });
  }
  if (count === 0) problems.push({ code: 'DESIGN_INVALID', detail: 'the design has no layers' });
  return problems.length ? { ok: false, problems } : { ok: true, doc: { ...doc, sides }, clamped };
}

function layerProblem(l: Layer, ctx: DesignContext): Omit<DesignProblem, 'side' | 'layerId'> | null {
  switch (l.kind) {
    case 'text': {
      const word = ctx.blocked(l.text);
      return word ? { code: 'DESIGN_TEXT_BLOCKED', detail: `"${word}"` } : null;
    }
    case 'clipart':
      return ctx.hasClipart(l.clipartId) ? null : { code: 'CLIPART_NOT_FOUND', detail: l.clipartId };
    case 'image': {
      const size = ctx.imageSize(l.imageId);
      if (!size) return { code: 'IMAGE_NOT_FOUND', detail: l.imageId };
      const dpi = printedDpi(l, size);
      if (dpi + 1e-9 < DESIGN_LIMITS.minPrintDpi) {
        const maxMm = maxPrintMm(size);
        return {
          code: 'IMAGE_TOO_SMALL',
          detail: `${size.width}×${size.height} px gives ${Math.floor(dpi)} dpi at this size; ${DESIGN_LIMITS.minPrintDpi} dpi needs at most ${maxMm.w}×${maxMm.h} mm`,
        };
      }
      return null;
    }
    case 'shape':
      return null;
  }
}

/** The image's drawn size in mm: contained (aspect kept) in the layer's scaled box. */
export function drawnImageMm(l: Pick<Layer, 'w' | 'h' | 'scale'>, size: { width: number; height: number }): { w: number; h: number } {
  const bw = l.w * l.scale;
  const bh = l.h * l.scale;
  const k = Math.min(bw / size.width, bh / size.height);
  return { w: size.width * k, h: size.height * k };
}

/** Effective resolution of an image layer on the garment, dots per inch. */
export function printedDpi(l: Pick<Layer, 'w' | 'h' | 'scale'>, size: { width: number; height: number }): number {
  const mm = drawnImageMm(l, size);
  return size.width / (mm.w / 25.4);
}

/** The largest printed size (mm, floored) at which an image still reaches the minimum dpi. */
export function maxPrintMm(size: { width: number; height: number }): { w: number; h: number } {
  const k = 25.4 / DESIGN_LIMITS.minPrintDpi;
  return { w: Math.floor(size.width * k), h: Math.floor(size.height * k) };
}
