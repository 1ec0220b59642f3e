/** Test helpers: a driver on the test database, a wiped graph, the CLI run as a process. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { migrate } from '../../src/neo4j/migrate.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const CLI = path.join(ROOT, 'bin', 'stancegraph.js');

export function testNeo4j() {
  return inject('neo4j');
}

/** The environment for child processes: the test database, whatever the parent had. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const n = testNeo4j();
  return {
    ...process.env,
    NEO4J_URI: n.uri,
    NEO4J_USERNAME: n.username,
    NEO4J_PASSWORD: n.password,
    NEO4J_DATABASE: n.database,
    ...extra,
  };
}

export function testDriver(): Driver {
  const n = testNeo4j();
  return neo4j.driver(n.uri, neo4j.auth.basic(n.username, n.password), { disableLosslessIntegers: true });
}

/** Deletes every node (in batches) and re-applies the schema. */
export async function resetDatabase(driver: Driver): Promise<void> {
  const db = testNeo4j().database;
  const session = driver.session({ database: db });
  try {
    // CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await migrate(driver, db);
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A child process's output so far, and its exit code once it has closed. */
export interface Collected {
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

/** Collects what a spawned process writes (both streams) and when it ends. */
export function collectOutput(child: ChildProcess): Collected {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs `stancegraph ARGS` as a process against the test database. */
export function runCli(
  args: string[],
  opts: { input?: string; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: testEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = collectOutput(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    void out.exited.then((code) => {
      clearTimeout(timer);
      resolve({ code, stdout: out.stdout(), stderr: out.stderr() });
    });
    child.stdin.end(opts.input ?? '');
  });
}
