import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LocalizedText, Slug } from '@snowstage/protocol';
import type { Fragment } from '@snowstage/commerce';

const Manifest = z.object({ pieces: z.array(z.object({ id: Slug, name: LocalizedText, tags: z.array(z.string()).default([]) })).min(1) });

export interface ClipartPiece {
  id: string;
  name: LocalizedText;
  tags: string[];
  /** The whole SVG file (served to the designer). */
  svg: string;
  /** Inner markup and viewBox (for the render plan). */
  fragment: Fragment;
}

/**
 * The Winter-Games clip-art set from content/clipart: clipart.json names the pieces, each is
 * `<id>.svg`. Loaded once at start-up; a piece with scripts, event handlers, external references
 * or no viewBox stops the start with a message naming the file.
 */
export class ClipartLibrary {
  private readonly pieces = new Map<string, ClipartPiece>();

  constructor(dir: string) {
    const manifest = Manifest.parse(JSON.parse(readFileSync(join(dir, 'clipart.json'), 'utf8')));
    for (const p of manifest.pieces) {
      const file = join(dir, `${p.id}.svg`);
      const svg = readFileSync(file, 'utf8').trim();
      if (/<script|\son\w+\s*=|href\s*=\s*["'](?!#)|<foreignObject|<image/i.test(svg)) throw new Error(`${file}: clip-art may not contain scripts, handlers, images or external references`);
      const root = /^<svg\b([^>]*)>([\s\S]*)<\/svg>$/.exec(svg);
      const vb = root && /viewBox="([-\d.\s]+)"/.exec(root[1]!);
      const nums = vb?.[1]!.trim().split(/\s+/).map(Number);
      if (!root || !nums || nums.length !== 4 || nums.some((n) => !Number.isFinite(n))) throw new Error(`${file}: an <svg> root with a numeric viewBox is required`);
      this.pieces.set(p.id, { ...p, svg, fragment: { body: root[2]!, box: { x: nums[0]!, y: nums[1]!, w: nums[2]!, h: nums[3]! } } });
    }
  }

  has(id: string): boolean {
    return this.pieces.has(id);
  }

  get(id: string): ClipartPiece | null {
    return this.pieces.get(id) ?? null;
  }

  list(): ClipartPiece[] {
    return [...this.pieces.values()];
  }
}
