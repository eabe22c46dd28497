import * as THREE from 'three';
import type { VRM, VRMHumanBoneName } from '@pixiv/three-vrm';
import { EXPRESSIONS, HUMAN_BONES, type ExpressionName, type HumanBone, type PoseFrame } from '@snowstage/motion';

/**
 * Writes one PoseFrame into a VRM: normalized bone rotations (bones not in the frame return to rest),
 * the hips offset, expression weights and the gaze. Call before `vrm.update(dt)`.
 */
export class PoseApplier {
  private readonly nodes: Array<[HumanBone, THREE.Object3D]> = [];
  private readonly hipsRest = new THREE.Vector3();
  private readonly target = new THREE.Object3D();
  private readonly head = new THREE.Vector3();
  private readonly dir = new THREE.Vector3();
  private readonly expressionNames: ExpressionName[];

  constructor(private readonly vrm: VRM) {
    for (const b of HUMAN_BONES) {
      const n = vrm.humanoid.getNormalizedBoneNode(b as VRMHumanBoneName);
      if (n) this.nodes.push([b, n]);
    }
    const hips = vrm.humanoid.getNormalizedBoneNode('hips');
    if (hips) this.hipsRest.copy(hips.position);
    const available = new Set(vrm.expressionManager?.expressions.map((e) => e.expressionName) ?? []);
    this.expressionNames = EXPRESSIONS.filter((e) => available.has(e));
    if (vrm.lookAt) vrm.lookAt.target = this.target;
  }

  apply(frame: PoseFrame, camera: THREE.Camera): void {
    for (const [name, node] of this.nodes) {
      const q = frame.bones[name];
      if (q) node.quaternion.set(q[0], q[1], q[2], q[3]);
      else node.quaternion.identity();
    }
    const hips = this.vrm.humanoid.getNormalizedBoneNode('hips');
    if (hips) hips.position.set(this.hipsRest.x + frame.hipsOffset[0], this.hipsRest.y + frame.hipsOffset[1], this.hipsRest.z + frame.hipsOffset[2]);
    const em = this.vrm.expressionManager;
    if (em) for (const e of this.expressionNames) em.setValue(e, frame.expressions[e] ?? 0);
    this.aim(frame.lookAt, camera);
  }

  /** Gaze: straight at the camera, turned by the frame's yaw (towards her left = +) and pitch (down = +). */
  private aim(look: PoseFrame['lookAt'], camera: THREE.Camera): void {
    const headNode = this.vrm.humanoid.getRawBoneNode('head');
    if (!headNode || !this.vrm.lookAt) return;
    headNode.getWorldPosition(this.head);
    this.dir.copy(camera.position).sub(this.head);
    const dist = this.dir.length();
    this.dir.applyAxisAngle(Y, look.yaw);
    const side = new THREE.Vector3().crossVectors(Y, this.dir).normalize();
    this.dir.applyAxisAngle(side, look.pitch);
    this.target.position.copy(this.head).addScaledVector(this.dir.normalize(), dist);
    this.target.updateMatrixWorld();
  }
}

const Y = new THREE.Vector3(0, 1, 0);
