// The two baselines the engine must beat: plain Fuse.js over task and texts with default
// options, and MiniSearch (BM25) without our vocabulary. Both answer "who" for everything.
// They index exactly the entries our index has: the newest document of each service.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { newestDocuments } from '../src/engine/search-index.js';
import type { KnowledgeBase } from '../src/model.js';
import type { Scorable } from './evalset.js';

interface Row {
  id: number;
  doc: string;
  task: string;
  section: string;
  provider: string;
  customer: string;
  party: string;
}

function rows(kb: KnowledgeBase): Row[] {
  let id = 0;
  return newestDocuments(kb).flatMap((d) =>
    d.sections.flatMap((s) =>
      s.entries.length
        ? s.entries.map((e) => ({
            id: id++,
            doc: d.id,
            task: e.task ?? '',
            section: s.title,
            provider: e.provider ?? '',
            customer: e.customer ?? '',
            party: e.party,
          }))
        : s.text
          ? [{ id: id++, doc: d.id, task: '', section: s.title, provider: s.text, customer: '', party: '' }]
          : [],
    ),
  );
}

function asAnswer(r: Row | undefined): Scorable {
  if (!r) return { answered: false, intent: 'unknown', party: null, matches: [] };
  return {
    answered: true,
    intent: 'who',
    party: r.party || null,
    section: { title: r.section },
    matches: [{ task: r.task || null, section: r.section, doc: r.doc }],
  };
}

export interface Baseline {
  name: string;
  ask(q: string): Scorable;
}

export function fuseBaseline(kb: KnowledgeBase): Baseline {
  const data = rows(kb);
  const fuse = new Fuse(data, { keys: ['task', 'provider', 'customer'] });
  return { name: 'fuse', ask: (q) => asAnswer(fuse.search(q, { limit: 1 })[0]?.item) };
}

export function miniSearchBaseline(kb: KnowledgeBase): Baseline {
  const data = rows(kb);
  const ms = new MiniSearch<Row>({ fields: ['task', 'section', 'provider', 'customer'], storeFields: ['id'] });
  ms.addAll(data);
  return { name: 'minisearch', ask: (q) => asAnswer(data[ms.search(q)[0]?.id as number]) };
}
