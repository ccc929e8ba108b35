// What a child process imports: `node --import=<recordImports(file)> …` appends the URL of every
// ES module import the process resolves to `file`, one a line (a module-loader resolve hook).
// The bot runs bundled (dist/bundle/): what a bundle file holds is read from esbuild's meta.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';

export function recordImports(file: string): string {
  const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(file)}, r.url + '\\n');
  return r;
}`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  return `--import=data:text/javascript,${encodeURIComponent(register)}`;
}

/** esbuild's record of the bundle: which sources went into each output file. */
interface Meta {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/**
 * The packages (node_modules/<name>) and project files (src/…, app/… as .js) the recorded process
 * loaded: imported as modules (the externals, such as better-sqlite3), or bundled into a file of
 * dist/bundle/ it imported (read from the bundle's meta.json).
 */
export function importsIn(file: string): { packages: Set<string>; files: Set<string> } {
  const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const meta = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as Meta;
  const paths = urls.flatMap((u) => {
    const bundled = /\/(dist\/bundle\/[^/]+\.js)$/.exec(u)?.[1];
    if (bundled) return Object.keys(meta.outputs[bundled]?.inputs ?? {});
    return /\/(node_modules\/.+)$/.exec(u)?.[1] ?? [];
  });
  const packages = new Set(paths.flatMap((p) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1] ?? []));
  const files = new Set(paths.filter((p) => !p.includes('node_modules/')).map((p) => p.replace(/\.ts$/, '.js')));
  return { packages, files };
}
