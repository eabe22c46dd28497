import { resolve } from './hall/collide.js';
import { DIM, forwardOf, inRect, yawTowards, type BoothSlot, type HallLayout, type Vec2 } from './hall/layout.js';

/** What the player's hands ask for this frame; each axis −1…1. */
export interface WalkInput {
  forward: number;
  strafe: number;
  /** Turning speed factor (keys); positive turns left. */
  turn: number;
  run: boolean;
}

export const NO_INPUT: WalkInput = { forward: 0, strafe: 0, turn: 0, run: false };

export const SPEED = { walk: 4, run: 7.5, travel: 6.5, turn: 2.4, autoTurn: 7 } as const;

/**
 * The fan's body in the hall: position, heading, manual movement with collisions, and automatic
 * travel along waypoints (click-to-walk, minimap, guided tour). Manual movement cancels travel.
 * Pure logic over the layout: the scene only reads `pos` and `yaw`.
 */
export class Walker {
  pos: Vec2;
  yaw: number;
  /** Metres moved in the last step (for walk animation). */
  speed = 0;
  private route: Vec2[] = [];
  private endYaw: number | null = null;
  private stuckFor = 0;

  constructor(private readonly layout: HallLayout) {
    this.pos = { x: layout.spawn.x, z: layout.spawn.z };
    this.yaw = layout.spawn.yaw;
  }

  get travelling(): boolean {
    return this.route.length > 0 || this.endYaw !== null;
  }

  /** The remaining waypoints (for the click marker). */
  get destination(): Vec2 | null {
    return this.route.at(-1) ?? null;
  }

  travel(points: Vec2[], endYaw: number | null = null): void {
    this.route = points.map((p) => ({ x: p.x, z: p.z }));
    this.endYaw = endYaw;
    this.stuckFor = 0;
  }

  cancel(): void {
    this.route = [];
    this.endYaw = null;
  }

  /** Advances `dt` seconds (at most a quarter second, in short sub-steps so nobody slips through a wall on a slow frame). */
  step(dt: number, input: WalkInput): void {
    dt = Math.min(dt, 0.25);
    const before = { ...this.pos };
    const n = Math.max(1, Math.ceil(dt / 0.05));
    for (let i = 0; i < n; i++) this.subStep(dt / n, input);
    this.speed = Math.hypot(this.pos.x - before.x, this.pos.z - before.z) / Math.max(dt, 1e-6);
  }

  private subStep(dt: number, input: WalkInput): void {
    this.yaw += input.turn * SPEED.turn * dt;
    if (input.forward !== 0 || input.strafe !== 0) {
      this.cancel();
      const f = forwardOf(this.yaw);
      const speed = input.run ? SPEED.run : SPEED.walk;
      const len = Math.hypot(input.forward, input.strafe) || 1;
      const mf = (input.forward / Math.max(1, len)) * speed * dt;
      const ms = (input.strafe / Math.max(1, len)) * speed * dt;
      // Right of forward (−sin, −cos) is (cos, −sin).
      this.moveTo({ x: this.pos.x + f.x * mf + Math.cos(this.yaw) * ms, z: this.pos.z + f.z * mf - Math.sin(this.yaw) * ms });
    } else if (this.route.length > 0) {
      this.followRoute(dt);
    } else if (this.endYaw !== null) {
      this.yaw = turnTowards(this.yaw, this.endYaw, SPEED.autoTurn * 0.5 * dt);
      if (Math.abs(angleDiff(this.yaw, this.endYaw)) < 0.01) this.endYaw = null;
    }
  }

  private followRoute(dt: number): void {
    const target = this.route[0]!;
    const dx = target.x - this.pos.x;
    const dz = target.z - this.pos.z;
    const d = Math.hypot(dx, dz);
    if (d < 0.25) {
      this.route.shift();
      this.stuckFor = 0;
      return;
    }
    this.yaw = turnTowards(this.yaw, yawTowards(this.pos, target), SPEED.autoTurn * dt);
    const stepLen = Math.min(d, SPEED.travel * dt);
    const before = { ...this.pos };
    this.moveTo({ x: this.pos.x + (dx / d) * stepLen, z: this.pos.z + (dz / d) * stepLen });
    const progress = Math.hypot(this.pos.x - before.x, this.pos.z - before.z);
    this.stuckFor = progress < stepLen * 0.2 ? this.stuckFor + dt : 0;
    // Blocked (a plinth in the way of a clicked spot): give this waypoint up.
    if (this.stuckFor > 0.5) {
      this.route.shift();
      this.stuckFor = 0;
    }
  }

  private moveTo(p: Vec2): void {
    this.pos = resolve(p, DIM.bodyR, this.layout.colliders, this.layout.bounds);
  }
}

export function angleDiff(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d < -Math.PI) d += 2 * Math.PI;
  return d;
}

function turnTowards(from: number, to: number, maxStep: number): number {
  const d = angleDiff(from, to);
  return Math.abs(d) <= maxStep ? from + d : from + Math.sign(d) * maxStep;
}

/** The booth whose footprint holds `p`, if any. */
export function boothAt(p: Vec2, layout: HallLayout): BoothSlot | null {
  return layout.booths.find((b) => inRect(p, b.area)) ?? null;
}

/**
 * Use when: travelling to a booth (minimap, tour). Leaves the booth you are in by its door (or
 * comes round through the nearest gap when behind the booths), walks the avenue, and ends a couple
 * of metres inside the booth looking at its exhibits.
 */
export function routeToBooth(from: Vec2, booth: BoothSlot, layout: HallLayout): { points: Vec2[]; yaw: number } {
  const points = exitRoute(from, layout);
  points.push(booth.door);
  const inside = { x: booth.side * (DIM.avenueHalf + DIM.frontGap + 2.2), z: booth.center.z };
  points.push(inside);
  return { points: aroundMonument(from, points, layout), yaw: booth.facingIn };
}

/**
 * Use when: following the guide. Ends on the avenue in front of the booth, a little to the side
 * of its middle, looking in: the camera behind the fan frames her at her presenting spot with the
 * booth behind her.
 */
export function routeToTourSpot(from: Vec2, booth: BoothSlot, layout: HallLayout): { points: Vec2[]; yaw: number } {
  const points = exitRoute(from, layout);
  points.push({ x: booth.door.x, z: booth.center.z + 1.6 * booth.side });
  return { points: aroundMonument(from, points, layout), yaw: booth.facingIn };
}

/** Use when: walking to an arbitrary point of the avenue, the plaza or the rotunda. */
export function routeToPoint(from: Vec2, to: Vec2, layout: HallLayout): Vec2[] {
  const points = exitRoute(from, layout);
  const target = boothAt(to, layout);
  if (target && target !== boothAt(from, layout)) points.push(target.door);
  points.push(to);
  return aroundMonument(from, points, layout);
}

/** Inserts a waypoint beside the plaza's monument wherever a leg of the route would run into it. */
function aroundMonument(from: Vec2, points: Vec2[], layout: HallLayout): Vec2[] {
  const { c, r } = layout.monument;
  const clear = r + DIM.bodyR + 0.4;
  const out: Vec2[] = [];
  let a = from;
  for (const b of points) {
    const dx = b.x - a.x;
    const dz = b.z - a.z;
    const len2 = dx * dx + dz * dz;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((c.x - a.x) * dx + (c.z - a.z) * dz) / len2));
    const px = a.x + t * dx - c.x;
    const pz = a.z + t * dz - c.z;
    if (t > 0 && t < 1 && Math.hypot(px, pz) < clear) {
      // Pass on the side the leg already leans to (east when it goes straight through the middle).
      const len = Math.sqrt(len2);
      let nx = -dz / len;
      let nz = dx / len;
      if (nx * px + nz * pz < 0 || (Math.abs(px) < 1e-6 && Math.abs(pz) < 1e-6 && nx < 0)) {
        nx = -nx;
        nz = -nz;
      }
      const d = r + 1.6;
      out.push({ x: c.x + nx * d - (dx / len) * d * 0.6, z: c.z + nz * d - (dz / len) * d * 0.6 }, { x: c.x + nx * d + (dx / len) * d * 0.6, z: c.z + nz * d + (dz / len) * d * 0.6 });
    }
    out.push(b);
    a = b;
  }
  return out;
}

function exitRoute(from: Vec2, layout: HallLayout): Vec2[] {
  const here = boothAt(from, layout);
  if (here) return [here.door];
  const onAvenue = Math.abs(from.x) <= DIM.avenueHalf + DIM.frontGap;
  const inRotunda = Math.hypot(from.x - layout.rotunda.center.x, from.z - layout.rotunda.center.z) < layout.rotunda.radius;
  const inPlaza = Math.hypot(from.x - layout.plaza.c.x, from.z - layout.plaza.c.z) < layout.plaza.r;
  if (onAvenue || inRotunda || inPlaza || layout.lamps.length === 0) return [];
  // Behind the booths: along the back to the nearest gap between booths, then out to the avenue.
  let gapZ = layout.lamps[0]!.z;
  for (const l of layout.lamps) if (Math.abs(l.z - from.z) < Math.abs(gapZ - from.z)) gapZ = l.z;
  return [
    { x: from.x, z: gapZ },
    { x: 0, z: gapZ },
  ];
}
