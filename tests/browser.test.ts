/**
 * Issue 6: Neo4j Browser against the test database loaded with the seed, driven by Debian's
 * chromium through playwright-core (never a downloaded browser): connect with the test
 * credentials, run a query, play the guide served by the API (`:play .../guide`), run a query from
 * it, apply the style from it, and check what renders. Skipped only when /usr/bin/chromium is
 * missing outside CI (`bash scripts/install-browser.sh` installs it); in CI it must run.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.js';
import { ROOT, resetDatabase, runCli, testDriver, testNeo4j } from './helpers/neo4j.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const SEED = path.join(ROOT, 'examples', '000_a423757e2158ce54.txt');
if (!haveChromium && !process.env.CI) {
  console.warn(
    `[browser] SKIPPED: ${CHROMIUM} is missing; install it with 'bash scripts/install-browser.sh'`,
  );
}
const SHOTS = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-browser-'));

let driver: Driver;
let api: RunningServer;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/** The text of the newest result frame (Browser puts it first), once it matches. */
async function newestFrameMatching(re: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const frame = page.locator('[data-testid="frame"]').first();
    last = (await frame.innerText().catch(() => '')) ?? '';
    if (re.test(last)) return last;
    await page.waitForTimeout(300);
  }
  throw new Error(
    `no result frame matched ${re} within ${timeoutMs} ms; newest frame:\n${last.slice(0, 1500)}`,
  );
}

/** Types text into Browser's main editor (without the editor's auto-closing brackets) and runs it. */
async function runInEditor(text: string): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.locator('button[data-testid="editor-Run"]').click();
}

describe.skipIf(!haveChromium && !process.env.CI)('Neo4j Browser with the guide and the style', () => {
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: run 'bash scripts/install-browser.sh' first`);
    const n = testNeo4j();
    if (!n.browserUrl)
      throw new Error('the test Neo4j has no Browser URL (set NEO4J_BROWSER_URL with NEO4J_URI)');
    driver = testDriver();
    await resetDatabase(driver);
    const load = await runCli(['load', SEED]);
    expect(load.code, load.stderr).toBe(0);
    api = await startServer({ driver, database: n.database, port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
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
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    console.log(`[browser] screenshots in ${SHOTS}`);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await driver?.close();
  });

  it('connects with the test credentials and renders a query result', async () => {
    const n = testNeo4j();
    const bolt = new URL(n.uri);
    const url = new URL(n.browserUrl!);
    url.searchParams.set('dbms', `${bolt.protocol}//${n.username}@${bolt.host}`);
    url.searchParams.set('db', n.database);
    await page.goto(url.toString());
    await page.locator('input[data-testid="password"]').fill(n.password);
    await page.locator('button[data-testid="connect"]').click();
    await page.getByText('Connected to Neo4j', { exact: false }).first().waitFor({ timeout: 60_000 });

    await runInEditor(
      'MATCH (h:Actor)-[r:OPPOSES|VETOES|ACCUSES]->(t)\nRETURN h.name AS holder, type(r) AS stance, coalesce(t.name, t.id) AS target ORDER BY holder',
    );
    const text = await newestFrameMatching(/"Russia"/);
    expect(text).toMatch(/holder\s+stance\s+target/);
    expect(text).toMatch(/"OPPOSES"|"VETOES"|"ACCUSES"/);
    await shot('1-table');
  });

  it('plays the guide from the API and runs its "who opposes whom" table', async () => {
    const guideUrl = api.url.replace(/\/graphql$/, '/guide');
    await runInEditor(`:play ${guideUrl}`);
    const first = await newestFrameMatching(/Who stands where/);
    expect(first).toContain('stancegraph');
    await shot('2-guide');

    // Slide 2: who opposes whom; its second query is the table.
    const frame = page.locator('[data-testid="frame"]').first();
    await frame.locator('[data-testid="nextSlide"]').click();
    await frame.getByText('Who opposes whom').first().waitFor({ timeout: 10_000 });
    const runnable = frame.locator('pre.runnable', { hasText: 'RETURN h.name AS holder' });
    await runnable.click();
    await page.locator('button[data-testid="editor-Run"]').click();
    const table = await newestFrameMatching(/"Russia"/);
    expect(table).toMatch(/holder\s+stance\s+target\s+count/);
    await shot('3-guide-table');
  });

  it('applies the style from the guide: stance edges captioned with their kind and count', async () => {
    const guideUrl = api.url.replace(/\/graphql$/, '/guide');
    await runInEditor(`:play ${guideUrl}`);
    await newestFrameMatching(/Who stands where/);
    const frame = page.locator('[data-testid="frame"]').first();
    for (let i = 0; i < 5; i++) await frame.locator('[data-testid="nextSlide"]').click();
    await frame.getByText('Apply the style').first().waitFor({ timeout: 10_000 });
    await frame.locator('pre.runnable', { hasText: ':style' }).click();
    await page.locator('button[data-testid="editor-Run"]').click();
    const styleFrame = await newestFrameMatching(/node\.Country|relationship\.OPPOSES|caption/);
    expect(styleFrame).not.toMatch(/Could not parse|InvalidGrass/i);

    await runInEditor(
      'MATCH p = (:Actor)-[:OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS]->()\nRETURN p\nLIMIT 100',
    );
    const deadline = Date.now() + 30_000;
    let captions: string[] = [];
    while (Date.now() < deadline) {
      captions = await page
        .locator('[data-testid="frame"]')
        .first()
        .locator('svg text')
        .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
      if (captions.some((c) => /OPPOSES ×\d+/.test(c)) && captions.includes('Russia')) break;
      await page.waitForTimeout(500);
    }
    await shot('4-graph-styled');
    expect(
      captions.some((c) => /OPPOSES ×\d+/.test(c)),
      captions.join(' | '),
    ).toBe(true);
    expect(captions).toContain('Russia');
  });
});
