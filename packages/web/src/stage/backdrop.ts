import * as THREE from 'three';
import { createSet } from './set.js';

/**
 * The set on its own canvas behind the avatar's. It is redrawn only when the camera moves (a shot
 * change, a resize), so in a steady shot the set costs nothing per frame — filling pixels is most of
 * the cost of software WebGL, and the set covers every pixel.
 */
export class BackdropLayer {
  readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly last = new Float64Array(33);
  private dirty = true;
  /** Draw calls and triangles of the last redraw, or 0 if this frame reused the picture. */
  drawCalls = 0;
  triangles = 0;

  constructor(antialias: boolean) {
    this.renderer = new THREE.WebGLRenderer({ antialias, powerPreference: 'high-performance' });
    this.renderer.outputColorSpace = THREE.SRGBColorSpace;
    this.scene.background = new THREE.Color(0x0f1a36);
    this.scene.add(createSet());
  }

  setSize(width: number, height: number, pixelRatio: number): void {
    this.renderer.setPixelRatio(pixelRatio);
    this.renderer.setSize(width, height, false);
    this.dirty = true;
  }

  /** Redraws the set if the camera changed since the last redraw; returns whether it did. */
  render(camera: THREE.PerspectiveCamera): boolean {
    camera.updateMatrixWorld();
    const now = [...camera.matrixWorld.elements, ...camera.projectionMatrix.elements, this.renderer.getPixelRatio()];
    const same = !this.dirty && now.every((x, i) => Math.abs(x - this.last[i]!) < 1e-6);
    if (same) {
      this.drawCalls = this.triangles = 0;
      return false;
    }
    this.renderer.render(this.scene, camera);
    this.drawCalls = this.renderer.info.render.calls;
    this.triangles = this.renderer.info.render.triangles;
    this.last.set(now);
    this.dirty = false;
    return true;
  }

  dispose(): void {
    this.scene.traverse((o) => {
      const m = o as THREE.Mesh;
      if (m.isMesh) {
        m.geometry.dispose();
        (m.material as THREE.Material).dispose();
      }
    });
    this.renderer.dispose();
  }
}
