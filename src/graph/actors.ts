/**
 * User-correctable actor resolution: `actors merge FROM INTO` moves everything FROM has to INTO in
 * one transaction and records `FROM → INTO` in the aliases file (and in INTO's `mergedIds`, so later
 * loads land on INTO even if the file is lost).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { DEFAULT_ALIASES_FILE } from '../aliases.js';
import { query } from '../cypher.js';
import { UserError } from '../errors.js';
import { ensureMigrated } from '../neo4j/migrate.js';
import { summaryPairs, writeSummaries } from './load.js';
import { stanceId } from './model.js';

const Q = (name: string) => query('actors', name);

export interface MergeResult {
  from: string;
  into: string;
  moved: { holds: number; toward: number; voicedBy: number; mentions: number; represents: number };
  /** Stances that became duplicates of INTO's own (same article, sentence, target, kind) and were dropped. */
  duplicateStancesDropped: number;
  summaryPairs: number;
}

interface Touched {
  id: string;
  articleId: string;
  sentence: number;
  holderId: string;
  targetId: string;
  kind: string;
}

async function mergeTx(tx: ManagedTransaction, from: string, into: string): Promise<MergeResult> {
  const check = (await tx.run(Q('actorPair'), { from, into })).records[0];
  if (!check.get('fromExists')) {
    const absorbed = check.get('fromMergedInto') as string[];
    throw new UserError(
      absorbed.length
        ? `actor '${from}' was already merged into '${absorbed[0]}'`
        : `no actor with id '${from}' (see \`stancegraph actors list --search ...\`)`,
    );
  }
  if (!check.get('intoExists'))
    throw new UserError(`no actor with id '${into}' (see \`stancegraph actors list --search ...\`)`);

  const before = (await tx.run(Q('touchedStances'), { from })).records.map((r) => r.toObject() as Touched);
  const moved = (
    await tx.run(Q('moveRelationships'), { from, into })
  ).records[0].toObject() as MergeResult['moved'];

  // The stances' ids are recomputed as a fresh load would compute them (holder/target are in the id).
  const map = (id: string) => (id === from ? into : id);
  const after = before.map((s) => ({
    ...s,
    holderId: map(s.holderId),
    targetId: map(s.targetId),
    newId: stanceId(s.articleId, Number(s.sentence), map(s.holderId), map(s.targetId), s.kind),
  }));
  const touchedIds = new Set(before.map((s) => s.id));
  const existing = new Set(
    (await tx.run(Q('existingStanceIds'), { ids: after.map((s) => s.newId) })).records
      .map((r) => r.get('id') as string)
      .filter((id) => !touchedIds.has(id)),
  );
  const taken = new Set<string>(existing);
  const drop: string[] = [];
  const rename: { oldId: string; newId: string }[] = [];
  for (const s of after) {
    if (taken.has(s.newId)) drop.push(s.id);
    else {
      taken.add(s.newId);
      if (s.newId !== s.id) rename.push({ oldId: s.id, newId: s.newId });
    }
  }
  if (drop.length || rename.length) await tx.run(Q('reidStances'), { drop, rename });

  const pairs = summaryPairs([...before, ...after]);
  await writeSummaries(tx, pairs);
  return { from, into, moved, duplicateStancesDropped: drop.length, summaryPairs: pairs.length };
}

export async function mergeActors(
  driver: Driver,
  database: string,
  from: string,
  into: string,
): Promise<MergeResult> {
  if (from === into) throw new UserError(`cannot merge actor '${from}' into itself`);
  await ensureMigrated(driver, database);
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite((tx) => mergeTx(tx, from, into));
  } finally {
    await session.close();
  }
}

/** The aliases file `actors merge` writes: --aliases, else $STANCEGRAPH_ALIASES, else ./stancegraph.aliases.json. */
export function aliasesFileFor(file?: string): string {
  return path.resolve(file ?? (process.env.STANCEGRAPH_ALIASES || DEFAULT_ALIASES_FILE));
}

/**
 * Records `from → into` in the aliases file (created if missing), and points entries that led to
 * FROM at INTO; keys sorted, pretty-printed, written atomically.
 */
export function recordAlias(file: string, from: string, into: string): Record<string, string> {
  let data: Record<string, string> = {};
  if (existsSync(file)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '') || '{}');
    } catch (err) {
      throw new UserError(`aliases file ${file}: invalid JSON: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new UserError(`aliases file ${file}: expected a JSON object {"alias": "actor-id", ...}`);
    data = parsed as Record<string, string>;
  }
  for (const [k, v] of Object.entries(data)) if (v === from) data[k] = into;
  data[from] = into;
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(tmp, file);
  return sorted;
}

export interface ActorRow {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  articles: number;
  stances: number;
  mergedIds: string[];
}

/** Lucene query text for a user's search words: special characters escaped, each word a prefix. */
export function luceneQuery(search: string): string {
  const words = search
    .split(/\s+/)
    .map((w) => w.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`))
    .filter(Boolean);
  return words.map((w) => `${w}*`).join(' AND ');
}

export async function listActors(
  driver: Driver,
  database: string,
  opts: { search?: string; limit?: number } = {},
): Promise<ActorRow[]> {
  const limit = opts.limit ?? 100;
  const search = opts.search?.trim();
  const { records } = search
    ? await driver.executeQuery(
        Q('searchActors'),
        { search: luceneQuery(search), limit },
        { database, routing: 'READ' },
      )
    : await driver.executeQuery(Q('listActors'), { limit }, { database, routing: 'READ' });
  return records.map((r) => r.toObject() as ActorRow);
}
