// Resolves IBM Cloud docs placeholders ({{site.data.keyword.NAME}}) from the keyword map
// shipped as data. An unknown keyword never leaks as `{{…}}`: it is rendered from its
// name and reported, so the document owner can add it to data/keywords.yaml.
import { readDataFile } from '../config/data-file.js';
import { KEYWORDS_FILE } from '../config/data-files.js';

export interface KeywordMap {
  keywords: Record<string, string>;
  bySubcollection: Record<string, Record<string, string>>;
  drop: string[];
}

const PLACEHOLDER = /\{\{\s*site\.data\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\s*\}\}/g;

export function readKeywordMap(file: string): KeywordMap {
  return readDataFile(file, KEYWORDS_FILE);
}

/** "mq_full" → "MQ", "vcf-auto-short" → "VCF Auto": readable, never markup. */
export function fallbackFor(name: string): string {
  const words = name
    .replace(/(_notm|_full|_short|_long|full|short|long)+$/i, '')
    .split(/[-_.]+/)
    .filter(Boolean);
  if (words.length === 0) return name;
  return words.map((w) => (w.length <= 3 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1))).join(' ');
}

export interface KeywordResolver {
  /** Replace every placeholder in one line; `onUnknown` hears of names not in the map. */
  resolve(text: string, onUnknown?: (name: string, namespace: string) => void): string;
}

export function keywordResolver(map: KeywordMap, subcollection: string | null): KeywordResolver {
  const local = (subcollection && map.bySubcollection[subcollection]) || {};
  const drop = new Set(map.drop);
  return {
    resolve(text, onUnknown) {
      return text.replace(PLACEHOLDER, (_m, namespace: string, name: string) => {
        if (drop.has(name)) return '';
        if (namespace === 'keyword') {
          const value = local[name] ?? map.keywords[name];
          if (value !== undefined) return value;
          onUnknown?.(name, namespace);
          return fallbackFor(name);
        }
        // site.data.content.* are reusable blocks of markup (notes, banners): not text.
        onUnknown?.(name, namespace);
        return '';
      });
    },
  };
}
