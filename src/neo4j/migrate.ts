/** Schema migrations: cypher/migrations/NNNN_name.cypher, applied in order, recorded in the database. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { query, splitStatements } from '../cypher.js';
import { ROOT } from '../version.js';

export interface Migration {
  version: number;
  name: string;
  file: string;
  checksum: string;
  statements: string[];
}

export function listMigrations(dir = path.join(ROOT, 'cypher', 'migrations')): Migration[] {
  return readdirSync(dir)
    .map((f) => f.match(/^(\d+)_([\w-]+)\.cypher$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => {
      const file = path.join(dir, m[0]);
      const text = readFileSync(file, 'utf8');
      return {
        version: Number(m[1]),
        name: m[2],
        file,
        checksum: createHash('sha256').update(text).digest('hex').slice(0, 16),
        statements: splitStatements(text),
      };
    })
    .sort((a, b) => a.version - b.version);
}

export interface MigrateResult {
  applied: { version: number; name: string }[];
  alreadyApplied: number;
  /** A new database was given cypher/schema.cypher, and every migration recorded as applied. */
  baseline?: boolean;
}

const record = (driver: Driver, database: string, ms: Migration[]) =>
  driver.executeQuery(
    query('admin', 'recordMigrations'),
    { migrations: ms.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })) },
    { database },
  );

/**
 * A new database (no migration recorded, no node) gets the final schema in one transaction
 * (cypher/schema.cypher) instead of every migration's steps. False when it is not new, or when that
 * transaction failed (another process creating the same schema at once, say): the migrations run
 * one by one then, and their statements converge whatever the other did.
 */
async function applyBaseline(driver: Driver, database: string, all: Migration[]): Promise<boolean> {
  const { records } = await driver.executeQuery(
    query('admin', 'hasNodes'),
    {},
    { database, routing: 'READ' },
  );
  if (records[0]?.get('any') !== false) return false;
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      for (const stmt of splitStatements(readFileSync(path.join(ROOT, 'cypher', 'schema.cypher'), 'utf8')))
        await tx.run(stmt);
    });
  } catch {
    return false;
  } finally {
    await session.close();
  }
  await record(driver, database, all);
  return true;
}

/**
 * Applies the migrations not yet recorded. Every statement is idempotent (IF NOT EXISTS), so two
 * processes migrating at once, or a run interrupted half-way, converge on the same schema.
 */
export async function migrate(driver: Driver, database: string): Promise<MigrateResult> {
  const done = new Set<number>();
  const { records } = await driver.executeQuery(
    query('admin', 'migrationsApplied'),
    {},
    { database, routing: 'READ' },
  );
  for (const r of records) done.add(Number(r.get('version')));
  const all = listMigrations();
  const result: MigrateResult =
    done.size === 0 && (await applyBaseline(driver, database, all))
      ? { applied: all.map((m) => ({ version: m.version, name: m.name })), alreadyApplied: 0, baseline: true }
      : await applySteps(driver, database, all, done);
  if (result.applied.length) await awaitIndexes(driver, database);
  return result;
}

/** Runs the migrations not in `done`, one by one, each recorded once its statements ran. */
async function applySteps(
  driver: Driver,
  database: string,
  all: Migration[],
  done: Set<number>,
): Promise<MigrateResult> {
  const result: MigrateResult = { applied: [], alreadyApplied: 0 };
  for (const m of all) {
    if (done.has(m.version)) {
      result.alreadyApplied++;
      continue;
    }
    // Schema statements cannot share a transaction with writes: each runs on its own, as an
    // auto-commit transaction, so that a data migration may use CALL { ... } IN TRANSACTIONS.
    const session = driver.session({ database });
    try {
      for (const stmt of m.statements) await session.run(stmt);
    } finally {
      await session.close();
    }
    await record(driver, database, [m]);
    result.applied.push({ version: m.version, name: m.name });
  }
  return result;
}

/** Indexes a migration created are populated in the background: the next queries wait for them. */
async function awaitIndexes(driver: Driver, database: string): Promise<void> {
  await driver.executeQuery(query('admin', 'awaitIndexes'), { seconds: 300 }, { database });
}

const migrated = new WeakMap<Driver, Promise<MigrateResult>>();

/** Migrates once per driver (process): called before any write. */
export function ensureMigrated(driver: Driver, database: string): Promise<MigrateResult> {
  let p = migrated.get(driver);
  if (!p) {
    p = migrate(driver, database);
    migrated.set(driver, p);
    p.catch(() => migrated.delete(driver));
  }
  return p;
}
