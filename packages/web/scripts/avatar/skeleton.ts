import * as THREE from 'three';
import type { Influence } from './geom.js';
import { scaleHead } from './proportions.js';

/**
 * Dong Dong's skeleton in the VRM 1.0 rest pose (T-pose, facing +Z, her left = +X, feet on y = 0).
 * Positions are world-space joint positions in metres; every bone's rest rotation is identity,
 * which keeps the raw rig and three-vrm's normalized rig the same.
 */
type J = readonly [name: string, parent: string | null, x: number, y: number, z: number];

const CENTRE: J[] = [
  ['hips', null, 0, 0.86, 0],
  ['spine', 'hips', 0, 0.95, 0],
  ['chest', 'spine', 0, 1.05, 0],
  ['upperChest', 'chest', 0, 1.14, 0],
  ['neck', 'upperChest', 0, 1.265, -0.01],
  ['head', 'neck', 0, 1.33, -0.005],
];

/** Left-side joints; the right side mirrors x. `L` stands for the side prefix. */
const SIDE: J[] = [
  ['LUpperLeg', 'hips', 0.078, 0.83, 0],
  ['LLowerLeg', 'LUpperLeg', 0.078, 0.46, 0.005],
  ['LFoot', 'LLowerLeg', 0.078, 0.085, -0.005],
  ['LToes', 'LFoot', 0.078, 0.022, 0.095],
  ['LShoulder', 'upperChest', 0.035, 1.215, -0.01],
  ['LUpperArm', 'LShoulder', 0.155, 1.22, -0.012],
  ['LLowerArm', 'LUpperArm', 0.395, 1.22, -0.015],
  ['LHand', 'LLowerArm', 0.615, 1.22, -0.012],
  ['LThumbMetacarpal', 'LHand', 0.633, 1.212, 0.017],
  ['LThumbProximal', 'LThumbMetacarpal', 0.653, 1.21, 0.037],
  ['LThumbDistal', 'LThumbProximal', 0.671, 1.208, 0.055],
  ['LIndexProximal', 'LHand', 0.7, 1.222, 0.021],
  ['LIndexIntermediate', 'LIndexProximal', 0.733, 1.222, 0.022],
  ['LIndexDistal', 'LIndexIntermediate', 0.755, 1.222, 0.022],
  ['LMiddleProximal', 'LHand', 0.703, 1.223, 0.006],
  ['LMiddleIntermediate', 'LMiddleProximal', 0.738, 1.223, 0.006],
  ['LMiddleDistal', 'LMiddleIntermediate', 0.762, 1.223, 0.006],
  ['LRingProximal', 'LHand', 0.7, 1.222, -0.009],
  ['LRingIntermediate', 'LRingProximal', 0.732, 1.222, -0.009],
  ['LRingDistal', 'LRingIntermediate', 0.754, 1.222, -0.009],
  ['LLittleProximal', 'LHand', 0.692, 1.22, -0.023],
  ['LLittleIntermediate', 'LLittleProximal', 0.717, 1.22, -0.024],
  ['LLittleDistal', 'LLittleIntermediate', 0.734, 1.22, -0.024],
];

/** Secondary (non-humanoid) chains animated by VRM spring bones: the ponytail and the scarf's tail. */
const SECONDARY: J[] = [
  ['ponytail1', 'head', 0, 1.548, -0.088],
  ['ponytail2', 'ponytail1', 0, 1.566, -0.142],
  ['ponytail3', 'ponytail2', 0, 1.49, -0.186],
  ['ponytail4', 'ponytail3', 0, 1.385, -0.196],
  ['ponytail5', 'ponytail4', 0, 1.285, -0.182],
  ['scarf1', 'upperChest', -0.045, 1.235, 0.085],
  ['scarf2', 'scarf1', -0.05, 1.15, 0.124],
  ['scarf3', 'scarf2', -0.052, 1.06, 0.13],
  ['scarf4', 'scarf3', -0.052, 0.99, 0.128],
];

const side = (name: string, s: 'left' | 'right') => (name.startsWith('L') ? s + name.slice(1) : name);

function allJoints(): J[] {
  const out: J[] = [...CENTRE];
  for (const s of ['left', 'right'] as const) {
    const m = s === 'left' ? 1 : -1;
    for (const [n, p, x, y, z] of SIDE) out.push([side(n, s), p && side(p, s), x * m, y, z]);
  }
  for (const [n, p, x, y, z] of SECONDARY) {
    if (!n.startsWith('ponytail')) out.push([n, p, x, y, z]);
    else {
      const q = scaleHead(new THREE.Vector3(x, y, z));
      out.push([n, p, q.x, q.y, q.z]);
    }
  }
  return out;
}

export const JOINTS: readonly J[] = allJoints();
export const BONE_INDEX: ReadonlyMap<string, number> = new Map(JOINTS.map((j, i) => [j[0], i]));
export const TIPS = {
  thumb: [0.687, 1.207, 0.071],
  index: [0.775, 1.222, 0.022],
  middle: [0.784, 1.223, 0.006],
  ring: [0.774, 1.222, -0.009],
  little: [0.751, 1.22, -0.024],
} as const;

export function jointPos(name: string): THREE.Vector3 {
  const j = JOINTS[bone(name)]!;
  return new THREE.Vector3(j[2], j[3], j[4]);
}

export function bone(name: string): number {
  const i = BONE_INDEX.get(name);
  if (i === undefined) throw new Error(`unknown bone ${name}`);
  return i;
}

export const rigid = (name: string): Influence => [[bone(name), 1]];
/** Blend from bone a (t=0) to bone b (t=1). */
export const mix = (a: string, b: string, t: number): Influence => [
  [bone(a), 1 - t],
  [bone(b), t],
];

/** Builds THREE.Bone objects (local positions from the world joints) and the skeleton. */
export function buildSkeleton(): { root: THREE.Bone; bones: THREE.Bone[]; skeleton: THREE.Skeleton } {
  const bones = JOINTS.map(([name]) => {
    const b = new THREE.Bone();
    b.name = name;
    return b;
  });
  let root: THREE.Bone | undefined;
  JOINTS.forEach(([, parent, x, y, z], i) => {
    const b = bones[i]!;
    if (parent === null) {
      b.position.set(x, y, z);
      root = b;
    } else {
      const pj = JOINTS[bone(parent)]!;
      b.position.set(x - pj[2], y - pj[3], z - pj[4]);
      bones[bone(parent)]!.add(b);
    }
  });
  root!.updateMatrixWorld(true);
  return { root: root!, bones, skeleton: new THREE.Skeleton(bones) };
}
