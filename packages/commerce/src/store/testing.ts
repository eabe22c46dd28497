import type { DesignDoc, Layer } from '@snowstage/protocol';

/** A layer for tests: a box at (x, y) with defaults for everything else. */
export function layer<K extends Layer['kind']>(kind: K, extra: Partial<Extract<Layer, { kind: K }>> = {}): Extract<Layer, { kind: K }> {
  const base = { id: `${kind}-1`, x: 105, y: 100, w: 80, h: 40, scale: 1, rotation: 0 };
  const byKind: Record<Layer['kind'], object> = {
    text: { kind: 'text', text: '冰雪之约 Winter', color: '#C8102E', weight: 700 },
    clipart: { kind: 'clipart', clipartId: 'snowflake' },
    image: { kind: 'image', imageId: 'img_' + 'a'.repeat(32) },
    shape: { kind: 'shape', shape: 'star', fill: '#F2C14E', stroke: null },
  };
  return { ...base, ...byKind[kind], ...extra } as Extract<Layer, { kind: K }>;
}

/** A white T-shirt design with the given front layers. */
export function teeDesign(front: Layer[], back: Layer[] = []): DesignDoc {
  return { v: 1, garment: 'tshirt', color: 'white', sides: { front, back } };
}
