import { clampLayer, DESIGN_LIMITS, type DesignDoc, type DesignSide, type Layer, type PrintArea } from '@snowstage/protocol';

/**
 * The designer's document with undo/redo. Every edit goes through `apply`, which clamps the
 * touched layers into the print area (the same rule the server applies) and records a step.
 * Pure: no DOM, so it is tested directly.
 */
export class DesignHistory {
  private past: DesignDoc[] = [];
  private future: DesignDoc[] = [];

  constructor(
    private current: DesignDoc,
    private readonly areaOf: (side: DesignSide) => PrintArea | undefined,
  ) {}

  get doc(): DesignDoc {
    return this.current;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Replaces the document (garment or colour change); undoable. */
  replace(doc: DesignDoc): void {
    this.commit({ ...doc, sides: { front: this.clampAll('front', doc.sides.front), back: this.clampAll('back', doc.sides.back) } });
  }

  add(side: DesignSide, layer: Layer): boolean {
    if (this.current.sides[side].length >= DESIGN_LIMITS.layersPerSide) return false;
    this.setSide(side, [...this.current.sides[side], this.clamp(side, layer)]);
    return true;
  }

  /** Changes one layer (move, scale, rotate, recolour…); `merge` folds it into the previous step (a drag). */
  update(side: DesignSide, id: string, patch: Partial<Layer>, merge = false): void {
    const layers = this.current.sides[side].map((l) => (l.id === id ? this.clamp(side, { ...l, ...patch } as Layer) : l));
    this.setSide(side, layers, merge);
  }

  remove(side: DesignSide, id: string): void {
    this.setSide(side, this.current.sides[side].filter((l) => l.id !== id));
  }

  /** Moves a layer up (+1, towards the front) or down (-1) in the z-order. */
  reorder(side: DesignSide, id: string, delta: 1 | -1): void {
    const layers = [...this.current.sides[side]];
    const i = layers.findIndex((l) => l.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= layers.length) return;
    [layers[i], layers[j]] = [layers[j]!, layers[i]!];
    this.setSide(side, layers);
  }

  undo(): void {
    const prev = this.past.pop();
    if (!prev) return;
    this.future.push(this.current);
    this.current = prev;
  }

  redo(): void {
    const next = this.future.pop();
    if (!next) return;
    this.past.push(this.current);
    this.current = next;
  }

  private clamp(side: DesignSide, l: Layer): Layer {
    const area = this.areaOf(side);
    return area ? clampLayer(l, area) : l;
  }

  private clampAll(side: DesignSide, layers: Layer[]): Layer[] {
    return this.areaOf(side) ? layers.map((l) => this.clamp(side, l)) : [];
  }

  private setSide(side: DesignSide, layers: Layer[], merge = false): void {
    const next = { ...this.current, sides: { ...this.current.sides, [side]: layers } };
    if (merge && this.past.length > 0) this.current = next;
    else this.commit(next);
  }

  private commit(next: DesignDoc): void {
    this.past.push(this.current);
    if (this.past.length > 100) this.past.shift();
    this.future = [];
    this.current = next;
  }
}
