import * as THREE from 'three';
import type { Exhibit } from '@snowstage/protocol';
import { BRAND, shade } from './paint.js';
import type { MeshBuilder } from './mesh-builder.js';

export type Shape = NonNullable<Exhibit['shape']>;

const m4 = () => new THREE.Matrix4();

/**
 * Use when: an exhibit is a 3D primitive. Adds it to `b`, standing on a plinth top at `base`
 * (local origin at the plinth's top centre), about 0.8 m tall, in the exhibit's colour.
 * Returns: the triangles added.
 */
export function addPrimitive(b: MeshBuilder, shape: Shape, color: string, base: THREE.Matrix4): number {
  const before = b.triangles;
  const at = (x: number, y: number, z: number, rx = 0, ry = 0, rz = 0) =>
    base.clone().multiply(m4().compose(new THREE.Vector3(x, y, z), new THREE.Quaternion().setFromEuler(new THREE.Euler(rx, ry, rz)), new THREE.Vector3(1, 1, 1)));
  const dark = shade(color, -0.35);
  const light = shade(color, 0.35);
  switch (shape) {
    case 'box':
      b.add(new THREE.BoxGeometry(0.55, 0.55, 0.55), at(0, 0.3, 0, 0, Math.PI / 4, 0), color);
      b.add(new THREE.BoxGeometry(0.58, 0.08, 0.58), at(0, 0.6, 0, 0, Math.PI / 4, 0), dark);
      break;
    case 'sphere':
      b.add(new THREE.IcosahedronGeometry(0.36, 1), at(0, 0.42, 0), color);
      b.add(new THREE.CylinderGeometry(0.18, 0.24, 0.08, 10), at(0, 0.04, 0), dark);
      break;
    case 'cylinder':
      b.add(new THREE.CylinderGeometry(0.24, 0.24, 0.72, 12), at(0, 0.36, 0), color);
      b.add(new THREE.CylinderGeometry(0.26, 0.26, 0.06, 12), at(0, 0.74, 0), light);
      b.add(new THREE.CylinderGeometry(0.26, 0.26, 0.06, 12), at(0, 0.03, 0), dark);
      break;
    case 'cone':
      b.add(new THREE.ConeGeometry(0.34, 0.85, 12), at(0, 0.43, 0), color);
      b.add(new THREE.CylinderGeometry(0.36, 0.36, 0.05, 12), at(0, 0.025, 0), dark);
      break;
    case 'torus':
      b.add(new THREE.TorusGeometry(0.3, 0.09, 8, 20), at(0, 0.42, 0), color);
      b.add(new THREE.CylinderGeometry(0.06, 0.12, 0.1, 8), at(0, 0.05, 0), dark);
      break;
    case 'medal':
      b.add(new THREE.BoxGeometry(0.08, 0.5, 0.02), at(-0.1, 0.75, 0, 0, 0, -0.35), BRAND.red);
      b.add(new THREE.BoxGeometry(0.08, 0.5, 0.02), at(0.1, 0.75, 0, 0, 0, 0.35), BRAND.ice);
      b.add(new THREE.CylinderGeometry(0.3, 0.3, 0.06, 20), at(0, 0.36, 0, Math.PI / 2, 0, 0), color);
      b.add(new THREE.CylinderGeometry(0.2, 0.2, 0.08, 20), at(0, 0.36, 0, Math.PI / 2, 0, 0), light);
      b.add(new THREE.BoxGeometry(0.3, 0.06, 0.2), at(0, 0.03, 0), dark);
      break;
    case 'ski':
      for (const x of [-0.09, 0.09]) {
        b.add(new THREE.BoxGeometry(0.11, 1.5, 0.03), at(x, 0.78, -0.05, -0.12, 0, 0), color);
        b.add(new THREE.BoxGeometry(0.11, 0.14, 0.03), at(x, 1.56, 0.02, -0.7, 0, 0), color);
        b.add(new THREE.BoxGeometry(0.12, 0.12, 0.08), at(x, 0.75, -0.02, -0.12, 0, 0), BRAND.gold);
      }
      break;
    case 'puck':
      b.add(new THREE.CylinderGeometry(0.3, 0.3, 0.13, 18), at(0, 0.28, 0, 0.5, 0, 0), '#1A1A1A');
      b.add(new THREE.CylinderGeometry(0.08, 0.14, 0.2, 8), at(0, 0.1, 0), dark);
      break;
    case 'torch':
      b.add(new THREE.CylinderGeometry(0.1, 0.05, 0.6, 10), at(0, 0.3, 0), color);
      b.add(new THREE.CylinderGeometry(0.16, 0.1, 0.16, 10), at(0, 0.68, 0), light);
      b.add(new THREE.ConeGeometry(0.14, 0.4, 8), at(0, 0.96, 0), BRAND.gold, { unlit: true });
      b.add(new THREE.ConeGeometry(0.08, 0.26, 8), at(0.02, 0.92, 0.02), BRAND.red, { unlit: true });
      break;
    case 'snowflake':
      for (let i = 0; i < 6; i++) {
        const a = (i * Math.PI) / 3;
        const arm = base.clone().multiply(m4().compose(new THREE.Vector3(0, 0.5, 0), new THREE.Quaternion().setFromEuler(new THREE.Euler(0, 0, a)), new THREE.Vector3(1, 1, 1)));
        b.add(new THREE.BoxGeometry(0.06, 0.42, 0.06), arm.clone().multiply(m4().makeTranslation(0, 0.21, 0)), color);
        for (const s of [-1, 1]) {
          b.add(new THREE.BoxGeometry(0.04, 0.14, 0.05), arm.clone().multiply(m4().compose(new THREE.Vector3(s * 0.05, 0.3, 0), new THREE.Quaternion().setFromEuler(new THREE.Euler(0, 0, -s * 0.8)), new THREE.Vector3(1, 1, 1))), light);
        }
      }
      b.add(new THREE.CylinderGeometry(0.03, 0.05, 0.1, 6), at(0, 0.05, 0), dark);
      break;
  }
  return b.triangles - before;
}
