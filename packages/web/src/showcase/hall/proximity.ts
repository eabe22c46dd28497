import { dist, inRect, type HallLayout, type Vec2 } from './layout.js';

/** What the fan is standing at: the booth whose area they are in, the exhibit or milestone they are close to. */
export interface Focus {
  boothId: string | null;
  /** `boothId/exhibitId` of the nearest exhibit in reach. */
  exhibit: { boothId: string; exhibitId: string } | null;
  /** Index of the nearest timeline panel in reach. */
  milestone: number | null;
}

export const REACH = { exhibit: 2.3, panel: 3.4 } as const;

/**
 * Use when: deciding which card to open and when to record a visit.
 * Returns: the booth containing `p` (its footprint), the nearest exhibit within REACH.exhibit and
 * the nearest timeline panel within REACH.panel. Pure: no side effects.
 */
export function focusAt(p: Vec2, layout: HallLayout): Focus {
  let boothId: string | null = null;
  let exhibit: Focus['exhibit'] = null;
  let best: number = REACH.exhibit;
  for (const b of layout.booths) {
    if (inRect(p, b.area)) boothId = b.id;
    // Only exhibits of a booth you are in or right at the front of.
    if (!inRect(p, b.area, 1.5)) continue;
    for (const pl of b.plinths) {
      const d = dist(p, pl.pos);
      if (d < best) {
        best = d;
        exhibit = { boothId: b.id, exhibitId: pl.exhibitId };
      }
    }
  }
  let milestone: number | null = null;
  let bestPanel: number = REACH.panel;
  for (const panel of layout.rotunda.panels) {
    const d = dist(p, panel.pos);
    if (d < bestPanel) {
      bestPanel = d;
      milestone = panel.index;
    }
  }
  return { boothId, exhibit, milestone };
}

export function sameFocus(a: Focus, b: Focus): boolean {
  return a.boothId === b.boothId && a.milestone === b.milestone && a.exhibit?.exhibitId === b.exhibit?.exhibitId && a.exhibit?.boothId === b.exhibit?.boothId;
}
