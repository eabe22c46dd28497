import * as THREE from 'three';

/**
 * Merged geometry with light baked into vertex colours: every solid part of a booth (walls,
 * plinths, exhibits, lanterns…) goes into one BufferGeometry drawn with one unlit material, so a
 * whole booth is one draw call and the fragment shader is as cheap as it gets — what software
 * WebGL needs. Faces are flat-shaded for a crisp low-poly look.
 */
const SUN = new THREE.Vector3(0.45, 0.8, 0.4).normalize();
const tmpColor = new THREE.Color();
const tmpN = new THREE.Vector3();
const tmpA = new THREE.Vector3();
const tmpB = new THREE.Vector3();
const tmpC = new THREE.Vector3();

export interface PartOptions {
  /** Skip the baked light: lanterns, glowing rims and anything that should look lit from inside. */
  unlit?: boolean;
  /** Darken towards the floor (contact shade) below this height. @default 0.6 */
  groundShade?: number;
}

export class MeshBuilder {
  private positions: number[] = [];
  private colors: number[] = [];
  triangles = 0;

  /** Adds a three.js geometry (consumed), placed by `matrix`, painted `color`. */
  add(geometry: THREE.BufferGeometry, matrix: THREE.Matrix4, color: THREE.ColorRepresentation, opts: PartOptions = {}): this {
    const g = geometry.index ? geometry.toNonIndexed() : geometry;
    g.applyMatrix4(matrix);
    const pos = g.getAttribute('position') as THREE.BufferAttribute;
    const base = tmpColor.set(color);
    const br = base.r;
    const bg = base.g;
    const bb = base.b;
    const ground = opts.groundShade ?? 0.6;
    for (let i = 0; i < pos.count; i += 3) {
      tmpA.fromBufferAttribute(pos, i);
      tmpB.fromBufferAttribute(pos, i + 1);
      tmpC.fromBufferAttribute(pos, i + 2);
      tmpN.subVectors(tmpC, tmpB).cross(tmpA.clone().sub(tmpB)).normalize();
      const light = opts.unlit ? 1 : 0.5 + 0.55 * Math.max(0, tmpN.dot(SUN)) + 0.08 * tmpN.y;
      for (const v of [tmpA, tmpB, tmpC]) {
        const contact = opts.unlit || v.y >= ground ? 1 : 0.78 + (0.22 * Math.max(0, v.y)) / ground;
        const k = light * contact;
        this.positions.push(v.x, v.y, v.z);
        this.colors.push(br * k, bg * k, bb * k);
      }
    }
    this.triangles += pos.count / 3;
    g.dispose();
    if (g !== geometry) geometry.dispose();
    return this;
  }

  get empty(): boolean {
    return this.positions.length === 0;
  }

  build(): THREE.BufferGeometry {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(this.positions, 3));
    g.setAttribute('color', new THREE.Float32BufferAttribute(this.colors, 3));
    g.computeBoundingSphere();
    g.computeBoundingBox();
    return g;
  }
}

/** A matrix from position, yaw (about y) and scale. */
export function place(x: number, y: number, z: number, yaw = 0, sx = 1, sy = sx, sz = sx): THREE.Matrix4 {
  return new THREE.Matrix4().compose(new THREE.Vector3(x, y, z), new THREE.Quaternion().setFromAxisAngle(new THREE.Vector3(0, 1, 0), yaw), new THREE.Vector3(sx, sy, sz));
}

/** The one material every merged solid mesh shares. */
export function solidMaterial(): THREE.MeshBasicMaterial {
  return new THREE.MeshBasicMaterial({ vertexColors: true, fog: true });
}

/**
 * Textured quads (logos, signs, pictures, timeline panels) that all sample one atlas page:
 * merged into one geometry per page, drawn unlit.
 */
export class QuadBuilder {
  private positions: number[] = [];
  private uvs: number[] = [];

  /**
   * Adds an upright quad of `w`×`h` metres centred at (x, y, z), its face looking along `faceYaw`
   * (a three.js rotation about y of a quad that faces +z), showing atlas rect `uv`.
   */
  quad(x: number, y: number, z: number, faceYaw: number, w: number, h: number, uv: { u0: number; v0: number; u1: number; v1: number }): this {
    const c = Math.cos(faceYaw);
    const s = Math.sin(faceYaw);
    // Right vector of a +z-facing quad rotated by faceYaw: (cos, 0, −sin).
    const rx = (c * w) / 2;
    const rz = (-s * w) / 2;
    const y0 = y - h / 2;
    const y1 = y + h / 2;
    const bl = [x - rx, y0, z - rz];
    const br = [x + rx, y0, z + rz];
    const tl = [x - rx, y1, z - rz];
    const tr = [x + rx, y1, z + rz];
    this.positions.push(...bl, ...br, ...tr, ...bl, ...tr, ...tl);
    this.uvs.push(uv.u0, uv.v0, uv.u1, uv.v0, uv.u1, uv.v1, uv.u0, uv.v0, uv.u1, uv.v1, uv.u0, uv.v1);
    return this;
  }

  /** A quad lying flat on the floor (y up), turned by `yaw`. */
  flat(x: number, y: number, z: number, yaw: number, w: number, d: number, uv: { u0: number; v0: number; u1: number; v1: number }): this {
    const c = Math.cos(yaw);
    const s = Math.sin(yaw);
    const corner = (a: number, b: number) => [x + c * a + s * b, y, z - s * a + c * b];
    const bl = corner(-w / 2, d / 2);
    const br = corner(w / 2, d / 2);
    const tr = corner(w / 2, -d / 2);
    const tl = corner(-w / 2, -d / 2);
    this.positions.push(...bl, ...br, ...tr, ...bl, ...tr, ...tl);
    this.uvs.push(uv.u0, uv.v0, uv.u1, uv.v0, uv.u1, uv.v1, uv.u0, uv.v0, uv.u1, uv.v1, uv.u0, uv.v1);
    return this;
  }

  get empty(): boolean {
    return this.positions.length === 0;
  }

  get triangles(): number {
    return this.positions.length / 9;
  }

  build(): THREE.BufferGeometry {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(this.positions, 3));
    g.setAttribute('uv', new THREE.Float32BufferAttribute(this.uvs, 2));
    g.computeBoundingSphere();
    return g;
  }
}

/**
 * Builders by bands of the avenue (z), so the merged décor of far-away parts of the hall can be
 * frustum-culled as a whole instead of being one mesh that is always drawn.
 */
export class ChunkedBuilder {
  private readonly chunks = new Map<number, MeshBuilder>();

  constructor(private readonly size = 30) {}

  at(z: number): MeshBuilder {
    const k = Math.floor(z / this.size);
    let b = this.chunks.get(k);
    if (!b) this.chunks.set(k, (b = new MeshBuilder()));
    return b;
  }

  get triangles(): number {
    let n = 0;
    for (const b of this.chunks.values()) n += b.triangles;
    return n;
  }

  meshes(material: THREE.Material, name: string): THREE.Mesh[] {
    return [...this.chunks.entries()].map(([k, b]) => Object.assign(new THREE.Mesh(b.build(), material), { name: `${name}:${k}` }));
  }
}
