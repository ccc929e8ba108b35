// npm run e2e: the Teams conversation typed into Microsoft 365 Agents Playground's own UI in
// headless Chromium (Debian's chromium, driven by playwright-core), with a screenshot of the
// answer card in e2e-output/ (git-ignored). `npm run e2e -- --update-docs` also copies it to
// docs/teams-answer.png, the README's picture: refreshing it is a decision, not a side effect.
// Only loopback is reached: other requests are blocked. The 👍/👎 buttons need an emoji font
// (Debian's fonts-noto-color-emoji, which .ci/run installs); without one they are empty boxes.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { startBotAndPlayground } from '../helpers/playground.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const { values } = parseArgs({ options: { 'update-docs': { type: 'boolean' } } });
const OUTPUT = join(PACKAGE_ROOT, 'e2e-output');
const DOCS_PICTURE = join(PACKAGE_ROOT, 'docs', 'teams-answer.png');

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const running = await startBotAndPlayground();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The Playground's UI loads fonts and telemetry from office CDNs: nothing leaves this machine.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (r) => r.abort());
    await page.goto(`${running.base}/`, { waitUntil: 'domcontentloaded' });
    const box = page.locator('[contenteditable="true"]').first();
    await box.waitFor({ timeout: 20_000 });
    await page.getByText('Hi, I am respbot').first().waitFor({ timeout: 20_000 });
    await box.click();
    await page.keyboard.type('who patches the cluster?');
    await page.keyboard.press('Enter');
    await page.getByText('IBM is responsible').first().waitFor({ timeout: 20_000 });
    await page.getByText('Security and vulnerability patch updates to cluster').first().waitFor({ timeout: 5_000 });
    // The card drawn whole before the picture: its last buttons shown and every font loaded.
    await page.getByText('👎').last().waitFor({ timeout: 5_000 });
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(OUTPUT, { recursive: true });
    const shot = join(OUTPUT, 'teams-answer.png');
    await page.screenshot({ path: shot });
    if (values['update-docs']) copyFileSync(shot, DOCS_PICTURE);
    const docs = values['update-docs'] ? `, copied to ${DOCS_PICTURE}` : ' (npm run e2e -- --update-docs puts it in the README)';
    process.stdout.write(`e2e: the Playground showed the answer card; screenshot ${shot}${docs}\n1 passed, 0 failed\n`);
  } finally {
    await browser.close();
    await running.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`e2e failed: ${(e as Error).stack ?? e}\n0 passed, 1 failed\n`);
  process.exit(1);
});
