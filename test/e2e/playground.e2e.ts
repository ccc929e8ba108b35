// npm run e2e: the Teams conversation typed into Microsoft 365 Agents Playground's own UI in
// headless Chromium (Debian's chromium, driven by playwright-core), with a screenshot of the
// answer card in e2e-output/ (git-ignored); then the same with an owners file, a card that
// names the owner of the customer's side. `npm run e2e -- --update-docs` also copies them to
// docs/, the README's pictures: refreshing them is a decision, not a side effect.
// Only loopback is reached: other requests are blocked. The 👍/👎 buttons need an emoji font
// (Debian's fonts-noto-color-emoji, which .ci/run installs); without one they are empty boxes.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../../src/paths.js';
import { startBotAndPlayground } from '../helpers/playground.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const { values } = parseArgs({ options: { 'update-docs': { type: 'boolean' } } });
const OUTPUT = join(PACKAGE_ROOT, 'e2e-output');

interface Scenario {
  /** The screenshot's file name, in e2e-output/ and (with --update-docs) docs/. */
  picture: string;
  dataDir: string;
  question: string;
  /** Texts the card must show before the picture is taken. */
  expect: string[];
}

/** One conversation in the Playground's UI: the question typed, the card awaited, a screenshot. */
async function run(s: Scenario): Promise<string> {
  const running = await startBotAndPlayground(s.dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
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
    await page.keyboard.type(s.question);
    await page.keyboard.press('Enter');
    for (const [i, text] of s.expect.entries())
      await page
        .getByText(text)
        .first()
        .waitFor({ timeout: i === 0 ? 20_000 : 5_000 });
    // The card drawn whole before the picture: its last buttons shown and every font loaded.
    await page.getByText('👎').last().waitFor({ timeout: 5_000 });
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(OUTPUT, { recursive: true });
    const shot = join(OUTPUT, s.picture);
    await page.screenshot({ path: shot });
    if (values['update-docs']) copyFileSync(shot, join(PACKAGE_ROOT, 'docs', s.picture));
    return shot;
  } finally {
    await browser.close();
    await running.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  // The shipped document with the example owners file as its owners.yaml.
  const withOwners = mkdtempSync(join(tmpdir(), 'respbot-e2e-'));
  copyFileSync(join(SHIPPED_DATA_DIR, 'event-streams-responsibilities.md'), join(withOwners, 'event-streams-responsibilities.md'));
  copyFileSync(join(SHIPPED_DATA_DIR, 'owners.example.yaml'), join(withOwners, 'owners.yaml'));
  const scenarios: Scenario[] = [
    {
      picture: 'teams-answer.png',
      dataDir: SHIPPED_DATA_DIR,
      question: 'who patches the cluster?',
      expect: ['IBM is responsible', 'Security and vulnerability patch updates to cluster'],
    },
    { picture: 'teams-owner.png', dataDir: withOwners, question: 'who backs up our topics?', expect: ['You are responsible', 'Data Platform team'] },
  ];
  try {
    for (const s of scenarios) {
      const shot = await run(s);
      const docs = values['update-docs'] ? `, copied to docs/${s.picture}` : ' (npm run e2e -- --update-docs puts it in the README)';
      process.stdout.write(`e2e: "${s.question}" answered in the Playground; screenshot ${shot}${docs}\n`);
    }
    process.stdout.write(`${scenarios.length} passed, 0 failed\n`);
  } finally {
    rmSync(withOwners, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`e2e failed: ${(e as Error).stack ?? e}\n0 passed, 1 failed\n`);
  process.exit(1);
});
