import * as THREE from 'three';

/**
 * The hall renders in sRGB from end to end: vertex colours, atlas textures and lights are used as
 * authored, and the renderer writes them out unconverted. A linear workflow would add an sRGB
 * encode (a pow per channel) to every pixel of every material — in software WebGL, where every
 * pixel is paid for on the CPU, that alone costs a noticeable share of the frame. Shading here is
 * baked and flat, so nothing is lost. Call once, before any colour is made.
 */
export function useSrgbThroughout(): void {
  THREE.ColorManagement.enabled = false;
}

/** Makes a loaded model (the guide's VRM) follow the same convention: its textures as stored. */
export function keepTexturesAsStored(root: THREE.Object3D): void {
  root.traverse((o) => {
    const mats = (o as THREE.Mesh).material;
    if (!mats) return;
    for (const m of Array.isArray(mats) ? mats : [mats]) {
      for (const v of Object.values(m)) {
        if (v instanceof THREE.Texture && v.colorSpace === THREE.SRGBColorSpace) {
          v.colorSpace = THREE.NoColorSpace;
          v.needsUpdate = true;
        }
      }
      m.needsUpdate = true;
    }
  });
}
