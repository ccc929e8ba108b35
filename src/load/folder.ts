// Loads every responsibility document in a folder (or a list of files). One bad document
// is reported with its file (and line) and skipped; the good ones still load.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { KnowledgeBase, LoadWarning, ResponsibilityDocument } from '../model.js';
import { readDataFile } from '../config/data-file.js';
import { OTHER_SERVICES_FILE, SERVICES_FILE } from '../config/data-files.js';
import { ConfigError } from '../config/error.js';
import { SHIPPED_DATA_DIR } from '../paths.js';
import { DocumentError, parseDocument, type ServiceNames } from './document.js';
import { readKeywordMap, type KeywordMap } from './keywords.js';

/** Maps kept as data beside the documents: a folder's own file wins over the shipped one. */
export function dataFile(name: string, dirs: string[]): string {
  for (const d of dirs) {
    const f = join(d, name);
    if (existsSync(f)) return f;
  }
  return join(SHIPPED_DATA_DIR, name);
}

export interface ServiceInfo {
  name?: string;
  aliases?: string[];
}

export function readServices(file: string): Record<string, ServiceInfo> {
  return existsSync(file) ? readDataFile(file, SERVICES_FILE).services : {};
}

/** Names of other clouds and other IBM Cloud services (other-services.yaml): one list of names per cloud or service. */
export interface OtherServices {
  clouds: string[][];
  services: string[][];
}

export function readOtherServices(file: string): OtherServices {
  if (!existsSync(file)) return { clouds: [], services: [] };
  const { clouds, services } = readDataFile(file, OTHER_SERVICES_FILE);
  return { clouds, services };
}

const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

function markdownFiles(path: string): string[] {
  if (!existsSync(path)) throw new ConfigError({ file: path, setting: '', problem: 'no such file or folder', where: 'check the path given, or DATA_DIR' });
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .filter((f) => /\.(md|markdown)$/i.test(f) && !/^readme\.md$/i.test(f))
    .sort()
    .map((f) => join(path, f));
}

/** Decode strictly: a file that is not UTF-8 is reported, not read as mojibake. */
function readUtf8(file: string): string {
  const bytes = readFileSync(file);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new DocumentError(file, null, `the file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Name the line of the first undecodable byte.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, Math.max(0, at)).split('\n').length;
    throw new DocumentError(file, line, 'the file is not UTF-8 text');
  }
}

export interface LoadOptions {
  /** Where keywords.yaml and services.yaml are looked up first (default: the documents' folders). */
  dataDirs?: string[];
}

export function loadKnowledgeBase(paths: string[], opts: LoadOptions = {}): KnowledgeBase {
  const files = paths.flatMap((p) => markdownFiles(p));
  const folders = opts.dataDirs ?? paths.map((p) => resolve(p)).filter((p) => existsSync(p) && statSync(p).isDirectory());
  const keywords: KeywordMap = readKeywordMap(dataFile('keywords.yaml', folders));
  const services = readServices(dataFile('services.yaml', folders));
  const names: ServiceNames = {
    names: Object.fromEntries(
      Object.entries(services)
        .filter(([, s]) => s.name)
        .map(([k, s]) => [k, s.name!]),
    ),
  };
  const documents: ResponsibilityDocument[] = [];
  const warnings: LoadWarning[] = [];
  if (files.length === 0) warnings.push({ file: paths.join(', '), line: null, message: 'no markdown (.md) documents found' });
  const ids = new Set<string>();
  for (const file of files) {
    try {
      const { doc, warnings: w } = parseDocument(readUtf8(file), file, keywords, names);
      warnings.push(...w);
      if (!doc.sections.some((s) => s.entries.length > 0)) {
        warnings.push({ file, line: null, message: 'not loaded: the document holds no responsibilities' });
        continue;
      }
      let id = doc.id;
      for (let n = 2; ids.has(id); n++) id = `${doc.id}-${n}`;
      ids.add(id);
      documents.push({ ...doc, id });
    } catch (e) {
      if (e instanceof DocumentError) warnings.push({ file: e.file, line: e.line, message: `not loaded: ${e.message.replace(/^.*?: /, '')}` });
      else warnings.push({ file, line: null, message: `not loaded: ${(e as Error).message}` });
    }
  }
  return { documents, warnings };
}

export function describeWarning(w: LoadWarning): string {
  return `${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`;
}
