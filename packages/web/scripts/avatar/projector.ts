import * as THREE from 'three';

/**
 * Projects front-view points (x, y) straight back onto a mesh along −Z, the way a face is drawn
 * onto a head. Triangles facing the viewer are binned in a 2-D grid, so each query is cheap.
 * Returns the frontmost hit and the interpolated vertex normal there.
 */
export class FrontProjector {
  private readonly cells = new Map<string, number[]>();
  private readonly pos: Float32Array;
  private readonly nor: Float32Array;
  private readonly idx: ArrayLike<number>;

  constructor(geometry: THREE.BufferGeometry, private readonly cell = 0.004) {
    this.pos = geometry.getAttribute('position').array as Float32Array;
    this.nor = geometry.getAttribute('normal').array as Float32Array;
    this.idx = geometry.getIndex()!.array;
    for (let t = 0; t < this.idx.length; t += 3) {
      const [a, b, c] = [this.idx[t]!, this.idx[t + 1]!, this.idx[t + 2]!];
      const xs = [this.pos[a * 3]!, this.pos[b * 3]!, this.pos[c * 3]!];
      const ys = [this.pos[a * 3 + 1]!, this.pos[b * 3 + 1]!, this.pos[c * 3 + 1]!];
      const x0 = Math.floor(Math.min(...xs) / cell), x1 = Math.floor(Math.max(...xs) / cell);
      const y0 = Math.floor(Math.min(...ys) / cell), y1 = Math.floor(Math.max(...ys) / cell);
      for (let i = x0; i <= x1; i++)
        for (let j = y0; j <= y1; j++) {
          const k = `${i},${j}`;
          let list = this.cells.get(k);
          if (!list) this.cells.set(k, (list = []));
          list.push(t);
        }
    }
  }

  project(x: number, y: number): { point: THREE.Vector3; normal: THREE.Vector3 } {
    const list = this.cells.get(`${Math.floor(x / this.cell)},${Math.floor(y / this.cell)}`) ?? [];
    let best: { point: THREE.Vector3; normal: THREE.Vector3 } | null = null;
    const P = this.pos, N = this.nor;
    for (const t of list) {
      const [a, b, c] = [this.idx[t]!, this.idx[t + 1]!, this.idx[t + 2]!];
      const ax = P[a * 3]!, ay = P[a * 3 + 1]!, bx = P[b * 3]!, by = P[b * 3 + 1]!, cx = P[c * 3]!, cy = P[c * 3 + 1]!;
      const det = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy);
      if (Math.abs(det) < 1e-14) continue;
      const l1 = ((by - cy) * (x - cx) + (cx - bx) * (y - cy)) / det;
      const l2 = ((cy - ay) * (x - cx) + (ax - cx) * (y - cy)) / det;
      const l3 = 1 - l1 - l2;
      if (l1 < -1e-9 || l2 < -1e-9 || l3 < -1e-9) continue;
      const z = l1 * P[a * 3 + 2]! + l2 * P[b * 3 + 2]! + l3 * P[c * 3 + 2]!;
      if (best && z <= best.point.z) continue;
      const normal = new THREE.Vector3(
        l1 * N[a * 3]! + l2 * N[b * 3]! + l3 * N[c * 3]!,
        l1 * N[a * 3 + 1]! + l2 * N[b * 3 + 1]! + l3 * N[c * 3 + 1]!,
        l1 * N[a * 3 + 2]! + l2 * N[b * 3 + 2]! + l3 * N[c * 3 + 2]!,
      ).normalize();
      best = { point: new THREE.Vector3(x, y, z), normal };
    }
    if (!best) throw new Error(`face point (${x.toFixed(4)}, ${y.toFixed(4)}) misses the head`);
    return best;
  }
}
