import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../atomic-write.js';
import { join } from 'node:path';

/** Rendered files of saved designs on disk: `<designId>-<name>`; written atomically, read back whole. */
export class PrintFiles {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  path(designId: string, name: string): string {
    if (!/^d_[a-f0-9]{32}$/.test(designId) || !/^[a-z0-9.-]{1,40}$/.test(name)) throw new Error(`bad print file name ${designId}/${name}`);
    return join(this.dir, `${designId}-${name}`);
  }

  has(designId: string, name: string): boolean {
    return existsSync(this.path(designId, name));
  }

  write(designId: string, name: string, data: Buffer | string): void {
    const p = this.path(designId, name);
    writeFileAtomicSync(p, data);
  }

  read(designId: string, name: string): Buffer | null {
    const p = this.path(designId, name);
    return existsSync(p) ? readFileSync(p) : null;
  }
}
