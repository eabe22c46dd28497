/** Minimal GLB container reading and writing (glTF 2.0 binary: header, JSON chunk, BIN chunk). */
const MAGIC = 0x46546c67, JSON_CHUNK = 0x4e4f534a, BIN_CHUNK = 0x004e4942;

export interface Glb {
  json: Record<string, unknown> & { nodes?: { name?: string }[]; meshes?: unknown[]; materials?: Record<string, unknown>[]; extensionsUsed?: string[]; extensions?: Record<string, unknown> };
  bin: Uint8Array;
}

export function readGlb(buf: ArrayBuffer | Uint8Array): Glb {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a GLB file');
  let off = 12;
  let json: Glb['json'] | undefined;
  let bin: Uint8Array = new Uint8Array(0);
  while (off < bytes.byteLength) {
    const len = view.getUint32(off, true), type = view.getUint32(off + 4, true);
    const data = bytes.subarray(off + 8, off + 8 + len);
    if (type === JSON_CHUNK) json = JSON.parse(new TextDecoder().decode(data));
    else if (type === BIN_CHUNK) bin = data;
    off += 8 + len;
  }
  if (!json) throw new Error('GLB has no JSON chunk');
  return { json, bin };
}

const pad4 = (n: number) => (n + 3) & ~3;

export function writeGlb({ json, bin }: Glb): Uint8Array {
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jLen = pad4(jsonBytes.length), bLen = pad4(bin.length);
  const total = 12 + 8 + jLen + (bin.length ? 8 + bLen : 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jLen, true);
  view.setUint32(16, JSON_CHUNK, true);
  out.fill(0x20, 20, 20 + jLen);
  out.set(jsonBytes, 20);
  if (bin.length) {
    const o = 20 + jLen;
    view.setUint32(o, bLen, true);
    view.setUint32(o + 4, BIN_CHUNK, true);
    out.set(bin, o + 8);
  }
  return out;
}
