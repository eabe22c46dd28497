import { yawTowards, type HallLayout, type Vec2 } from './hall/layout.js';

export const GUIDE_SPEED = 2.4;

interface Leg {
  points: Vec2[];
  /** Room-clock ms when the walk starts. */
  startAt: number;
  /** Cumulative length at each point. */
  lengths: number[];
  /** Yaw to face on arrival. */
  endYaw: number;
}

export interface GuidePose {
  pos: Vec2;
  yaw: number;
  walking: boolean;
}

/**
 * Where the tour guide is at any room-clock moment. A `tourStop` starts a walk from wherever she is
 * at that moment to the booth's door, along a lane of the avenue that passes the monument; every
 * viewer computes the same position from the same events. Pure: time comes in as an argument.
 */
export class GuideTrack {
  private leg: Leg;

  constructor(
    private readonly layout: HallLayout,
    home: Vec2 & { yaw: number } = guideHome(layout),
  ) {
    this.leg = { points: [{ x: home.x, z: home.z }], startAt: 0, lengths: [0], endYaw: home.yaw };
  }

  /** Starts a walk to `to` at room time `startAt`, facing `endYaw` on arrival. */
  walkTo(to: Vec2, endYaw: number, startAt: number): void {
    const from = this.at(startAt).pos;
    const lane = this.layout.monument.r + 1.2;
    const points = [from];
    // Keep to the east lane of the avenue: clear of the monument and of the lamp posts.
    if (Math.abs(from.z - to.z) > 1) points.push({ x: lane, z: from.z }, { x: lane, z: to.z });
    points.push(to);
    const lengths = [0];
    for (let i = 1; i < points.length; i++) lengths.push(lengths[i - 1]! + Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.z - points[i - 1]!.z));
    this.leg = { points, startAt, lengths, endYaw };
  }

  /** When the current walk ends (room-clock ms). */
  get arrivesAt(): number {
    return this.leg.startAt + (this.leg.lengths.at(-1)! / GUIDE_SPEED) * 1000;
  }

  at(now: number): GuidePose {
    const { points, lengths, startAt, endYaw } = this.leg;
    const total = lengths.at(-1)!;
    const s = Math.max(0, ((now - startAt) / 1000) * GUIDE_SPEED);
    if (s >= total || points.length === 1) return { pos: { ...points.at(-1)! }, yaw: endYaw, walking: false };
    let i = 1;
    while (i < lengths.length - 1 && lengths[i]! < s) i++;
    const a = points[i - 1]!;
    const b = points[i]!;
    const segLen = lengths[i]! - lengths[i - 1]!;
    const t = segLen === 0 ? 1 : (s - lengths[i - 1]!) / segLen;
    return { pos: { x: a.x + (b.x - a.x) * t, z: a.z + (b.z - a.z) * t }, yaw: yawTowards(a, b), walking: now >= startAt };
  }
}

/** Where the guide waits between tours: beside the monument, facing the entrance. */
export function guideHome(layout: HallLayout): Vec2 & { yaw: number } {
  return { x: layout.monument.r + 1.5, z: layout.plaza.c.z + layout.monument.r + 1.5, yaw: Math.PI };
}
