import { describe, expect, it } from 'vitest';
import { aimFrame, angleBetween, axisAngle, conjugate, euler, fromTo, IDENTITY, mul, rotate, rotX, rotY, rotZ, slerp } from './quat.js';
import type { Vec3 } from '../types.js';

const near = (a: Vec3, b: Vec3, eps = 1e-9) => a.forEach((x, i) => expect(x).toBeCloseTo(b[i]!, -Math.log10(eps)));

describe('quaternions', () => {
  it('rotate about the axes with the right-hand rule of the VRM frame', () => {
    near(rotate(rotZ(-Math.PI / 2), [1, 0, 0]), [0, -1, 0]); // left arm lowered
    near(rotate(rotX(Math.PI / 2), [0, 1, 0]), [0, 0, 1]); // spine bends forward
    near(rotate(rotY(Math.PI / 2), [0, 0, 1]), [1, 0, 0]); // head turns to the model's left
  });

  it('compose parent * child, like three.js multiply', () => {
    const a = rotY(0.7);
    const b = rotX(-0.4);
    const v: Vec3 = [0.3, -0.2, 0.9];
    near(rotate(mul(a, b), v), rotate(a, rotate(b, v)));
    near(rotate(mul(a, conjugate(a)), v), v);
  });

  it('build XYZ Euler rotations as Rx·Ry·Rz', () => {
    near(rotate(euler(0.2, 0.3, 0.4), [1, 2, 3]), rotate(rotX(0.2), rotate(rotY(0.3), rotate(rotZ(0.4), [1, 2, 3]))));
  });

  it('slerp hits both ends, halves the angle in the middle and takes the short way', () => {
    const q = rotY(1.2);
    expect(slerp(IDENTITY, q, 0)).toEqual(IDENTITY);
    expect(slerp(IDENTITY, q, 1)).toEqual(q);
    expect(angleBetween(slerp(IDENTITY, q, 0.5), rotY(0.6))).toBeLessThan(1e-9);
    const negated = q.map((x) => -x) as unknown as typeof q;
    expect(angleBetween(slerp(IDENTITY, negated, 0.5), rotY(0.6))).toBeLessThan(1e-9);
  });

  it('aimFrame turns a bone to point where asked with its side axis as close as possible', () => {
    const q = aimFrame([1, 0, 0], [0, -1, 0], [0, 0, 1], [1, 0, 0.2]);
    near(rotate(q, [1, 0, 0]), [0, 0, 1]);
    near(rotate(q, [0, -1, 0]), [1, 0, 0]);
    near(rotate(fromTo([0, 1, 0], [0.6, 0.8, 0]), [0, 1, 0]), [0.6, 0.8, 0]);
    near(rotate(axisAngle([0, 0, 1], Math.PI), [1, 0, 0]), [-1, 0, 0]);
  });
});
