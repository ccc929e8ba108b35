// `respbot inspect [--json] [PATH…]`: prints the loaded model, for document owners.
import type { KnowledgeBase } from '../../src/model.js';
import { describeWarning } from '../../src/load/folder.js';

export function inspectJson(kb: KnowledgeBase): string {
  return JSON.stringify(
    {
      documents: kb.documents.map((d) => ({
        id: d.id,
        title: d.title,
        service: d.service,
        lastUpdated: d.lastUpdated,
        url: d.url,
        subcollection: d.subcollection,
        keywords: d.keywords,
        sourceFile: d.sourceFile,
        sections: d.sections.map((s) => ({
          id: s.id,
          title: s.title,
          level: s.level,
          text: s.text,
          caption: s.caption,
          providerLabel: s.providerLabel,
          customerLabel: s.customerLabel,
          entries: s.entries.map((e) => ({ id: e.id, task: e.task, provider: e.provider, customer: e.customer, party: e.party, links: e.links, line: e.line })),
          grid: s.grid,
        })),
      })),
      warnings: kb.warnings,
    },
    null,
    2,
  );
}

const WHO: Record<string, string> = { provider: 'IBM', customer: 'You', shared: 'Shared' };

export function inspectText(kb: KnowledgeBase): string {
  const out: string[] = [];
  for (const d of kb.documents) {
    const entries = d.sections.reduce((n, s) => n + s.entries.length, 0);
    out.push(`${d.service} (${d.id}) — ${d.sections.length} sections, ${entries} entries, updated ${d.lastUpdated ?? 'unknown'}`);
    out.push(`  ${d.sourceFile}${d.url ? `\n  ${d.url}` : ''}`);
    for (const s of d.sections) {
      out.push(`  § ${s.title} [#${s.id}]${s.entries.length ? '' : ' (prose)'}`);
      for (const e of s.entries) out.push(`      ${WHO[e.party]!.padEnd(6)} ${e.task ?? ''}`);
    }
  }
  if (kb.warnings.length) {
    out.push('', `${kb.warnings.length} warning(s):`);
    for (const w of kb.warnings) out.push(`  ${describeWarning(w)}`);
  }
  return out.join('\n');
}
