import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

/** The print font: Noto Sans SC (OFL) as real TTF files from npm (resvg cannot read WOFF). */
export const FONT_FAMILY = 'Noto Sans SC';

export interface FontFiles {
  regular: string;
  bold: string;
}

/** Paths of the shipped Noto Sans SC TTFs; throws at start-up when the package is missing. */
export function printFonts(): FontFiles {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  const files = { regular: join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'), bold: join(dir, '700Bold', 'NotoSansSC_700Bold.ttf') };
  for (const f of Object.values(files)) if (!existsSync(f)) throw new Error(`print font missing: ${f}`);
  return files;
}
