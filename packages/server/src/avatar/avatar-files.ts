import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../atomic-write.js';
import { join } from 'node:path';
import { AppError } from '@snowstage/protocol';

/** The largest avatar file accepted (VRM models with textures are typically 5–20 MB). */
export const MAX_AVATAR_BYTES = 40 * 1024 * 1024;

/**
 * Checks that bytes are a binary glTF (GLB) carrying a VRM extension (VRM 1.0 `VRMC_vrm` or
 * VRM 0.x `VRM`). Returns a problem to report, or null.
 */
export function vrmProblem(bytes: Uint8Array): string | null {
  if (bytes.length < 20) return 'the file is too small to be a VRM model';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x46546c67) return 'not a binary glTF (.glb/.vrm) file';
  if (view.getUint32(4, true) !== 2) return 'only glTF 2.0 files are supported';
  if (view.getUint32(8, true) !== bytes.length) return 'the file is truncated';
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== 0x4e4f534a || 20 + jsonLength > bytes.length) return 'the glTF JSON chunk is missing';
  let gltf: { extensions?: Record<string, unknown>; extensionsUsed?: string[] };
  try {
    gltf = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)));
  } catch {
    return 'the glTF JSON chunk is not valid JSON';
  }
  const ext = gltf.extensions ?? {};
  if (!('VRMC_vrm' in ext) && !('VRM' in ext)) return 'the model has no VRM extension (VRMC_vrm or VRM)';
  return null;
}

/** Uploaded avatars, content-addressed under dataDir/avatars/ so a URL never changes meaning. */
export class AvatarFiles {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'avatars');
  }

  /** Stores a validated model; returns its id (hash). Throws AppError(AVATAR_INVALID). */
  save(bytes: Uint8Array): string {
    const problem = bytes.length > MAX_AVATAR_BYTES ? `larger than ${MAX_AVATAR_BYTES / 1024 / 1024} MB` : vrmProblem(bytes);
    if (problem) throw new AppError('AVATAR_INVALID', problem);
    const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${id}.vrm`);
    if (!existsSync(file)) writeFileAtomicSync(file, bytes);
    return id;
  }

  read(id: string): Buffer | null {
    if (!/^[0-9a-f]{32}$/.test(id)) return null;
    const file = join(this.dir, `${id}.vrm`);
    return existsSync(file) ? readFileSync(file) : null;
  }
}
