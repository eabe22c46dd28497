import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { VRMLoaderPlugin, type VRM } from '@pixiv/three-vrm';
import { HUMAN_BONES } from '@snowstage/motion';
import { buildAvatar } from '../../scripts/avatar/assemble.js';
import { exportGlb } from '../../scripts/avatar/export.js';
import { readGlb, writeGlb } from '../../scripts/avatar/glb.js';
import { addVrm } from '../../scripts/avatar/vrm.js';

/** Builds the default avatar in memory, exactly as scripts/build-avatar.ts writes it. */
async function build(): Promise<Uint8Array> {
  const a = buildAvatar();
  return writeGlb(addVrm(readGlb(await exportGlb(a.scene)), { morphNames: a.morphNames, bodyNode: 'Body', faceNode: 'Face' }));
}

async function load(bytes: Uint8Array): Promise<VRM> {
  const loader = new GLTFLoader();
  loader.register((p) => new VRMLoaderPlugin(p));
  const gltf = await loader.parseAsync(bytes.slice().buffer, '');
  return gltf.userData.vrm as VRM;
}

let built: Promise<Uint8Array> | undefined;
const once = () => (built ??= build());

describe('default avatar file', () => {
  it('loads as a VRM 1.0 with the full humanoid, every expression and spring bones', async () => {
    const bytes = await once();
    expect(bytes.byteLength).toBeLessThan(3 * 1024 * 1024);
    const vrm = await load(bytes);
    const meta = vrm.meta;
    expect(meta.metaVersion).toBe('1');
    if (meta.metaVersion === '1') {
      expect(meta.name).toBe('Dong Dong');
      expect(meta.licenseUrl).toBe('https://vrm.dev/licenses/1.0/');
    }
    const optional = new Set(['jaw', 'leftEye', 'rightEye']);
    for (const b of HUMAN_BONES.filter((x) => !optional.has(x))) expect(vrm.humanoid.getRawBoneNode(b), b).toBeTruthy();
    const names = vrm.expressionManager!.expressions.map((e) => e.expressionName);
    for (const e of ['aa', 'ih', 'ou', 'ee', 'oh', 'blink', 'blinkLeft', 'blinkRight', 'happy', 'sad', 'surprised', 'angry', 'relaxed', 'lookUp', 'lookDown', 'lookLeft', 'lookRight']) {
      expect(names).toContain(e);
    }
    expect(vrm.lookAt?.applier.constructor.name).toBe('VRMLookAtExpressionApplier');
    expect(vrm.springBoneManager?.joints.size).toBeGreaterThanOrEqual(7);
  });

  it('rests in the T-pose facing +Z, about 1.6 m tall, with the left hand at +X', async () => {
    const vrm = await load(await once());
    vrm.scene.updateMatrixWorld(true);
    const y = (b: 'head' | 'leftHand' | 'rightHand' | 'leftFoot') => vrm.humanoid.getRawBoneNode(b)!.getWorldPosition(new THREE.Vector3());
    expect(y('leftHand').x).toBeGreaterThan(0.5);
    expect(y('rightHand').x).toBeLessThan(-0.5);
    expect(Math.abs(y('leftHand').y - y('head').y)).toBeLessThan(0.2);
    expect(y('leftFoot').y).toBeLessThan(0.15);
    let top = -Infinity;
    vrm.scene.traverse((o) => {
      const g = (o as THREE.Mesh).geometry;
      if (g) {
        g.computeBoundingBox();
        top = Math.max(top, g.boundingBox!.max.y);
      }
    });
    expect(top).toBeGreaterThan(1.5);
    expect(top).toBeLessThan(1.75);
  });

  it('is generated deterministically', async () => {
    const [a, b] = [await once(), await build()];
    expect(a.byteLength).toBe(b.byteLength);
    expect(a.every((x, i) => x === b[i])).toBe(true);
  });
});
