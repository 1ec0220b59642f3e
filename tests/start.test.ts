/**
 * Issue 6: `stancegraph start` (npm start) as a process: loads the examples into an empty graph,
 * serves the API (GraphQL + /guide), prints where everything is, and stops on SIGINT with exit 0.
 * With NEO4J_URI it leaves that Neo4j running; without, it starts a local one and stops it again.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as local from '../src/neo4j/local.js';
import { CLI, collectOutput, ROOT, resetDatabase, testDriver, testEnv, testNeo4j } from './helpers/neo4j.js';

const API_PORT = 30400;
const THROWAWAY_BOLT = 30687;
const THROWAWAY_HTTP = 30474;

interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];

function startCli(args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, [CLI, 'start', ...args], { cwd: ROOT, env, stdio: 'pipe' });
  children.push(child);
  return { child, ...collectOutput(child) };
}

/** Waits until the printed lines contain the playground URL; fails early if the process exits. */
async function waitForPlayground(s: Started, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void s.exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline) {
    const m = s.stdout().match(/GraphQL playground\s+(http:\/\/\S+\/graphql)/);
    if (m && /Press Ctrl-C/.test(s.stdout())) return m[1];
    if (gone) throw new Error(`start exited before serving.\nstdout:\n${s.stdout()}\nstderr:\n${s.stderr()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no playground URL after ${timeoutMs} ms.\nstdout:\n${s.stdout()}\nstderr:\n${s.stderr()}`);
}

async function stopWith(s: Started, signal: NodeJS.Signals, withinMs: number): Promise<number | null> {
  const t0 = Date.now();
  s.child.kill(signal);
  const code = await Promise.race([
    s.exited,
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), withinMs)),
  ]);
  if (code === 'timeout') throw new Error(`still running ${withinMs} ms after ${signal}:\n${s.stderr()}`);
  expect(Date.now() - t0).toBeLessThan(withinMs);
  return code;
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

let driver: Driver;
const db = () => testNeo4j().database;

async function articleCount(): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (a:Article) RETURN count(a) AS n',
    {},
    { database: db() },
  );
  return records[0].get('n') as number;
}

beforeAll(async () => {
  driver = testDriver();
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(async () => {
  await driver?.close();
});

describe('stancegraph start with NEO4J_URI', () => {
  it('loads the examples into an empty graph, serves the API and the guide, and stops on SIGINT', async () => {
    await resetDatabase(driver);
    const s = startCli(['--port', String(API_PORT)], testEnv());
    const url = await waitForPlayground(s, 180_000);
    expect(url).toBe(`http://127.0.0.1:${API_PORT}/graphql`);

    const out = s.stdout();
    expect(s.stderr()).toContain('loading the examples');
    expect(out).toContain(`Bolt                ${testNeo4j().uri}`);
    expect(out).toContain(`:play http://localhost:${API_PORT}/guide`);
    expect(out).toMatch(/Credentials\s+user neo4j, password from NEO4J_PASSWORD/);
    expect(out).toMatch(/Graph\s+1 articles, \d+ actors, [1-9]\d* stances/);
    expect(out).toContain('from NEO4J_URI (left running)');
    // The password itself is never printed.
    const password = testNeo4j().password;
    if (password) expect(out + s.stderr()).not.toContain(password);

    // The seed's stances, with their evidence, through the API.
    const res = await graphql(
      url,
      `query { stances(filter: { holder: "russia" }, first: 20) {
        totalCount edges { node { kind holder { name } evidence { quote } article { title publisher publishedAt } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const stances = res.data?.stances as {
      totalCount: number;
      edges: {
        node: { kind: string; evidence: { quote: string }; article: { title: string; publishedAt: string } };
      }[];
    };
    expect(stances.totalCount).toBeGreaterThan(0);
    const first = stances.edges[0].node;
    expect(first.article.title).toBe('Russia will not interfere in Syria: Lavrov');
    expect(first.article.publishedAt).toBe('2012-01-31');
    expect(first.evidence.quote).toMatch(/Russia|Moscow/);

    // The Neo4j Browser guide.
    const guide = await fetch(`http://127.0.0.1:${API_PORT}/guide`);
    expect(guide.status).toBe(200);
    const html = await guide.text();
    expect(html).toContain('<article class="guide">');
    expect(html).toContain('<slide class="row-fluid">');
    expect(html).toContain('Who opposes whom');

    const code = await stopWith(s, 'SIGINT', 15_000);
    expect(code, s.stderr()).toBe(0);
    expect(s.stderr()).toContain('SIGINT: stopping the API');
    // The Neo4j it was given is still there, with the examples.
    expect(await articleCount()).toBe(1);
    // And the port is free again.
    await expect(fetch(`http://127.0.0.1:${API_PORT}/guide`)).rejects.toThrow();
  });

  it('does not reload into a graph that has articles; --no-load leaves an empty graph empty', async () => {
    const again = startCli(['--port', String(API_PORT)], testEnv());
    await waitForPlayground(again, 120_000);
    expect(again.stderr()).not.toContain('loading the examples');
    expect(await stopWith(again, 'SIGTERM', 15_000)).toBe(0);

    await resetDatabase(driver);
    const none = startCli(['--port', String(API_PORT), '--no-load'], testEnv());
    await waitForPlayground(none, 120_000);
    expect(none.stdout()).toMatch(/Graph\s+0 articles/);
    expect(await articleCount()).toBe(0);
    expect(await stopWith(none, 'SIGINT', 15_000)).toBe(0);
  });

  it('loads the paths given, naming a bad one, and still serves', async () => {
    await resetDatabase(driver);
    const missing = path.join(os.tmpdir(), 'stancegraph-no-such-folder');
    const s = startCli(
      ['--port', String(API_PORT), '--', path.join(ROOT, 'examples', '000_a423757e2158ce54.txt'), missing],
      testEnv(),
    );
    await waitForPlayground(s, 180_000);
    expect(s.stderr()).toContain(missing);
    expect(s.stdout()).toMatch(/Graph\s+1 articles/);
    expect(await stopWith(s, 'SIGINT', 15_000)).toBe(0);
  });

  it('says clearly when the API port is taken, and exits non-zero', async () => {
    const holder = startCli(['--port', String(API_PORT), '--no-load'], testEnv());
    await waitForPlayground(holder, 120_000);
    const second = startCli(['--port', String(API_PORT), '--no-load'], testEnv());
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.stderr()).toContain(`Port ${API_PORT}`);
    expect(second.stderr()).not.toMatch(/\n\s+at /); // no stack trace
    expect(await stopWith(holder, 'SIGINT', 15_000)).toBe(0);
  });
});

describe('stancegraph start without NEO4J_URI', () => {
  let dir: string;
  afterAll(async () => {
    if (!dir) return;
    // Whatever happened above, leave no Neo4j of this test running.
    await local.stop(local.defaultLocalOptions({ dir, boltPort: THROWAWAY_BOLT, httpPort: THROWAWAY_HTTP }));
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts a local Neo4j, and stops it again on SIGINT', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-start-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      STANCEGRAPH_NEO4J_DIR: dir,
      STANCEGRAPH_BOLT_PORT: String(THROWAWAY_BOLT),
      STANCEGRAPH_HTTP_PORT: String(THROWAWAY_HTTP),
      STANCEGRAPH_NEO4J_HEAP: '512m',
      STANCEGRAPH_NEO4J_PAGECACHE: '64m',
    };
    for (const k of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'NEO4J_BROWSER_URL'])
      delete env[k];
    const s = startCli(['--port', String(API_PORT)], env);
    await waitForPlayground(s, 280_000);
    const out = s.stdout();
    expect(out).toContain(`Bolt                bolt://127.0.0.1:${THROWAWAY_BOLT}`);
    expect(out).toContain(`Neo4j Browser       http://127.0.0.1:${THROWAWAY_HTTP}/browser/`);
    expect(out).toContain(`password in ${path.join(dir, 'password')}`);
    expect(out).toContain('started by this command (stopped on Ctrl-C)');
    expect(out).not.toContain(readFileSync(path.join(dir, 'password'), 'utf8').trim());
    const pid = Number(readFileSync(path.join(dir, 'run', 'neo4j.pid'), 'utf8'));
    expect(pid).toBeGreaterThan(0);

    expect(await stopWith(s, 'SIGINT', 90_000)).toBe(0);
    // The Neo4j it started is gone.
    let alive = true;
    try {
      process.kill(pid, 0);
      alive = !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      alive = false;
    }
    expect(alive).toBe(false);
    expect(existsSync(path.join(dir, 'password'))).toBe(true);
  }, 400_000);
});
