// Where the product's own files are, whether it runs from src/ (tsx) or from dist/.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

export const PACKAGE_ROOT = findRoot();
/** The shipped knowledge: the Event Streams document plus the keyword, service and synonym maps. */
export const SHIPPED_DATA_DIR = join(PACKAGE_ROOT, 'data');
