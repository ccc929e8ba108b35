// What a child process imports: `node --import=<recordImports(file)> …` appends the URL of every
// ES module import the process resolves to `file`, one a line (a module-loader resolve hook).
// CommonJS packages show as the entry our code imports; their own require() calls do not.
import { readFileSync } from 'node:fs';

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

/** The packages (node_modules/<name>) and project files (dist/…) the recorded process imported. */
export function importsIn(file: string): { packages: Set<string>; files: Set<string> } {
  const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const packages = new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));
  const files = new Set(urls.flatMap((u) => /\/dist\/(.+)$/.exec(u)?.[1] ?? []));
  return { packages, files };
}
