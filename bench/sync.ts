// The sync size limit under an oversized upstream body (issue 12: a 1 GB body once took
// 3.25 GB of memory): a loopback server offers 1 GB, and this reports how much of it
// `respbot sync` took before giving up and how far the process's memory rose meanwhile.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { syncDocuments } from '../src/sync/sync.js';

export interface SyncLimitResult {
  offered_mb: number;
  taken_mb: number;
  rss_rise_mb: number;
  verdict: string;
}

export async function benchSyncLimit(offered = 1e9): Promise<SyncLimitResult> {
  let written = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(1 << 20, '| row | IBM does it | |\n');
    const pump = () => {
      while (written < offered) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const data = mkdtempSync(join(tmpdir(), 'respbot-bench-sync-'));
  cpSync(SHIPPED_DATA_DIR, data, { recursive: true });
  writeFileSync(
    join(data, 'sources.yaml'),
    `documents:\n  - file: event-streams-responsibilities.md\n    url: http://127.0.0.1:${(server.address() as AddressInfo).port}/huge.md\n`,
  );
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  try {
    const [outcome] = await syncDocuments({ dataDir: data });
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      offered_mb: Math.round(offered / 1e6),
      taken_mb: Math.round(written / 1e5) / 10,
      rss_rise_mb: Math.round((peak - before) / 1e6),
      verdict: outcome?.status === 'rejected' ? outcome.reason : String(outcome?.status),
    };
  } finally {
    clearInterval(sampler);
    server.closeAllConnections();
    server.close();
    rmSync(data, { recursive: true, force: true });
  }
}
