import { describe, expect, it } from 'vitest';
import { insideArea, type DesignDoc, type Layer } from '@snowstage/protocol';
import { DesignHistory } from './history.js';

const area = { w: 210, h: 297 };
const empty = (): DesignDoc => ({ v: 1, garment: 'tshirt', color: 'white', sides: { front: [], back: [] } });
const shape = (id: string, x = 100): Layer => ({ id, kind: 'shape', shape: 'star', fill: '#C8102E', stroke: null, x, y: 100, w: 40, h: 40, scale: 1, rotation: 0 });

describe('designer history', () => {
  it('adds, moves, scales and rotates layers, always clamped into the print area', () => {
    const h = new DesignHistory(empty(), () => area);
    h.add('front', shape('a'));
    h.update('front', 'a', { x: 500, y: -50 });
    expect(h.doc.sides.front[0]).toMatchObject({ x: 190, y: 20 });
    h.update('front', 'a', { scale: 9, rotation: 30 });
    expect(insideArea(h.doc.sides.front[0]!, area)).toBe(true);
  });

  it('undoes and redoes every step, and a new edit drops the redo branch', () => {
    const h = new DesignHistory(empty(), () => area);
    h.add('front', shape('a'));
    h.add('front', shape('b', 50));
    h.reorder('front', 'a', 1);
    expect(h.doc.sides.front.map((l) => l.id)).toEqual(['b', 'a']);
    h.undo();
    expect(h.doc.sides.front.map((l) => l.id)).toEqual(['a', 'b']);
    h.undo();
    h.undo();
    expect(h.doc.sides.front).toEqual([]);
    expect(h.canUndo).toBe(false);
    h.redo();
    expect(h.doc.sides.front.map((l) => l.id)).toEqual(['a']);
    h.remove('front', 'a');
    expect(h.canRedo).toBe(false);
    expect(h.doc.sides.front).toEqual([]);
  });

  it('folds a drag into one undo step', () => {
    const h = new DesignHistory(empty(), () => area);
    h.add('front', shape('a'));
    h.update('front', 'a', { x: 110 });
    for (let x = 111; x < 150; x++) h.update('front', 'a', { x }, true);
    h.undo();
    expect(h.doc.sides.front[0]!.x).toBe(100);
  });

  it('drops layers of a side the new garment lacks, and refuses more than 20 layers', () => {
    const h = new DesignHistory(empty(), (side) => (side === 'front' ? area : undefined));
    h.replace({ ...empty(), garment: 'tote', sides: { front: [shape('a')], back: [shape('b')] } });
    expect(h.doc.sides.back).toEqual([]);
    for (let i = 0; i < 19; i++) expect(h.add('front', shape(`s${i}`))).toBe(true);
    expect(h.add('front', shape('one-too-many'))).toBe(false);
  });
});
