import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { CameraRig, SHOTS, type ShotName } from './camera-rig.js';

/** Projects the shot's band (centre ± half height/width at z = 0) and checks it is inside the view. */
function fits(rig: CameraRig, name: ShotName): boolean {
  const s = SHOTS[name];
  const pts = [
    new THREE.Vector3(0, s.centreY + s.height / 2 - 0.01, 0),
    new THREE.Vector3(0, s.centreY - s.height / 2 + 0.01, 0),
    new THREE.Vector3(s.width / 2 - 0.01, s.centreY, 0),
    new THREE.Vector3(-s.width / 2 + 0.01, s.centreY, 0),
  ];
  rig.camera.updateMatrixWorld();
  return pts.every((p) => {
    const q = p.clone().project(rig.camera);
    return Math.abs(q.x) <= 1.02 && Math.abs(q.y) <= 1.02;
  });
}

describe('CameraRig', () => {
  for (const aspect of [16 / 9, 390 / 700]) {
    for (const name of Object.keys(SHOTS) as ShotName[]) {
      it(`frames the ${name} shot at aspect ${aspect.toFixed(2)}`, () => {
        const rig = new CameraRig(aspect);
        rig.setShot(name, true);
        rig.update(1 / 60, 0, aspect);
        expect(fits(rig, name)).toBe(true);
      });
    }
  }

  it('eases from one shot to the next instead of cutting', () => {
    const rig = new CameraRig(16 / 9);
    rig.setShot('close', true);
    rig.update(1 / 60, 0, 16 / 9);
    const near = rig.camera.position.z;
    rig.setShot('full');
    rig.update(1 / 60, 0, 16 / 9);
    const step = rig.camera.position.z;
    for (let i = 0; i < 300; i++) rig.update(1 / 60, i / 60, 16 / 9);
    const far = rig.camera.position.z;
    expect(step).toBeGreaterThan(near - 0.05);
    expect(step).toBeLessThan(near + (far - near) * 0.2);
    expect(fits(rig, 'full')).toBe(true);
  });
});
