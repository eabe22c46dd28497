import type * as THREE from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';

/** GLTFExporter reads its own Blobs back with FileReader, which Node lacks; binary export only needs this. */
class NodeFileReader {
  result: ArrayBuffer | string | null = null;
  onloadend: (() => void) | null = null;
  readAsArrayBuffer(blob: Blob): void {
    void blob.arrayBuffer().then((b) => {
      this.result = b;
      this.onloadend?.();
    });
  }
}

/** Exports a scene to GLB bytes in Node. */
export async function exportGlb(scene: THREE.Object3D): Promise<Uint8Array> {
  const g = globalThis as { FileReader?: unknown };
  g.FileReader ??= NodeFileReader;
  const out = await new GLTFExporter().parseAsync(scene, { binary: true, onlyVisible: true });
  if (!(out instanceof ArrayBuffer)) throw new Error('GLTFExporter did not return binary output');
  return new Uint8Array(out);
}
