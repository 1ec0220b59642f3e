/**
 * Issue 4, faults: two loaders at once, and a Neo4j stopped in the middle of a load (a throw-away
 * instance on ports 28687/28474, started and stopped here). Both use the BBC corpus, extracted once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSummaryProblems } from './fixtures/load/graph-checks.js';
import {
  CLI,
  collectOutput,
  ROOT,
  resetDatabase,
  runCli,
  SHARED,
  testDriver,
  testNeo4j,
} from './helpers/neo4j.js';

const BBC = path.join(SHARED, 'corpus', 'bbc');
const work = mkdtempSync(path.join(os.tmpdir(), 'sg-load-faults-'));
const bbcJsonl = path.join(work, 'bbc.jsonl');
let lines: string[] = [];
let driver: Driver;

beforeAll(async () => {
  driver = testDriver();
  const res = await runCli(['extract', BBC, '--format', 'jsonl'], { timeoutMs: 600_000 });
  expect(res.code, res.stderr).toBe(0);
  writeFileSync(bbcJsonl, res.stdout);
  lines = res.stdout.split('\n').filter(Boolean);
  expect(lines.length).toBeGreaterThan(2000);
}, 600_000);
afterAll(async () => {
  await driver?.close();
  rmSync(work, { recursive: true, force: true });
});

type Stats = { nodes: Record<string, number>; relationships: Record<string, number> };

const KIND_LABELS = ['Country', 'Government', 'Person', 'Organization', 'Group', 'Location'];
/** Stats without the kind labels: which kind an actor the extractor labels inconsistently ends with depends on write order. */
function withoutKinds(s: Stats): Stats {
  return {
    nodes: Object.fromEntries(Object.entries(s.nodes).filter(([k]) => !KIND_LABELS.includes(k))),
    relationships: s.relationships,
  };
}

describe('two loaders at once over overlapping inputs', () => {
  it('leave no duplicate actors, articles, topics or stances, and the graph a single load gives', async () => {
    await resetDatabase(driver);
    const politics = lines.filter((l) => l.includes('/politics/'));
    expect(politics.length).toBeGreaterThan(300);
    const a = path.join(work, 'a.jsonl');
    const b = path.join(work, 'b.jsonl');
    const all = path.join(work, 'politics.jsonl');
    const cut = Math.floor(politics.length * 0.7);
    writeFileSync(a, `${politics.slice(0, cut).join('\n')}\n`);
    writeFileSync(b, `${politics.slice(politics.length - cut).join('\n')}\n`);
    writeFileSync(all, `${politics.join('\n')}\n`);

    // Small batches, so the two interleave many times.
    const [ra, rb] = await Promise.all([
      runCli(['load', '--from-jsonl', a, '--batch', '20', '--json']),
      runCli(['load', '--from-jsonl', b, '--batch', '20', '--json']),
    ]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);

    const db = testNeo4j().database;
    for (const label of ['Actor', 'Article', 'Topic', 'Stance']) {
      const { records } = await driver.executeQuery(
        'MATCH (n:$($label)) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS dups',
        { label },
        { database: db },
      );
      expect(records[0].get('dups'), label).toBe(0);
    }
    const { records } = await driver.executeQuery(
      'MATCH (a:Article) RETURN count(a) AS n',
      {},
      { database: db },
    );
    expect(records[0].get('n')).toBe(politics.length);
    expect(await findSummaryProblems(driver, db)).toEqual([]);
    const concurrent = JSON.parse((await runCli(['stats', '--json'])).stdout) as Stats;

    await resetDatabase(driver);
    const single = await runCli(['load', '--from-jsonl', all, '--json']);
    expect(single.code, single.stderr).toBe(0);
    const sequential = JSON.parse((await runCli(['stats', '--json'])).stdout) as Stats;
    expect(withoutKinds(concurrent)).toEqual(withoutKinds(sequential));
  });
});

describe('Neo4j stopped in the middle of a load', () => {
  const dir = path.join(work, 'neo4j');
  const ports = ['--bolt-port', '28687', '--http-port', '28474'];
  // This instance generates and keeps its own password.
  const own = { NEO4J_URI: '', NEO4J_PASSWORD: '' };
  let env: Record<string, string>;
  let other: Driver | undefined;

  afterAll(async () => {
    await other?.close();
    await runCli(['neo4j', 'stop', '--dir', dir, ...ports], { env: own });
  });

  const start = async () => {
    const res = await runCli(['neo4j', 'start', '--dir', dir, ...ports], { env: own, timeoutMs: 300_000 });
    expect(res.code, res.stderr).toBe(0);
  };
  const count = async (): Promise<number> => {
    const { records } = await other!.executeQuery('MATCH (a:Article) RETURN count(a) AS n');
    return records[0].get('n');
  };
  const statsThere = async (): Promise<Stats> => {
    const res = await runCli(['stats', '--json'], { env });
    expect(res.code, res.stderr).toBe(0);
    return JSON.parse(res.stdout);
  };

  it('exits non-zero naming what was not loaded; a rerun after restart gives the uninterrupted graph', async () => {
    await start();
    const password = readFileSync(path.join(dir, 'password'), 'utf8').trim();
    env = { NEO4J_URI: 'bolt://127.0.0.1:28687', NEO4J_PASSWORD: password };
    other = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic('neo4j', password), {
      disableLosslessIntegers: true,
    });

    // The load runs as its own process; the server is stopped once part of the corpus is in.
    const child = spawn(
      process.execPath,
      [CLI, 'load', '--from-jsonl', bbcJsonl, '--batch', '10', '--json'],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const out = collectOutput(child);
    const deadline = Date.now() + 240_000;
    let loadedBefore = 0;
    while (Date.now() < deadline) {
      loadedBefore = await count().catch(() => 0);
      if (loadedBefore >= 100) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(loadedBefore).toBeGreaterThanOrEqual(100);
    const stop = await runCli(['neo4j', 'stop', '--dir', dir, ...ports], { env: own });
    expect(stop.code, stop.stderr).toBe(0);
    const stoppedAt = Date.now();

    const code = await out.exited;
    const stderr = out.stderr();
    console.log(
      `[load-faults] the loader exited ${((Date.now() - stoppedAt) / 1000).toFixed(1)}s after the server stopped`,
    );
    expect(code, stderr).toBe(2);
    const m = stderr.match(/(\d+) inputs were not loaded \(first: ([^)]*)\); full list in (\S+)\./);
    expect(m, stderr).not.toBeNull();
    const notLoaded = Number(m![1]);
    expect(m![2]).toContain('bbc.jsonl#L');
    const listed = readFileSync(m![3], 'utf8').split('\n').filter(Boolean);
    expect(listed.length).toBe(notLoaded);
    expect(JSON.parse(out.stdout())).toMatchObject({ aborted: true, notLoaded });
    rmSync(m![3], { force: true });

    await start();
    const partial = await count();
    expect(partial).toBeLessThan(lines.length);
    // Nothing half-written: what is in was committed whole; what was not is listed.
    expect(partial + notLoaded).toBeGreaterThanOrEqual(lines.length);
    expect(await findSummaryProblems(other, 'neo4j')).toEqual([]);

    const rerun = await runCli(['load', '--from-jsonl', bbcJsonl, '--json'], { env, timeoutMs: 600_000 });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({
      unchanged: partial,
      loaded: lines.length - partial,
      failed: 0,
    });
    const resumed = await statsThere();

    const session = other.session();
    try {
      await session.run(
        'MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
      );
    } finally {
      await session.close();
    }
    const whole = await runCli(['load', '--from-jsonl', bbcJsonl, '--json'], { env, timeoutMs: 600_000 });
    expect(whole.code, whole.stderr).toBe(0);
    expect(await statsThere()).toEqual(resumed);
    expect(existsSync(dir)).toBe(true);
  }, 1_200_000);
});
