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

/**
 * Makes a loaded model (the guide's VRM) follow the same convention: textures as stored, and
 * vertex colours (linear in glTF) turned into sRGB once, here, instead of in every pixel.
 */
export function keepTexturesAsStored(root: THREE.Object3D): void {
  const done = new Set<THREE.BufferAttribute>();
  const c = new THREE.Color();
  root.traverse((o) => {
    const colors = (o as THREE.Mesh).geometry?.getAttribute('color') as THREE.BufferAttribute | undefined;
    if (colors && !done.has(colors)) {
      done.add(colors);
      for (let i = 0; i < colors.count; i++) {
        c.setRGB(colors.getX(i), colors.getY(i), colors.getZ(i)).convertLinearToSRGB();
        colors.setXYZ(i, c.r, c.g, c.b);
      }
      colors.needsUpdate = true;
    }
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

/**
 * Swaps a loaded model's toon materials for flat unlit ones with the same texture and colour, and
 * hides its outline pass. The hall has its light baked in and no lamps; toon shading and outlines
 * (a second draw of every skinned vertex) would cost a third of a software-rendered frame for one figure.
 */
export function flattenMaterials(root: THREE.Object3D): void {
  const made = new Map<string, THREE.Material>();
  const flat = (m: THREE.Material, withColors: boolean): THREE.Material => {
    const key = `${m.uuid}/${withColors}`;
    let f = made.get(key);
    if (f) return f;
    const src = m as THREE.Material & { map?: THREE.Texture | null; color?: THREE.Color; isOutline?: boolean };
    if (src.isOutline) {
      f = new THREE.MeshBasicMaterial({ visible: false });
    } else {
      const basic = new THREE.MeshBasicMaterial({ map: src.map ?? null, vertexColors: withColors, transparent: m.transparent, alphaTest: m.alphaTest, side: m.side, depthWrite: m.depthWrite });
      if (src.color) basic.color.copy(src.color);
      basic.opacity = m.opacity;
      f = basic;
    }
    made.set(key, f);
    return f;
  };
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (!mesh.isMesh) return;
    const withColors = !!mesh.geometry.getAttribute('color');
    mesh.material = Array.isArray(mesh.material) ? mesh.material.map((m) => flat(m, withColors)) : flat(mesh.material, withColors);
  });
}
