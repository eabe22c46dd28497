import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { MeshBuilder, solidMaterial } from './mesh-builder.js';
import { BRAND } from './paint.js';

export interface FigureStyle {
  coat: string;
  hat: string;
  scarf: string;
  /** The tour guide carries a little flag. */
  flag?: string;
}

/** Dressed like the host's avatar (red jacket, dark hair, white scarf), so the far-away stand-in matches her. */
export const GUIDE_STYLE: FigureStyle = { coat: BRAND.red, hat: '#2A2333', scarf: '#FFFFFF', flag: BRAND.ice };
export const FAN_STYLE: FigureStyle = { coat: '#2F80ED', hat: BRAND.red, scarf: '#FFFFFF' };

/**
 * A stylised winter figure (coat, scarf, beanie with pom-pom, mittens, boots) facing −z, about
 * 1.75 m tall, walking and waving. One skinned mesh with five bones (body, legs, arms): a single
 * draw call, which matters more than triangles in software WebGL. Used for the fan and, until
 * (or unless) the VRM avatar loads, for the tour guide.
 */
export class Figure {
  readonly root = new THREE.Group();
  private readonly bones: THREE.Bone[];
  private phase = 0;
  private wave = 0;

  constructor(style: FigureStyle, material: THREE.Material = solidMaterial()) {
    const m = (x: number, y: number, z: number, sx = 1, sy = sx, sz = sx) => new THREE.Matrix4().compose(new THREE.Vector3(x, y, z), new THREE.Quaternion(), new THREE.Vector3(sx, sy, sz));
    const parts: MeshBuilder[] = [0, 1, 2, 3, 4].map(() => new MeshBuilder());
    const [body, ...limbs] = parts as [MeshBuilder, MeshBuilder, MeshBuilder, MeshBuilder, MeshBuilder];
    // Coat (a flared cylinder), zip stripe, belt.
    body.add(new THREE.CylinderGeometry(0.19, 0.3, 0.78, 10), m(0, 1.18, 0), style.coat);
    body.add(new THREE.BoxGeometry(0.04, 0.7, 0.02), m(0, 1.18, -0.25).multiply(new THREE.Matrix4().makeRotationX(-0.14)), '#FFFFFF');
    body.add(new THREE.CylinderGeometry(0.265, 0.27, 0.06, 10, 1, true), m(0, 0.95, 0), BRAND.navy);
    // Scarf, head, face, beanie.
    body.add(new THREE.TorusGeometry(0.15, 0.06, 5, 12).rotateX(Math.PI / 2), m(0, 1.56, 0), style.scarf);
    body.add(new THREE.BoxGeometry(0.09, 0.26, 0.04), m(0.08, 1.43, -0.17).multiply(new THREE.Matrix4().makeRotationZ(0.2)), style.scarf);
    body.add(new THREE.IcosahedronGeometry(0.18, 2), m(0, 1.76, 0), '#F6D7C3');
    for (const s of [-1, 1]) {
      body.add(new THREE.SphereGeometry(0.024, 5, 3), m(s * 0.065, 1.78, -0.165), '#1B2A4A', { unlit: true });
      body.add(new THREE.SphereGeometry(0.03, 5, 3), m(s * 0.1, 1.72, -0.14, 1, 0.6, 0.4), '#F4A6B8', { unlit: true });
    }
    body.add(new THREE.SphereGeometry(0.19, 10, 5, 0, Math.PI * 2, 0, Math.PI / 2), m(0, 1.8, 0.01), style.hat);
    body.add(new THREE.TorusGeometry(0.18, 0.035, 4, 14).rotateX(Math.PI / 2), m(0, 1.81, 0.01), '#FFFFFF');
    body.add(new THREE.IcosahedronGeometry(0.06, 1), m(0, 2.01, 0.01), '#FFFFFF');

    // Limbs in their rest pose, in model space; each follows its own bone.
    const hips = [-0.11, 0.11].map((x) => new THREE.Vector3(x, 0.86, 0));
    const shoulders = [-0.25, 0.25].map((x) => new THREE.Vector3(x, 1.47, 0));
    for (let i = 0; i < 2; i++) {
      const h = hips[i]!;
      limbs[i]!.add(new THREE.CapsuleGeometry(0.085, 0.55, 2, 6), m(h.x, h.y - 0.4, 0), BRAND.navy);
      limbs[i]!.add(new THREE.BoxGeometry(0.17, 0.12, 0.28), m(h.x, h.y - 0.8, -0.04), '#3E2723');
      const sh = shoulders[i]!;
      const arm = limbs[2 + i]!;
      arm.add(new THREE.CapsuleGeometry(0.065, 0.42, 2, 6), m(sh.x, sh.y - 0.26, 0), style.coat);
      arm.add(new THREE.IcosahedronGeometry(0.075, 1), m(sh.x, sh.y - 0.54, 0), BRAND.gold);
      if (style.flag && i === 1) {
        arm.add(new THREE.CylinderGeometry(0.015, 0.015, 1.3, 4, 1, true), m(sh.x + 0.07, sh.y - 0.2, -0.08), BRAND.navy);
        const flag = new THREE.Shape([new THREE.Vector2(0, 0), new THREE.Vector2(0.45, -0.14), new THREE.Vector2(0, -0.3)]);
        for (const face of [0, Math.PI])
          arm.add(new THREE.ShapeGeometry(flag).rotateY(face + Math.PI / 2), m(sh.x + 0.07, sh.y + 0.44, -0.08), style.flag, { unlit: true });
      }
    }

    const geos = parts.map((p, bone) => {
      const g = p.build();
      const n = g.getAttribute('position').count;
      g.setAttribute('skinIndex', new THREE.Uint16BufferAttribute(new Uint16Array(n * 4).map((_, k) => (k % 4 === 0 ? bone : 0)), 4));
      g.setAttribute('skinWeight', new THREE.Float32BufferAttribute(new Float32Array(n * 4).map((_, k) => (k % 4 === 0 ? 1 : 0)), 4));
      return g;
    });
    const merged = mergeGeometries(geos)!;
    const rootBone = new THREE.Bone();
    const limbBones = [...hips, ...shoulders].map((p) => {
      const b = new THREE.Bone();
      b.position.copy(p);
      rootBone.add(b);
      return b;
    });
    this.bones = [rootBone, ...limbBones];
    const mesh = new THREE.SkinnedMesh(merged, material);
    mesh.add(rootBone);
    mesh.bind(new THREE.Skeleton(this.bones));
    mesh.frustumCulled = false;
    for (const s of [-1, 1]) limbBones[s === -1 ? 2 : 3]!.rotation.z = s * 0.12;
    this.root.add(mesh);
  }

  /** Advances the walk cycle at `speed` m/s; waves the free (left) arm while `waving`. */
  animate(dt: number, speed: number, waving = false): void {
    const walking = speed > 0.2;
    this.phase += walking ? dt * (3 + speed * 1.4) : 0;
    const swing = walking ? Math.min(0.7, 0.25 + speed * 0.08) : 0;
    const target = Math.sin(this.phase) * swing;
    this.wave = waving ? this.wave + dt * 6 : 0;
    const k = Math.min(1, dt * 12);
    for (let i = 0; i < 2; i++) {
      const s = i === 0 ? 1 : -1;
      const leg = this.bones[1 + i]!;
      leg.rotation.x += (s * target - leg.rotation.x) * k;
      const arm = this.bones[3 + i]!;
      if (waving && i === 0) {
        arm.rotation.x += (2.6 - arm.rotation.x) * Math.min(1, dt * 8);
        arm.rotation.z = -0.12 + Math.sin(this.wave) * 0.35;
      } else {
        arm.rotation.x += (-s * target * 0.8 - arm.rotation.x) * k;
        arm.rotation.z = (i === 0 ? -1 : 1) * 0.12;
      }
    }
    // A small bob while walking.
    this.bones[0]!.position.y = walking ? Math.abs(Math.sin(this.phase)) * 0.04 : 0;
  }
}
