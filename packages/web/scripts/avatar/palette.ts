import * as THREE from 'three';

/** Dong Dong's colours (sRGB hex; THREE converts them to linear vertex colours). */
export const HEX = {
  skin: 0xfbe3d3,
  skinShadow: 0xf2c4b2,
  blush: 0xf7a1a6,
  hair: 0x2f2229,
  hairShine: 0x5a4350,
  hairDeep: 0x1f161c,
  red: 0xd7263d,
  redDeep: 0xb51d31,
  ice: 0x4fc3f7,
  iceDeep: 0x2fa6dc,
  navy: 0x1b2a4a,
  navyDeep: 0x131e36,
  white: 0xfbfbfd,
  snow: 0xeef4fb,
  cream: 0xfff6ea,
  glove: 0xf7f9fc,
  sole: 0x8a97ad,
  eyeWhite: 0xffffff,
  eyeShade: 0xd6dcef,
  irisDark: 0x3a1f1b,
  irisMid: 0x7a4330,
  irisLight: 0xc98b4e,
  pupil: 0x1a0c0d,
  lash: 0x2a1718,
  brow: 0x4c3232,
  crease: 0xd9a294,
  mouth: 0x8e2f3a,
  mouthDeep: 0x5e1a25,
  tongue: 0xe8808a,
  teeth: 0xfffdf8,
  lip: 0xa8454c,
  scrunchie: 0xd7263d,
} as const;

const cache = new Map<number, THREE.Color>();
/** A shared linear colour for a palette hex (do not mutate the result). */
export function col(hex: number): THREE.Color {
  let c = cache.get(hex);
  if (!c) cache.set(hex, (c = new THREE.Color(hex)));
  return c;
}

/** Mixes two palette colours (t = 0 → a). */
export function mixCol(a: number, b: number, t: number): THREE.Color {
  return col(a).clone().lerp(col(b), Math.min(1, Math.max(0, t)));
}
