/**
 * Builds the default avatar, Dong Dong, from three.js geometry and writes it as a VRM 1.0 file:
 * `node --import tsx scripts/build-avatar.ts [outFile]` (default: public/avatars/dongdong.vrm).
 * Deterministic: the same code gives the same bytes. Runs as part of `npm run build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAvatar } from './avatar/assemble.js';
import { exportGlb } from './avatar/export.js';
import { readGlb, writeGlb } from './avatar/glb.js';
import { addVrm } from './avatar/vrm.js';

export async function buildAvatarFile(out: string): Promise<{ bytes: number; ms: number; stats: ReturnType<typeof buildAvatar>['stats'] }> {
  const t0 = performance.now();
  const avatar = buildAvatar();
  const glb = readGlb(await exportGlb(avatar.scene));
  const vrm = writeGlb(addVrm(glb, { morphNames: avatar.morphNames, bodyNode: 'Body', faceNode: 'Face' }));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, vrm);
  return { bytes: vrm.byteLength, ms: Math.round(performance.now() - t0), stats: avatar.stats };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = resolve(process.argv[2] ?? fileURLToPath(new URL('../public/avatars/dongdong.vrm', import.meta.url)));
  const r = await buildAvatarFile(out);
  console.log(`avatar: ${out} (${(r.bytes / 1024).toFixed(0)} KiB, ${r.stats.bodyTriangles + r.stats.faceTriangles} triangles, ${r.ms} ms)`);
}
