import { yawTowards, type HallLayout, type Vec2 } from './hall/layout.js';

/** Her usual walking pace (m/s). */
export const GUIDE_SPEED = 2.4;
/**
 * The longest a walk between stops may take (s): the host starts talking about a booth right
 * after the stop, so over long distances she hurries (a jog) rather than arrive mid-story.
 */
export const MAX_WALK_S = 6;

interface Leg {
  points: Vec2[];
  /** Room-clock ms when the walk starts. */
  startAt: number;
  /** Cumulative length at each point. */
  lengths: number[];
  /** m/s for this walk. */
  speed: number;
  /** Yaw to face on arrival. */
  endYaw: number;
}

export interface GuidePose {
  pos: Vec2;
  yaw: number;
  walking: boolean;
  /** m/s while walking (for the stride). */
  speed: number;
}

/**
 * Where the tour guide is at any room-clock moment. Each `tourStop` schedules a walk that starts at
 * its `startAt` from wherever she will be then, to the booth's door, along a lane of the avenue
 * that passes the monument. Stops often arrive ahead of time (the host queues her lines), so walks
 * are kept in order of their start; every viewer computes the same position from the same events.
 * Pure: time comes in as an argument.
 */
export class GuideTrack {
  private legs: Leg[];

  constructor(
    private readonly layout: HallLayout,
    home: Vec2 & { yaw: number } = guideHome(layout),
  ) {
    this.legs = [{ points: [{ x: home.x, z: home.z }], startAt: -Infinity, lengths: [0], endYaw: home.yaw, speed: GUIDE_SPEED }];
  }

  /** Schedules a walk to `to` starting at room time `startAt`, facing `endYaw` on arrival. A later-scheduled walk supersedes those starting at or after it. */
  walkTo(to: Vec2, endYaw: number, startAt: number): void {
    this.legs = this.legs.filter((l) => l.startAt < startAt);
    const from = this.at(startAt).pos;
    const lane = this.layout.monument.r + 1.2;
    const points = [from];
    // Keep to the east lane of the avenue: clear of the monument and of the lamp posts.
    if (Math.abs(from.z - to.z) > 1) points.push({ x: lane, z: from.z }, { x: lane, z: to.z });
    points.push(to);
    const lengths = [0];
    for (let i = 1; i < points.length; i++) lengths.push(lengths[i - 1]! + Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.z - points[i - 1]!.z));
    const speed = Math.max(GUIDE_SPEED, lengths.at(-1)! / MAX_WALK_S);
    this.legs.push({ points, startAt, lengths, endYaw, speed });
  }

  /** When the last scheduled walk ends (room-clock ms). */
  get arrivesAt(): number {
    const leg = this.legs.at(-1)!;
    return leg.startAt + (leg.lengths.at(-1)! / leg.speed) * 1000;
  }

  /** Where the last scheduled walk ends. */
  get destination(): Vec2 {
    return { ...this.legs.at(-1)!.points.at(-1)! };
  }

  private legAt(now: number): Leg {
    let leg = this.legs[0]!;
    for (const l of this.legs) if (l.startAt <= now) leg = l;
    return leg;
  }

  /** Where the walk under way at `now` leads (her spot if she is standing). */
  headingAt(now: number): Vec2 {
    return { ...this.legAt(now).points.at(-1)! };
  }

  at(now: number): GuidePose {
    const leg = this.legAt(now);
    const { points, lengths, startAt, endYaw, speed } = leg;
    const total = lengths.at(-1)!;
    const s = Math.max(0, ((now - startAt) / 1000) * speed);
    if (s >= total || points.length === 1) return { pos: { ...points.at(-1)! }, yaw: endYaw, walking: false, speed: 0 };
    let i = 1;
    while (i < lengths.length - 1 && lengths[i]! < s) i++;
    const a = points[i - 1]!;
    const b = points[i]!;
    const segLen = lengths[i]! - lengths[i - 1]!;
    const t = segLen === 0 ? 1 : (s - lengths[i - 1]!) / segLen;
    const walking = now >= startAt;
    return { pos: { x: a.x + (b.x - a.x) * t, z: a.z + (b.z - a.z) * t }, yaw: yawTowards(a, b), walking, speed: walking ? speed : 0 };
  }
}

/** Where the guide waits between tours: beside the monument, facing the entrance. */
export function guideHome(layout: HallLayout): Vec2 & { yaw: number } {
  return { x: layout.monument.r + 1.5, z: layout.plaza.c.z + layout.monument.r + 1.5, yaw: Math.PI };
}
