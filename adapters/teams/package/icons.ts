// The app's icons, kept as PNG files beside this code (Teams wants a 192×192 full-color icon
// and a 32×32 outline, white on transparent); the manifest names them, the zip carries them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../../src/paths.js';

export const ICON_DIR = join(PACKAGE_ROOT, 'adapters', 'teams', 'package', 'icons');
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

export function iconFiles(): Array<{ name: string; data: Buffer }> {
  return Object.values(ICON_FILES).map((name) => ({ name, data: readFileSync(join(ICON_DIR, name)) }));
}
