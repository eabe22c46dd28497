/**
 * Where everything in the exhibition hall stands, computed from the content alone (no scene files).
 * Pure 2D plan: x to the east, z to the south (three.js axes seen from above); the y axis is height.
 *
 * The plan: an entrance gate in the south, an avenue running north with booths on both sides, a
 * plaza with the monument half-way, and at the north end a rotunda whose curved wall carries the
 * timeline's dated panels. Booths open towards the avenue; exhibits stand on plinths in a horseshoe.
 */

export interface Vec2 {
  x: number;
  z: number;
}
export interface Rect {
  x0: number;
  z0: number;
  x1: number;
  z1: number;
}
/** A thin wall from a to b; colliders give it half a thickness on each side. */
export interface Segment {
  a: Vec2;
  b: Vec2;
}
export interface Circle {
  c: Vec2;
  r: number;
}

export const DIM = {
  avenueHalf: 6,
  /** Gap between the avenue's edge and a booth's open front. */
  frontGap: 0.6,
  /** A booth's size along the avenue (z) and away from it (x). */
  boothW: 11,
  boothD: 8,
  boothGap: 3,
  wallHeight: 3.6,
  wallThickness: 0.3,
  plazaR: 10,
  plinthR: 0.5,
  panelW: 3,
  panelGap: 0.5,
  /** The player's body radius for collisions. */
  bodyR: 0.35,
} as const;

export interface PlinthSlot {
  exhibitId: string;
  pos: Vec2;
  /** The way the exhibit's face looks (forward convention), towards the booth's middle. */
  yaw: number;
}

export interface BoothSlot {
  id: string;
  index: number;
  /** -1: west of the avenue (opens east); 1: east of it (opens west). */
  side: -1 | 1;
  /** Middle of the footprint. */
  center: Vec2;
  /** The footprint: stepping into it counts as a visit. */
  area: Rect;
  /** On the avenue in front of the open side: where routes enter and leave the booth. */
  door: Vec2;
  /** Just inside the open front, to one side: where the tour guide stands to present the booth, facing the avenue. */
  stage: Vec2 & { yaw: number };
  /** Yaw of someone standing at the door looking into the booth. */
  facingIn: number;
  plinths: PlinthSlot[];
  walls: Segment[];
}

export interface PanelSlot {
  index: number;
  pos: Vec2;
  /** The way the panel's face looks (forward convention), towards the rotunda's centre. */
  yaw: number;
}

export interface HallLayout {
  booths: BoothSlot[];
  plaza: Circle;
  /** The monument in the middle of the plaza. */
  monument: Circle;
  avenue: Rect;
  gate: { z: number; halfWidth: number };
  rotunda: { center: Vec2; radius: number; panels: PanelSlot[]; span: number };
  bounds: Rect;
  spawn: Vec2 & { yaw: number };
  /** Lamp posts along the avenue (also colliders). */
  lamps: Vec2[];
  /** Flag poles round the plaza's rim, clear of the avenue (also colliders). */
  flags: Vec2[];
  colliders: { segments: Segment[]; circles: Circle[] };
}

/** Yaw convention: 0 looks north (−z); forward = (−sin yaw, −cos yaw). */
export function forwardOf(yaw: number): Vec2 {
  return { x: -Math.sin(yaw), z: -Math.cos(yaw) };
}

/** The yaw that looks from `from` towards `to`. */
export function yawTowards(from: Vec2, to: Vec2): number {
  return Math.atan2(-(to.x - from.x), -(to.z - from.z));
}

/**
 * Use when: building the hall, the minimap, collisions and proximity from the same content.
 * Expects: booths in content order (each with its exhibit ids) and the timeline's milestone count.
 * Returns: the full plan; booths alternate west/east in pairs, the plaza after the first half.
 */
export function layoutHall(booths: { id: string; exhibits: { id: string }[] }[], milestones: number): HallLayout {
  const { avenueHalf, frontGap, boothW, boothD, boothGap, plazaR } = DIM;
  const pairs = Math.ceil(booths.length / 2);
  const plazaAfter = Math.ceil(pairs / 2);
  const gateZ = 0;
  let cursor = gateZ - 4;
  const pairZ: number[] = [];
  let plazaZ = 0;
  for (let k = 0; k < pairs; k++) {
    if (k === plazaAfter) {
      plazaZ = cursor - plazaR;
      cursor -= 2 * plazaR;
    }
    pairZ.push(cursor - boothW / 2);
    cursor -= boothW + boothGap;
  }
  if (plazaAfter >= pairs) {
    plazaZ = cursor - plazaR;
    cursor -= 2 * plazaR;
  }

  const slots = booths.map((b, i) => boothSlot(b, i, pairZ[Math.floor(i / 2)]!, i % 2 === 0 ? -1 : 1));

  // The rotunda: panels on an arc around its centre, opening south towards the avenue.
  const step = DIM.panelW + DIM.panelGap;
  const radius = Math.max(14, (milestones * step) / (1.5 * Math.PI));
  const span = (milestones * step) / radius;
  const center = { x: 0, z: cursor - radius + 2 };
  const panels: PanelSlot[] = [];
  for (let i = 0; i < milestones; i++) {
    // Left to right as you face north: oldest on the west.
    const phi = -span / 2 + (i + 0.5) * (span / milestones);
    // The panel faces the centre: forward (−sin φ, cos φ), i.e. yaw π − φ.
    panels.push({ index: i, pos: { x: center.x + radius * Math.sin(phi), z: center.z - radius * Math.cos(phi) }, yaw: Math.PI - phi });
  }
  const panelWalls = panels.map((p) => {
    // Along the arc: the tangent (cos φ, sin φ), with φ = π − yaw.
    const half = DIM.panelW / 2;
    const dx = -Math.cos(p.yaw) * half;
    const dz = Math.sin(p.yaw) * half;
    return { a: { x: p.pos.x - dx, z: p.pos.z - dz }, b: { x: p.pos.x + dx, z: p.pos.z + dz } };
  });

  const avenue: Rect = { x0: -avenueHalf, x1: avenueHalf, z0: center.z, z1: gateZ + 8 };
  const outer = avenueHalf + frontGap + boothD + 5;
  const bounds: Rect = {
    x0: Math.min(-outer, center.x - radius - 3),
    x1: Math.max(outer, center.x + radius + 3),
    z0: center.z - radius - 3,
    z1: gateZ + 12,
  };
  const lamps: Vec2[] = [];
  for (const z of pairZ) for (const s of [-1, 1]) lamps.push({ x: s * (avenueHalf - 0.4), z: z + boothW / 2 + boothGap / 2 });
  const monument: Circle = { c: { x: 0, z: plazaZ }, r: 2.6 };
  const flags = [50, 90, 130, 230, 270, 310].map((deg) => {
    const a = (deg * Math.PI) / 180;
    return { x: Math.sin(a) * (plazaR - 0.5), z: plazaZ - Math.cos(a) * (plazaR - 0.5) };
  });
  const gate = { z: gateZ, halfWidth: avenueHalf + 1 };

  const segments: Segment[] = [...slots.flatMap((s) => s.walls), ...panelWalls];
  const circles: Circle[] = [
    monument,
    ...slots.flatMap((s) => s.plinths.map((p) => ({ c: p.pos, r: DIM.plinthR }))),
    ...lamps.map((c) => ({ c, r: 0.25 })),
    ...flags.map((c) => ({ c, r: 0.25 })),
    { c: { x: -gate.halfWidth, z: gateZ }, r: 0.8 },
    { c: { x: gate.halfWidth, z: gateZ }, r: 0.8 },
  ];
  return {
    booths: slots,
    plaza: { c: { x: 0, z: plazaZ }, r: plazaR },
    monument,
    avenue,
    gate,
    rotunda: { center, radius, panels, span },
    bounds,
    spawn: { x: 0, z: gateZ + 7, yaw: 0 },
    lamps,
    flags,
    colliders: { segments, circles },
  };
}

function boothSlot(b: { id: string; exhibits: { id: string }[] }, index: number, cz: number, side: -1 | 1): BoothSlot {
  const { avenueHalf, frontGap, boothW, boothD } = DIM;
  const front = avenueHalf + frontGap;
  // Booth-local (u: from the open front towards the back, v: along the avenue) to world.
  const at = (u: number, v: number): Vec2 => ({ x: side * (front + u), z: cz + v });
  const x0 = side * front;
  const x1 = side * (front + boothD);
  const area: Rect = { x0: Math.min(x0, x1), x1: Math.max(x0, x1), z0: cz - boothW / 2, z1: cz + boothW / 2 };
  const n = b.exhibits.length;
  const spread = ((n <= 3 ? 70 : 85) * Math.PI) / 180;
  const middle = at(boothD / 2 - 0.6, 0);
  const plinths = b.exhibits.map((e, i) => {
    const theta = n === 1 ? 0 : -spread + (2 * spread * i) / (n - 1);
    const pos = at(3.8 + 3 * Math.cos(theta), 3 * Math.sin(theta) * side);
    return { exhibitId: e.id, pos, yaw: yawTowards(middle, pos) + Math.PI };
  });
  return {
    id: b.id,
    index,
    side,
    center: at(boothD / 2, 0),
    area,
    door: at(-frontGap - 1.6, 0),
    stage: { ...at(0.9, -1.4 * side), yaw: side === -1 ? -Math.PI / 2 : Math.PI / 2 },
    // Looking from the avenue into the booth: west booths are looked at facing west (yaw +π/2).
    facingIn: side === -1 ? Math.PI / 2 : -Math.PI / 2,
    plinths,
    walls: [
      { a: at(boothD, -boothW / 2), b: at(boothD, boothW / 2) },
      { a: at(0, -boothW / 2), b: at(boothD, -boothW / 2) },
      { a: at(0, boothW / 2), b: at(boothD, boothW / 2) },
    ],
  };
}

export function inRect(p: Vec2, r: Rect, margin = 0): boolean {
  return p.x >= r.x0 - margin && p.x <= r.x1 + margin && p.z >= r.z0 - margin && p.z <= r.z1 + margin;
}

export function dist(a: Vec2, b: Vec2): number {
  return Math.hypot(a.x - b.x, a.z - b.z);
}
