// npm run e2e: the Teams conversation typed into Microsoft 365 Agents Playground's own UI in
// headless Chromium (Debian's chromium, driven by playwright-core), with a screenshot of the
// answer card saved to docs/ for the README. Only loopback is reached: other requests are blocked.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createTeamsApp } from '../../adapters/teams/app.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../../src/paths.js';
import { createHttpApp, listen } from '../../src/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLI = join(PACKAGE_ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const http = createHttpApp();
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  await createTeamsApp({ clientId: null, clientSecret: null, tenantId: null, allowUnauthenticated: true, serviceUrl: null }, { expressApp: http, engine: () => engine, log: createLog('error', () => {}) });
  const bot = await listen(http, 0, '127.0.0.1');
  const port = 20000 + Math.floor(Math.random() * 30000);
  const playground = spawn(process.execPath, [CLI, '-e', `http://127.0.0.1:${bot.port}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(port)], {
    env: { ...process.env, APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const listening = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Agents Playground did not start:\n${out}`)), 45_000);
      const onData = (d: Buffer) => {
        out += d;
        const m = /Listening on (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      playground.stdout!.on('data', onData);
      playground.stderr!.on('data', onData);
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The Playground's UI loads fonts and telemetry from office CDNs: nothing leaves this machine.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (r) => r.abort());
    await page.goto(`http://127.0.0.1:${listening}/`, { waitUntil: 'domcontentloaded' });
    const box = page.locator('[contenteditable="true"]').first();
    await box.waitFor({ timeout: 20_000 });
    await page.getByText('Hi, I am respbot').first().waitFor({ timeout: 20_000 });
    await box.click();
    await page.keyboard.type('who patches the cluster?');
    await page.keyboard.press('Enter');
    await page.getByText('IBM is responsible').first().waitFor({ timeout: 20_000 });
    await page.getByText('Security and vulnerability patch updates to cluster').first().waitFor({ timeout: 5_000 });
    await page.waitForTimeout(500);
    const shot = join(PACKAGE_ROOT, 'docs', 'teams-answer.png');
    await page.screenshot({ path: shot });
    process.stdout.write(`e2e: the Playground showed the answer card; screenshot ${shot}\n1 passed, 0 failed\n`);
  } finally {
    await browser.close();
    playground.kill();
    await new Promise((r) => bot.server.close(r));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`e2e failed: ${(e as Error).stack ?? e}\n0 passed, 1 failed\n`);
  process.exit(1);
});
