import * as THREE from 'three';
import type { VRM } from '@pixiv/three-vrm';
import { Figure, GUIDE_STYLE } from './figure.js';
import type { GuidePose } from '../guide-track.js';
import { MeshBuilder, solidMaterial } from './mesh-builder.js';
import { BRAND } from './paint.js';
import { flattenMaterials, keepTexturesAsStored } from '../colour.js';

const GUIDE_HEIGHT = 1.72;
/**
 * Beyond this distance the avatar (about 29k skinned triangles and toon shading: a third of a frame in
 * software WebGL) gives way to the figure, dressed alike. Close up — on a tour, at the plaza — it is her.
 */
const AVATAR_LOD_M = 14;
const UP = new THREE.Quaternion();
const handQ = new THREE.Quaternion();
const rootQ = new THREE.Quaternion();
const frustum = new THREE.Frustum();
const viewProj = new THREE.Matrix4();
const bounds = new THREE.Sphere(new THREE.Vector3(), 1.2);

/**
 * The tour guide in the hall. She appears at once as the stylised figure; the project's default
 * VRM avatar (the host) is loaded in the background and takes over when it is ready. If it cannot
 * be loaded the figure stays — a bad asset never breaks the hall. Lips do not move here.
 */
export class Guide {
  readonly root = new THREE.Group();
  private readonly figure: Figure;
  private vrm: VRM | null = null;
  private walkPhase = 0;
  private wavePhase = 0;
  private hipsRestY = 0;
  private holder: THREE.Object3D | null = null;
  private flag: THREE.Object3D | null = null;
  /** 'figure' until the avatar has loaded. */
  kind: 'figure' | 'vrm' = 'figure';

  constructor(material: THREE.Material = solidMaterial()) {
    this.figure = new Figure(GUIDE_STYLE, material);
    this.root.add(this.figure.root);
    this.root.name = 'guide';
  }

  /** Loads the host's VRM (code-split: three-vrm only downloads when this runs). */
  async loadAvatar(signal?: AbortSignal): Promise<void> {
    try {
      const { loadVrm, DEFAULT_AVATAR_URL } = await import('../../stage/avatar.js');
      const vrm = await loadVrm(DEFAULT_AVATAR_URL, signal);
      keepTexturesAsStored(vrm.scene);
      flattenMaterials(vrm.scene);
      const box = new THREE.Box3().setFromObject(vrm.scene);
      const height = box.max.y - box.min.y;
      const holder = new THREE.Group();
      // VRMs face +z once normalised; the hall's figures face −z.
      holder.rotation.y = Math.PI;
      holder.scale.setScalar(height > 0.5 ? GUIDE_HEIGHT / height : 1);
      holder.add(vrm.scene);
      holder.add(this.flagFor(vrm));
      this.root.add(holder);
      this.holder = holder;
      this.figure.root.visible = false;
      this.vrm = vrm;
      this.kind = 'vrm';
      this.restPose();
    } catch (e) {
      console.warn('[showcase] the guide avatar could not be loaded; the figure stays', e);
    }
  }

  /** A little guide flag held in the right hand. */
  private flagFor(vrm: VRM): THREE.Object3D {
    const b = new MeshBuilder();
    b.add(new THREE.CylinderGeometry(0.012, 0.012, 1.1, 5), new THREE.Matrix4().makeTranslation(0, 0.35, 0), BRAND.navy);
    const shape = new THREE.Shape([new THREE.Vector2(0, 0), new THREE.Vector2(0.4, -0.12), new THREE.Vector2(0, -0.26)]);
    for (const face of [0, Math.PI]) b.add(new THREE.ShapeGeometry(shape).rotateY(face), new THREE.Matrix4().makeTranslation(0, 0.9, 0), BRAND.ice, { unlit: true });
    const flag = new THREE.Mesh(b.build(), solidMaterial());
    const hand = vrm.humanoid.getNormalizedBoneNode('rightHand');
    if (hand) {
      hand.add(flag);
      flag.position.set(0, 0, 0.04);
      flag.frustumCulled = false;
      this.flag = flag;
      return new THREE.Group();
    }
    return flag;
  }

  private bone(name: Parameters<VRM['humanoid']['getNormalizedBoneNode']>[0]): THREE.Object3D | null {
    return this.vrm?.humanoid.getNormalizedBoneNode(name) ?? null;
  }

  private restPose(): void {
    this.hipsRestY = this.bone('hips')?.position.y ?? 0;
    const la = this.bone('leftUpperArm');
    const ra = this.bone('rightUpperArm');
    if (la) la.rotation.z = -1.2;
    if (ra) ra.rotation.z = 1.2;
    const rl = this.bone('rightLowerArm');
    // The flag arm bends at the elbow, holding the flag up in front.
    if (rl) rl.rotation.set(0, -1.2, 0);
  }

  /**
   * Shows the avatar only when she is in view and near; the loader turns off its frustum culling
   * (skinned meshes), so without this it would be skinned and drawn even behind the camera.
   */
  private chooseDetail(camera: THREE.Camera): boolean {
    if (!this.holder) return false;
    viewProj.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
    frustum.setFromProjectionMatrix(viewProj);
    bounds.center.set(this.root.position.x, 0.9, this.root.position.z);
    const inView = frustum.intersectsSphere(bounds);
    const near = camera.position.distanceTo(bounds.center) < AVATAR_LOD_M;
    this.holder.visible = inView && near;
    this.figure.root.visible = inView && !near;
    return this.holder.visible;
  }

  /** Places her where the tour track says and animates the walk (or a wave while she talks). */
  update(dt: number, pose: GuidePose, talking: boolean, camera: THREE.Camera): void {
    this.root.position.set(pose.pos.x, 0, pose.pos.z);
    const detailed = this.chooseDetail(camera);
    // Smooth turns: the track gives the heading of the current leg.
    const d = Math.atan2(Math.sin(pose.yaw - this.root.rotation.y), Math.cos(pose.yaw - this.root.rotation.y));
    this.root.rotation.y += d * Math.min(1, dt * 8);
    const speed = pose.speed;
    if (!this.vrm || !detailed) {
      this.figure.animate(dt, speed, talking && !pose.walking);
      if (!this.vrm) return;
    }
    this.walkPhase += pose.walking ? dt * (4 + speed * 1.1) : 0;
    this.wavePhase += dt * 5;
    const swing = pose.walking ? Math.sin(this.walkPhase) * 0.5 : 0;
    const set = (name: Parameters<VRM['humanoid']['getNormalizedBoneNode']>[0], x: number, z?: number) => {
      const b = this.bone(name);
      if (!b) return;
      b.rotation.x += (x - b.rotation.x) * Math.min(1, dt * 10);
      if (z !== undefined) b.rotation.z += (z - b.rotation.z) * Math.min(1, dt * 10);
    };
    set('leftUpperLeg', swing);
    set('rightUpperLeg', -swing);
    set('leftLowerLeg', pose.walking ? Math.max(0, -Math.sin(this.walkPhase)) * 0.7 : 0);
    set('rightLowerLeg', pose.walking ? Math.max(0, Math.sin(this.walkPhase)) * 0.7 : 0);
    const waving = talking && !pose.walking;
    set('leftUpperArm', waving ? 0 : -swing * 0.6, waving ? -2.6 + Math.sin(this.wavePhase) * 0.25 : -1.2);
    set('rightUpperArm', swing * 0.3, 1.2);
    const hips = this.bone('hips');
    if (hips) hips.position.y = this.hipsRestY + (pose.walking ? Math.abs(Math.sin(this.walkPhase)) * 0.025 : 0);
    if (detailed) {
      this.vrm.update(dt);
      // The flag pole stays upright whatever the hand does.
      if (this.flag?.parent) {
        this.flag.parent.getWorldQuaternion(handQ);
        this.root.getWorldQuaternion(rootQ);
        this.flag.quaternion.copy(handQ.invert().multiply(rootQ).multiply(UP));
      }
    }
  }
}
