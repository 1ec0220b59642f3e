/**
 * Loads extraction results into Neo4j (issue 4): idempotent, batched, atomic per batch.
 *
 * Each batch of articles is one write transaction (`session.executeWrite`, retried by the driver on
 * transient errors and deadlocks): lock the articles, drop their previous stances and mentions,
 * write articles, actors, topics, mentions, stances and REPRESENTS in one statement, then bring the
 * summary edges of every (holder, target, kind) pair the batch touched in step, under the summary
 * lock: new Stances are added to their edge, pairs that lost Stances are recomputed. An article
 * whose sha256, extractor and content are what is already stored is 'unchanged' and not written.
 */
import { createHash } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { InputError } from '../articles/index.js';
import { query } from '../cypher.js';
import { ensureMigrated } from '../neo4j/migrate.js';
import { toPlain } from '../neo4j/values.js';
import type { ExtractionResult, TopicTarget } from '../types.js';
import { isoDate, KIND_LABELS, Resolver, SUMMARY_TYPES, stanceId } from './model.js';
import { resultProblems } from './validate.js';

/** What the loader takes: a result (with the article text its offsets refer to, when known) or an input error. */
export type LoadItem =
  | { result: ExtractionResult; text?: string | null; source?: string }
  | { error: InputError }
  | ExtractionResult;

export type ArticleStatus = 'loaded' | 'unchanged' | 'failed';

export interface LoadOptions {
  /** Alias-or-actor-id → canonical actor id (the aliases file); `mergedIds` in the database are added. */
  aliases?: Record<string, string>;
  /** Articles per transaction (default 500; fewer, larger commits). */
  batchSize?: number;
  /** Most stances per transaction; a batch closes early when it would pass this (default 5000). */
  maxStancesPerBatch?: number;
  /** Called once per input when its fate is known. */
  onArticle?: (source: string, status: ArticleStatus, message?: string) => void;
  /** Called after each batch. */
  onProgress?: (p: LoadProgress) => void;
  /**
   * Batches written at once, each in its own transaction (default 2: Neo4j runs each on its own
   * core). They may commit out of input order, but the graph is the one written in input order: a
   * batch that shares an article with a batch still being written, or gives an actor another name or
   * kind (or a REPRESENTS edge another role), waits for it.
   */
  concurrency?: number;
  /** Batches read ahead, waiting for a free lane (default 2). */
  maxQueuedBatches?: number;
  /**
   * Inputs read (and extracted) ahead of the batch being formed (default 2,000). While a new
   * database is migrated and a just-started server plans and first runs the writes, extraction
   * goes on instead of waiting; it also bounds the memory the read-ahead holds.
   */
  readAhead?: number;
}

export interface LoadProgress {
  done: number;
  loaded: number;
  unchanged: number;
  failed: number;
}

export interface LoadSummary {
  /** Inputs seen (articles and bad inputs). */
  articles: number;
  loaded: number;
  unchanged: number;
  failed: number;
  /** Distinct actors written by the loaded articles. */
  actors: number;
  /** Stances written. */
  stances: number;
  seconds: number;
  /** Seconds spent inside write transactions. */
  writeSeconds: number;
  transactions: number;
  /** Transactions run again after a transient failure (a deadlock between concurrent writers, mostly). */
  retries: number;
  errors: InputError[];
}

/** Neo4j failed in a way retries did not cure (stopped, unreachable): what was not loaded is listed. */
export class LoadAborted extends Error {
  constructor(
    message: string,
    readonly summary: LoadSummary,
    /** Sources of the articles handed to the loader that were not written (in input order). */
    readonly notLoaded: string[],
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'LoadAborted';
  }
}

// ---------------------------------------------------------------------------------------------
// Preparing one article (pure)

interface ActorRow {
  id: string;
  name: string;
  kind: string;
  label: string;
  aliases: string[];
  authoritative: boolean;
}

interface StanceRow {
  id: string;
  articleId: string;
  holderId: string;
  targetId: string;
  targetIsTopic: boolean;
  speakerId: string | null;
  voicedBy: string | null;
  kind: string;
  polarity: number;
  quote: string;
  sentence: number;
  start: number;
  end: number;
  negated: boolean;
  confidence: number;
  publishedAt: string | null;
}

/** Where writeBatch finds a batch's actors and topics: their index in its $actors and $topics. */
interface NodeIndex {
  actors: Map<string, number>;
  topics: Map<string, number>;
}

/** The index of `id` in the batch's rows; every id a Stance or mention names is one of them. */
function indexOf(ids: Map<string, number>, id: string): number {
  const i = ids.get(id);
  if (i === undefined) throw new Error(`${id} is not among the batch's actors and topics`);
  return i;
}

/**
 * A Stance as sent to writeBatch, inside its article's group: its own properties, and its holder,
 * target and speaker (when it is not the holder) by their index in the batch's rows. The Stance
 * node keeps no copy of these ids: its relationships say them.
 */
function stanceParam(s: StanceRow, ix: NodeIndex): Record<string, unknown> {
  const { articleId: _a, publishedAt: _p, holderId, targetId, speakerId: _s, voicedBy, ...row } = s;
  const refs = {
    holder: indexOf(ix.actors, holderId),
    target: indexOf(s.targetIsTopic ? ix.topics : ix.actors, targetId),
  };
  return voicedBy === null
    ? { ...row, ...refs }
    : { ...row, ...refs, voicedBy: indexOf(ix.actors, voicedBy) };
}

interface Pair {
  holderId: string;
  targetId: string;
  kind: string;
}

export interface PreparedArticle {
  source: string;
  article: {
    id: string;
    title: string | null;
    publisher: string | null;
    publishedAt: string | null;
    url: string | null;
    source: string;
    sha256: string | null;
    extractor: string | null;
    text: string | null;
    contentHash: string;
  };
  actors: ActorRow[];
  topics: { id: string; name: string }[];
  mentions: { articleId: string; actorId: string; count: number; aliases: string[] }[];
  stances: StanceRow[];
  represents: { fromId: string; toId: string; role: string | null; articleId: string }[];
}

const sortedUnique = (xs: Iterable<string>) =>
  [...new Set([...xs].map((s) => s.trim()).filter(Boolean))].sort();

/**
 * Turns one extraction result into rows: actor ids mapped through the resolver (actors that map to
 * the same id become one), stance ids computed, duplicates dropped. Throws with a readable message
 * when the result is malformed.
 */
export function prepareArticle(
  result: ExtractionResult,
  resolver: Resolver,
  text?: string | null,
  sourceHint?: string,
): PreparedArticle {
  const problems = resultProblems(result);
  if (problems.length) throw new Error(`not a valid extraction result: ${problems.join('; ')}`);
  const a = result.article as ExtractionResult['article'] & { text?: string | null };
  const articleId = a.id;
  const publishedAt = isoDate(a.publishedAt);
  const canon = (id: string) => resolver.resolve(id);

  const actors = new Map<string, ActorRow>();
  const mentions = new Map<string, { count: number; aliases: string[] }>();
  for (const x of result.actors) {
    const id = canon(x.id);
    const authoritative = id === x.id;
    const surface = [...(x.aliases ?? []), ...(authoritative ? [] : [x.name])];
    const prev = actors.get(id);
    if (!prev || (authoritative && !prev.authoritative)) {
      actors.set(id, {
        id,
        name: x.name,
        kind: x.kind,
        label: KIND_LABELS[x.kind],
        aliases: sortedUnique([...(prev?.aliases ?? []), ...surface]),
        authoritative,
      });
    } else {
      prev.aliases = sortedUnique([...prev.aliases, ...surface]);
    }
    const m = mentions.get(id);
    mentions.set(id, {
      count: (m?.count ?? 0) + (x.mentions ?? 0),
      aliases: sortedUnique([...(m?.aliases ?? []), ...(x.aliases ?? []), x.name]),
    });
  }

  const represents = new Map<
    string,
    { fromId: string; toId: string; role: string | null; articleId: string }
  >();
  for (const x of result.actors) {
    for (const r of x.represents ?? []) {
      const fromId = canon(x.id);
      const toId = canon(r.actor);
      if (fromId === toId) continue;
      const key = `${fromId}\u0000${toId}`;
      const prev = represents.get(key);
      represents.set(key, { fromId, toId, role: r.role ?? prev?.role ?? null, articleId });
    }
  }

  const topics = new Map<string, { id: string; name: string }>();
  const stances = new Map<string, StanceRow>();
  for (const s of result.stances) {
    const holderId = canon(s.source);
    const isTopic = typeof s.target !== 'string';
    const targetId = isTopic ? (s.target as TopicTarget).id : canon(s.target as string);
    if (isTopic) {
      const t = s.target as TopicTarget;
      if (!topics.has(t.id)) topics.set(t.id, { id: t.id, name: t.name });
    }
    const speakerId = s.speaker ? canon(s.speaker) : null;
    const id = stanceId(articleId, s.evidence.sentence, holderId, targetId, s.kind);
    if (stances.has(id)) continue;
    stances.set(id, {
      id,
      articleId,
      holderId,
      targetId,
      targetIsTopic: isTopic,
      speakerId,
      voicedBy: speakerId && speakerId !== holderId ? speakerId : null,
      kind: s.kind,
      polarity: s.polarity,
      quote: s.evidence.text,
      sentence: s.evidence.sentence,
      start: s.evidence.start,
      end: s.evidence.end,
      negated: s.negated ?? false,
      confidence: s.confidence ?? 1,
      publishedAt,
    });
  }

  const article = {
    id: articleId,
    title: a.title ?? null,
    publisher: a.publisher ?? null,
    publishedAt,
    url: a.url ?? null,
    source: a.source ?? sourceHint ?? articleId,
    sha256: a.sha256 ?? null,
    extractor: a.extractor ?? null,
    text: text ?? a.text ?? null,
  };
  const prepared: Omit<PreparedArticle, 'article'> & { article: typeof article } = {
    source: sourceHint ?? article.source,
    article,
    actors: [...actors.values()],
    topics: [...topics.values()],
    mentions: [...mentions.entries()].map(([actorId, m]) => ({ articleId, actorId, ...m })),
    stances: [...stances.values()],
    represents: [...represents.values()],
  };
  // What would be written (not where it was read from): equal hashes mean nothing to rewrite.
  const { source: _where, ...content } = prepared;
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
  return { ...prepared, article: { ...article, contentHash } };
}

// ---------------------------------------------------------------------------------------------
// Writing a batch (one transaction)

/**
 * The hot write queries look nodes up by their unique ids only, so their plans do not depend on
 * how big the graph is: `replan=skip` keeps the server from re-planning them (over a second each)
 * every time the statistics move, which during a load from empty is all the time.
 */
const STABLE_PLANS = new Set([
  'lockArticles',
  'writeBatch',
  'summaryLock',
  'summaryEdges',
  'summaryState',
  'writeSummaries',
]);
const Q = (name: string) => (STABLE_PLANS.has(name) ? 'CYPHER replan=skip ' : '') + query('load', name);

interface BatchOutcome {
  loaded: PreparedArticle[];
  unchanged: PreparedArticle[];
  actors: Set<string>;
  stances: number;
}

type PlanNode = {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
};

/** STANCEGRAPH_LOAD_PROFILE=1: the operators of each query with the most database hits, on stderr. */
function printProfile(name: string, plan: unknown): void {
  const ops: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    ops.push(n);
    for (const c of n.children) walk(c);
  };
  if (plan) walk(plan as PlanNode);
  ops.sort(
    (a, b) => ((b as { time?: number }).time ?? b.dbHits) - ((a as { time?: number }).time ?? a.dbHits),
  );
  const lines = ops.slice(0, 8).map(
    (o) =>
      `  ${String(o.dbHits).padStart(9)} hits ${String(o.rows).padStart(7)} rows  ${o.operatorType} ${String(
        o.arguments.Details ?? '',
      )
        .slice(0, 90)
        .replace(/\s+/g, ' ')}`,
  );
  process.stderr.write(`[profile] ${name}\n${lines.join('\n')}\n`);
}

/** Seconds spent per named query (for `bench/load.mjs` and STANCEGRAPH_LOAD_PROFILE=1). */
export const queryTimes = new Map<string, { calls: number; seconds: number }>();

async function rows<T = Record<string, unknown>>(
  tx: ManagedTransaction,
  name: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const t0 = performance.now();
  const profile = process.env.STANCEGRAPH_LOAD_PROFILE === '1';
  const res = await tx.run(profile ? `PROFILE ${Q(name)}` : Q(name), params);
  if (profile) printProfile(name, res.summary.profile);
  const t = queryTimes.get(name) ?? { calls: 0, seconds: 0 };
  t.calls++;
  t.seconds += (performance.now() - t0) / 1000;
  if (process.env.STANCEGRAPH_LOAD_TRACE === '1')
    process.stderr.write(
      `[trace] +${(performance.now() / 1000).toFixed(1)}s ${name} ${(performance.now() - t0).toFixed(0)}ms\n`,
    );
  queryTimes.set(name, t);
  return res.records.map((r) => r.toObject() as T);
}

/** Writes a batch in the given transaction. Idempotent: the driver may run it more than once. */
async function writeBatch(tx: ManagedTransaction, batch: PreparedArticle[]): Promise<BatchOutcome> {
  // Later duplicates of an article in the same batch win (they were read later).
  const byId = new Map<string, PreparedArticle>();
  for (const p of batch) byId.set(p.article.id, p);
  const ids = [...byId.keys()].sort();

  const state = await rows<{
    id: string;
    sha256: string | null;
    extractor: string | null;
    contentHash: string | null;
  }>(tx, 'lockArticles', { ids });
  const stored = new Map(state.filter((s) => s.contentHash !== null).map((s) => [s.id, s]));
  const unchangedIds = new Set<string>();
  for (const [id, p] of byId) {
    const s = stored.get(id);
    if (
      s &&
      s.sha256 === p.article.sha256 &&
      s.extractor === p.article.extractor &&
      s.contentHash === p.article.contentHash
    )
      unchangedIds.add(id);
  }
  const write = ids.filter((id) => !unchangedIds.has(id));
  const outcome: BatchOutcome = {
    // Duplicates of a written article count as loaded.
    loaded: batch.filter((p) => !unchangedIds.has(p.article.id)),
    unchanged: batch.filter((p) => unchangedIds.has(p.article.id)),
    actors: new Set(),
    stances: 0,
  };
  if (write.length === 0) return outcome;
  const arts = write.map((id) => byId.get(id)!);

  const existing = write.filter((id) => stored.has(id));
  const pairs = new Map<string, Pair>();
  const orphanActors = new Set<string>();
  const orphanTopics = new Set<string>();
  if (existing.length) {
    const [old] = await rows<{ pairs: Pair[]; actorIds: string[] }>(tx, 'deleteOld', { ids: existing });
    for (const p of old?.pairs ?? []) {
      pairs.set(`${p.holderId}\u0000${p.targetId}\u0000${p.kind}`, p);
      // A target may be an actor or a topic: both sweeps look, each matches its own label.
      orphanActors.add(p.holderId);
      orphanActors.add(p.targetId);
      orphanTopics.add(p.targetId);
    }
    for (const id of old?.actorIds ?? []) orphanActors.add(id);
  }

  // Within the batch as across batches, the later article's word stands: rows are merged in input
  // order (`arts` is in id order, the order locks are taken in), and a later row that is the actor's
  // own names and types it; a row reached through an alias only names a new actor.
  const inOrder = [...byId.values()].filter((p) => !unchangedIds.has(p.article.id));
  const actors = new Map<string, ActorRow>();
  for (const p of inOrder)
    for (const x of p.actors) {
      const prev = actors.get(x.id);
      if (!prev) actors.set(x.id, { ...x });
      else {
        if (x.authoritative) Object.assign(prev, { ...x, aliases: prev.aliases });
        prev.aliases = sortedUnique([...prev.aliases, ...x.aliases]);
      }
    }
  const byKey = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const actorRows = [...actors.values()].sort(byKey);

  const topics = new Map<string, { id: string; name: string }>();
  for (const p of arts) for (const t of p.topics) if (!topics.has(t.id)) topics.set(t.id, t);

  const stanceRows = arts.flatMap((p) => p.stances);
  const reps = new Map<string, { fromId: string; toId: string; role: string | null; articleIds: string[] }>();
  for (const p of inOrder)
    for (const r of p.represents) {
      const key = `${r.fromId}\u0000${r.toId}`;
      const prev = reps.get(key);
      if (prev) {
        prev.articleIds.push(r.articleId);
        prev.role = r.role ?? prev.role;
      } else reps.set(key, { fromId: r.fromId, toId: r.toId, role: r.role, articleIds: [r.articleId] });
    }

  // Pairs whose stances this batch deleted are recomputed from the Stances left; the others get
  // what this batch adds (count, dates, polarity sum) added to their summary edge.
  const recompute = summaryPairs(pairs.values());
  const added = new Map<string, SummaryDelta>();
  for (const s of stanceRows) {
    const type = SUMMARY_TYPES[s.kind as keyof typeof SUMMARY_TYPES];
    if (type === undefined) continue;
    const key = `${s.holderId}\u0000${s.targetId}\u0000${s.kind}`;
    const d = added.get(key);
    if (d) {
      d.n++;
      d.firstSeen = minDate(d.firstSeen, s.publishedAt);
      d.lastSeen = maxDate(d.lastSeen, s.publishedAt);
      d.polaritySum += s.polarity;
    } else
      added.set(key, {
        holderId: s.holderId,
        targetId: s.targetId,
        kind: s.kind,
        type,
        n: 1,
        firstSeen: s.publishedAt,
        lastSeen: s.publishedAt,
        polaritySum: s.polarity,
      });
  }
  for (const id of actors.keys()) orphanActors.delete(id);
  for (const id of topics.keys()) orphanTopics.delete(id);

  const topicRows = [...topics.values()];
  const ix: NodeIndex = {
    actors: new Map(actorRows.map((a, i) => [a.id, i])),
    topics: new Map(topicRows.map((t, i) => [t.id, i])),
  };
  await rows(tx, 'writeBatch', {
    loadedAt: new Date().toISOString(),
    articles: arts.map((p) => p.article),
    actors: actorRows,
    topics: topicRows,
    mentions: arts.flatMap((p) =>
      p.mentions.map(({ actorId, ...m }) => ({ ...m, actor: indexOf(ix.actors, actorId) })),
    ),
    stances: arts.map((p) => ({
      articleId: p.article.id,
      publishedAt: p.article.publishedAt,
      rows: p.stances.map((s) => stanceParam(s, ix)),
    })),
    represents: [...reps.values()],
  });
  await writeSummaries(tx, recompute, [...orphanActors].sort(), [...orphanTopics].sort(), [
    ...added.values(),
  ]);

  for (const id of actors.keys()) outcome.actors.add(id);
  outcome.stances = stanceRows.length;
  return outcome;
}

/** A summary edge as written: its pair, type and what the Stances beneath it add up to. */
interface SummaryUpdate {
  holderId: string;
  targetId: string;
  type: string;
  n: number;
  firstSeen: string | null;
  lastSeen: string | null;
  polarity: number;
  polaritySum: number;
}

/** What one batch's new Stances add to a (holder, target, kind) pair. */
export interface SummaryDelta {
  holderId: string;
  targetId: string;
  kind: string;
  type: string;
  n: number;
  firstSeen: string | null;
  lastSeen: string | null;
  polaritySum: number;
}

type SummaryPair = { holderId: string; targetId: string; kind: string; type: string };

interface HolderState {
  holderId: string;
  groups: {
    targetId: string;
    kind: string;
    n: number;
    firstSeen: string | null;
    lastSeen: string | null;
    polaritySum: number;
  }[];
  rels: { type: string; targetId: string; rel: string }[];
}

interface SummaryEdge {
  holderId: string;
  type: string;
  targetId: string;
  rel: string;
  count: unknown;
  firstSeen: string | null;
  lastSeen: string | null;
  polaritySum: unknown;
}

/** The distinct (holder, target, kind) pairs with their summary type; kinds without one are dropped. */
export function summaryPairs(
  pairs: Iterable<{ holderId: string; targetId: string; kind: string }>,
): SummaryPair[] {
  const out = new Map<string, SummaryPair>();
  for (const p of pairs) {
    const type = SUMMARY_TYPES[p.kind as keyof typeof SUMMARY_TYPES];
    if (type !== undefined)
      out.set(`${p.holderId}\u0000${p.targetId}\u0000${p.kind}`, {
        holderId: p.holderId,
        targetId: p.targetId,
        kind: p.kind,
        type,
      });
  }
  return [...out.values()];
}

// ISO dates compare as strings; like Cypher's min/max, a missing date is ignored.
const minDate = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);
const maxDate = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);
/** A count or sum read back from Neo4j (a plain number, or an Integer without disableLosslessIntegers). */
const toNum = (v: unknown) => toPlain(v) as number | null;

/** The pairs' targets grouped by holder, holders sorted (the order locks are taken in). */
function byHolder(pairs: { holderId: string; targetId: string }[]) {
  const m = new Map<string, Set<string>>();
  for (const p of pairs) {
    const set = m.get(p.holderId) ?? new Set<string>();
    set.add(p.targetId);
    m.set(p.holderId, set);
  }
  return [...m]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([holderId, targets]) => ({ holderId, targetIds: [...targets] }));
}

/**
 * Keeps summary edges in step with the Stances beneath them, under the summary lock (one
 * transaction at a time, held to commit). `added`: what a batch's new Stances add to a pair, added
 * to its edge (or a new edge) without reading the Stances: the cost does not grow with the graph.
 * `recompute`: pairs that lost Stances (a rewritten article, a merge), recomputed from the Stances
 * left; the edge goes when none is left. Then sweeps orphans. Shared with `actors merge`.
 */
export async function writeSummaries(
  tx: ManagedTransaction,
  recompute: SummaryPair[],
  orphanActors: string[] = [],
  orphanTopics: string[] = [],
  added: SummaryDelta[] = [],
): Promise<void> {
  const creates: SummaryUpdate[] = [];
  const updates: (SummaryUpdate & { rel: string })[] = [];
  const deletes: { holderId: string; rel: string }[] = [];
  const key = (p: { holderId: string; targetId: string; type: string }) =>
    `${p.holderId}\u0000${p.targetId}\u0000${p.type}`;
  const toRecompute = new Map(recompute.map((p) => [key(p), p]));
  const adds = added.filter((d) => !toRecompute.has(key(d)));
  if (toRecompute.size || adds.length) await rows(tx, 'summaryLock', {});

  if (adds.length) {
    const edges = new Map<string, SummaryEdge[]>();
    for (const e of await rows<SummaryEdge>(tx, 'summaryEdges', { holders: byHolder(adds) })) {
      const list = edges.get(key(e)) ?? [];
      list.push(e);
      edges.set(key(e), list);
    }
    for (const d of adds) {
      const found = edges.get(key(d)) ?? [];
      const e = found[0];
      const count = toNum(e?.count);
      const sum = toNum(e?.polaritySum);
      // Two edges for one pair, or one written before polaritySum was kept: recompute it.
      if (found.length > 1 || (e && (count === null || sum === null))) {
        toRecompute.set(key(d), d);
        continue;
      }
      const u = {
        holderId: d.holderId,
        targetId: d.targetId,
        type: d.type,
        n: (count ?? 0) + d.n,
        firstSeen: e ? minDate(e.firstSeen, d.firstSeen) : d.firstSeen,
        lastSeen: e ? maxDate(e.lastSeen, d.lastSeen) : d.lastSeen,
        polaritySum: (sum ?? 0) + d.polaritySum,
        polarity: Math.sign((sum ?? 0) + d.polaritySum),
      };
      if (e) updates.push({ ...u, rel: e.rel });
      else creates.push(u);
    }
  }

  if (toRecompute.size) {
    const pairs = [...toRecompute.values()];
    const state = new Map(
      (await rows<HolderState>(tx, 'summaryState', { holders: byHolder(pairs) })).map((h) => [h.holderId, h]),
    );
    for (const p of pairs) {
      const h = state.get(p.holderId);
      if (!h) continue; // the holder is gone (merged away): its edges went with it
      const g = h.groups.find((x) => x.targetId === p.targetId && x.kind === p.kind);
      const [keep, ...extra] = h.rels
        .filter((r) => r.targetId === p.targetId && r.type === p.type)
        .map((r) => r.rel);
      deletes.push(...extra.map((rel) => ({ holderId: p.holderId, rel })));
      const n = toNum(g?.n) ?? 0;
      if (!g || n === 0) {
        if (keep) deletes.push({ holderId: p.holderId, rel: keep });
        continue;
      }
      const sum = toNum(g.polaritySum) ?? 0;
      const u = {
        holderId: p.holderId,
        targetId: p.targetId,
        type: p.type,
        n,
        firstSeen: g.firstSeen,
        lastSeen: g.lastSeen,
        polaritySum: sum,
        polarity: Math.sign(sum),
      };
      if (keep) updates.push({ ...u, rel: keep });
      else creates.push(u);
    }
  }
  if (creates.length || updates.length || deletes.length || orphanActors.length || orphanTopics.length)
    await rows(tx, 'writeSummaries', { creates, updates, deletes, orphanActors, orphanTopics });
}

const RACE = 'Neo.ClientError.Schema.ConstraintValidationFailed';

function errorCode(err: unknown): string {
  return String((err as { code?: string })?.code ?? '');
}

/** A failure a retry (by the driver, or ours) will not cure and that is not about one article's data. */
export function isFatal(err: unknown): boolean {
  const code = errorCode(err);
  if (code === RACE) return false;
  if (code.startsWith('Neo.ClientError.Statement') || code.startsWith('Neo.ClientError.Schema')) return false;
  if (code.startsWith('Neo.ClientError.Request')) return false;
  return true;
}

/**
 * Runs one batch in a write transaction. The driver retries transient errors (deadlocks included);
 * constraint races between two loaders MERGE-ing the same new id are retried here.
 */
async function runBatch(
  driver: Driver,
  database: string,
  batch: PreparedArticle[],
  onRetry: () => void,
): Promise<BatchOutcome> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  let runs = 0;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await session.executeWrite(
          (tx) => {
            if (runs++ > 0) onRetry();
            return writeBatch(tx, batch);
          },
          { metadata: { app: 'stancegraph-load' } },
        );
      } catch (err) {
        if (errorCode(err) !== RACE || attempt >= 5) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
      }
    }
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The pipeline

const warmed = new WeakMap<Driver, Set<string>>();
/**
 * The queries every load runs, in the order a batch's transaction runs them, each with parameters
 * of the names and types a load into an empty database sends: the server's plan cache keys on the
 * query text, the type of every parameter passed (a list of strings is not an empty list, nor a list
 * of maps) and whether the transaction has written anything yet.
 */
const WRITE_PATH: [string, Record<string, unknown>][] = [
  ['lockArticles', { ids: [''] }],
  [
    'writeBatch',
    { loadedAt: '', articles: [], actors: [], topics: [], mentions: [], stances: [], represents: [] },
  ],
  ['summaryLock', {}],
  ['summaryEdges', { holders: [] }],
  ['writeSummaries', { creates: [], updates: [], deletes: [], orphanActors: [], orphanTopics: [] }],
];
/** Only for rewritten articles (and merges): planned when first needed, unless `all`. */
const REWRITE_PATH: [string, Record<string, unknown>][] = [
  ['deleteOld', { ids: [''] }],
  ['summaryState', { holders: [] }],
  ['writeSummaries', { creates: [], updates: [], deletes: [], orphanActors: [''], orphanTopics: [''] }],
];

/**
 * Has the server plan (and cache) the loader's queries as a batch will run them, by running them,
 * on nothing, in a transaction it rolls back (an EXPLAIN differs from the batch's query in its text).
 * lockArticles opens a batch's transaction and writes (here: an article with the empty id); every
 * other query runs after that. The summary lock is taken last, to be held only until the rollback.
 * Never fails. A load plans the write path only: on a just-started server each plan costs a second
 * or more of CPU that the extraction needs too. `serve` (ingestArticle) plans the rewrite path too.
 */
export async function warmUp(driver: Driver, database: string, { all = false } = {}): Promise<void> {
  const [opener] = WRITE_PATH;
  const rank = ([name]: [string, unknown]) => (name === opener[0] ? 0 : name === 'summaryLock' ? 2 : 1);
  const done = warmed.get(driver) ?? new Set<string>();
  warmed.set(driver, done);
  const key = ([name, params]: [string, Record<string, unknown>]) => `${name} ${JSON.stringify(params)}`;
  const todo = [...WRITE_PATH, ...(all ? REWRITE_PATH : [])]
    .filter((q) => !done.has(key(q)))
    .sort((a, b) => rank(a) - rank(b));
  for (const q of todo) done.add(key(q));
  if (todo.length === 0) return;
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    const tx = await session.beginTransaction();
    try {
      if (todo[0] !== opener) await tx.run(Q(opener[0]), opener[1]);
      for (const [name, params] of todo) await tx.run(Q(name), params);
    } finally {
      await tx.rollback();
    }
  } catch {
    // A warm-up that failed leaves the planning to the first batch.
  } finally {
    await session.close();
  }
}

/**
 * What a batch writes that a later write may overwrite, by key: each actor's name and kind (and
 * whether the row is the actor's own), each REPRESENTS edge's role. Two batches in flight that give
 * a key different values are written in input order.
 */
export function batchClaims(batch: PreparedArticle[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (key: string, value: string) => {
    const set = out.get(key) ?? new Set<string>();
    set.add(value);
    out.set(key, set);
  };
  for (const p of batch) {
    for (const x of p.actors) add(`actor\u0000${x.id}`, `${x.name}\u0000${x.kind}\u0000${x.authoritative}`);
    for (const r of p.represents)
      if (r.role !== null) add(`represents\u0000${r.fromId}\u0000${r.toId}`, r.role);
  }
  return out;
}

/**
 * Starts reading `items` now, up to `n` ahead of the consumer, and yields them all in order.
 * `close` ends the reading (and so the extraction behind it) when nothing will be consumed.
 */
export function readAhead<T>(
  items: AsyncIterable<T> | Iterable<T>,
  n: number,
): AsyncIterable<T> & { close(): Promise<void> } {
  const it: AsyncIterator<T> | Iterator<T> =
    Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const pulled: Promise<IteratorResult<T>>[] = [];
  let last: Promise<unknown> = Promise.resolve();
  let closed = false;
  for (let i = 0; i < n; i++) {
    const p = last.then(() => (closed ? ({ done: true, value: undefined } as const) : it.next()));
    p.catch(() => undefined); // seen by the consumer, when it gets there
    pulled.push(p);
    last = p;
  }
  const close = async () => {
    if (closed) return;
    closed = true;
    await last.catch(() => undefined);
    await it.return?.();
  };
  return {
    close,
    async *[Symbol.asyncIterator]() {
      try {
        for (const p of pulled) {
          const r = await p;
          if (r.done) return;
          yield r.value;
        }
        for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
      } finally {
        await close();
      }
    },
  };
}

/** Ids absorbed by `actors merge`, from the database. */
export async function mergedIdPairs(driver: Driver, database: string): Promise<[string, string][]> {
  const { records } = await driver.executeQuery(Q('mergedIds'), {}, { database, routing: 'READ' });
  return records.map((r) => [r.get('fromId'), r.get('intoId')]);
}

function normaliseItem(
  item: LoadItem,
): { result: ExtractionResult; text?: string | null; source?: string } | { error: InputError } {
  if ('error' in item) return item as { error: InputError };
  if ('result' in item && !('actors' in item)) return item;
  return { result: item as ExtractionResult };
}

/**
 * Loads extraction results. Bad results are reported (onArticle, summary.errors) and the rest go on;
 * when Neo4j fails for good (stopped, unreachable) a LoadAborted lists what was not written.
 * Articles flow through while the previous batch is written, so extraction and writing overlap.
 */
export async function loadResults(
  driver: Driver,
  database: string,
  items: AsyncIterable<LoadItem> | Iterable<LoadItem>,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const started = performance.now();
  const batchSize = Math.max(1, options.batchSize ?? 500);
  // Reading (and extraction) starts now and runs up to `readAhead` inputs ahead: on a new database
  // the migrations take seconds, and on a just-started server the first transactions take seconds
  // more (planning, then the JVM compiling as it goes); the extraction workers use that time
  // instead of waiting for room. Measured: `npm run bench:load`, README.
  const ahead = readAhead(items, Math.max(batchSize, options.readAhead ?? 2000));
  let warm: Promise<void>;
  let resolver: Resolver;
  try {
    // Once per driver: a no-op for a caller that migrated already.
    await ensureMigrated(driver, database);
    // Plans the write queries while the first batch is being read and extracted: on a fresh
    // server, planning them is most of the first transaction's time. Not before the migrations:
    // a plan made without the indexes would be kept (`replan=skip`).
    warm = warmUp(driver, database);
    resolver = new Resolver(options.aliases ?? {}, await mergedIdPairs(driver, database));
  } catch (err) {
    await ahead.close();
    throw err;
  }
  const maxStances = Math.max(1, options.maxStancesPerBatch ?? 5000);
  const summary: LoadSummary = {
    articles: 0,
    loaded: 0,
    unchanged: 0,
    failed: 0,
    actors: 0,
    stances: 0,
    seconds: 0,
    writeSeconds: 0,
    transactions: 0,
    retries: 0,
    errors: [],
  };
  const actorsSeen = new Set<string>();
  const retried = () => {
    summary.retries++;
  };
  const report = (source: string, status: ArticleStatus, message?: string) => {
    if (status === 'loaded') summary.loaded++;
    else if (status === 'unchanged') summary.unchanged++;
    else {
      summary.failed++;
      summary.errors.push({ source, message: message ?? 'failed' });
    }
    options.onArticle?.(source, status, message);
  };
  const progress = () =>
    options.onProgress?.({
      done: summary.loaded + summary.unchanged + summary.failed,
      loaded: summary.loaded,
      unchanged: summary.unchanged,
      failed: summary.failed,
    });

  const written = new WeakSet<PreparedArticle>();
  const apply = (o: BatchOutcome) => {
    for (const p of o.loaded) report(p.source, 'loaded');
    for (const p of o.unchanged) report(p.source, 'unchanged');
    for (const p of [...o.loaded, ...o.unchanged]) written.add(p);
    for (const id of o.actors) actorsSeen.add(id);
    summary.stances += o.stances;
    summary.actors = actorsSeen.size;
  };

  /** Writes a batch; a data error in one article is isolated by writing the batch's articles one by one. */
  const write = async (batch: PreparedArticle[]): Promise<void> => {
    const t0 = performance.now();
    try {
      try {
        apply(await runBatch(driver, database, batch, retried));
        summary.transactions++;
      } catch (err) {
        if (isFatal(err) || batch.length === 1) throw err;
        for (const p of batch) {
          try {
            apply(await runBatch(driver, database, [p], retried));
            summary.transactions++;
          } catch (e) {
            if (isFatal(e)) throw e;
            written.add(p);
            report(p.source, 'failed', `Neo4j refused it: ${(e as Error).message}`);
          }
        }
      }
    } catch (err) {
      if (isFatal(err)) throw err;
      written.add(batch[0]);
      report(batch[0].source, 'failed', `Neo4j refused it: ${(err as Error).message}`);
    } finally {
      summary.writeSeconds += (performance.now() - t0) / 1000;
      progress();
    }
  };

  // Batches are written by up to `concurrency` transactions at once (Neo4j runs each on its own
  // thread), while the loop goes on reading (and the pool extracting) the next ones; at most
  // `maxQueued` more wait for a free lane, which bounds memory. What a batch writes that a later
  // batch may overwrite is ordered: a batch that shares an article with one still being written
  // waits for it (a later version of an article always wins), and so does a batch that sets an
  // actor's name or kind, or a REPRESENTS role, to something else than one still being written
  // (the later article's word stands, as if the batches ran one by one). Aliases, mentions and
  // summary edges add up in any order.
  const lanes = Math.max(1, options.concurrency ?? 2);
  const maxQueued = Math.max(0, options.maxQueuedBatches ?? 2);
  let batch: PreparedArticle[] = [];
  let batchStances = 0;
  /** Batches handed to a lane and not written yet (or whose write failed). */
  const unfinished = new Set<PreparedArticle[]>();
  /** The task writing each article id, while it runs. */
  const writing = new Map<string, Promise<void>>();
  /** What the running tasks write that order matters for: actor name and kind, REPRESENTS role. */
  const claims = new Map<string, { task: Promise<void>; value: string }[]>();
  const tasks = new Set<Promise<void>>();
  let running = 0;
  let writeFailure: { err: unknown } | null = null;
  // Whoever waits (the reading loop for room, a batch for a lane) is woken by any change and looks again.
  const waiters: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  const notify = () => {
    for (const w of waiters.splice(0)) w();
  };
  const launch = (b: PreparedArticle[]) => {
    unfinished.add(b);
    const own = batchClaims(b);
    const before = new Set(b.map((p) => writing.get(p.article.id)).filter((t) => t !== undefined));
    for (const [key, values] of own)
      for (const c of claims.get(key) ?? [])
        if (values.size !== 1 || !values.has(c.value)) before.add(c.task);
    const task = (async () => {
      if (before.size) await Promise.all(before);
      while (running >= lanes && !writeFailure) await changed();
      if (writeFailure) return;
      running++;
      try {
        await write(b);
        unfinished.delete(b);
      } catch (err) {
        writeFailure ??= { err };
      } finally {
        running--;
        notify();
      }
    })();
    tasks.add(task);
    for (const p of b) writing.set(p.article.id, task);
    for (const [key, values] of own) {
      const list = claims.get(key) ?? [];
      for (const value of values) list.push({ task, value });
      claims.set(key, list);
    }
    void task.finally(() => {
      tasks.delete(task);
      for (const p of b) if (writing.get(p.article.id) === task) writing.delete(p.article.id);
      for (const key of own.keys()) {
        const left = (claims.get(key) ?? []).filter((c) => c.task !== task);
        if (left.length) claims.set(key, left);
        else claims.delete(key);
      }
      notify();
    });
  };
  /** Hands the current batch to a lane; waits while too many wait. False once Neo4j failed for good. */
  const flush = async (): Promise<boolean> => {
    if (batch.length) {
      launch(batch);
      batch = [];
      batchStances = 0;
    }
    while (tasks.size > lanes + maxQueued && !writeFailure) await changed();
    return !writeFailure;
  };

  for await (const raw of ahead) {
    summary.articles++;
    const item = normaliseItem(raw);
    if ('error' in item) {
      report(item.error.source, 'failed', item.error.message);
      progress();
      continue;
    }
    const source = item.source ?? item.result?.article?.source ?? item.result?.article?.id ?? '(unknown)';
    let prepared: PreparedArticle;
    try {
      prepared = prepareArticle(item.result, resolver, item.text, source);
    } catch (err) {
      report(source, 'failed', (err as Error).message);
      progress();
      continue;
    }
    if (batch.length && batchStances + prepared.stances.length > maxStances && !(await flush())) {
      batch.push(prepared);
      break;
    }
    batch.push(prepared);
    batchStances += prepared.stances.length;
    if (batch.length >= batchSize && !(await flush())) break;
    if (writeFailure) break;
  }
  if (!writeFailure) await flush();
  while (tasks.size) await Promise.all([...tasks]);
  await warm;
  // Searches run after the load returns find what it wrote (quote and title indexes lag commits).
  if (!writeFailure && summary.loaded > 0)
    await driver.executeQuery(Q('awaitSearchIndexes'), {}, { database }).catch(() => undefined);
  summary.seconds = (performance.now() - started) / 1000;
  if (writeFailure) {
    const failure = writeFailure as { err: unknown };
    // The failed batch, the batches not written because of it, and what was prepared after them.
    const notLoaded = [...[...unfinished].flat(), ...batch]
      .filter((p) => !written.has(p))
      .map((p) => p.source);
    throw new LoadAborted(
      `The load stopped: Neo4j failed: ${(failure.err as Error)?.message ?? failure.err}`,
      summary,
      notLoaded,
      failure.err,
    );
  }
  return summary;
}

/** Loads one extraction result (the API's `ingestArticle`): its status and counts. */
export async function loadOne(
  driver: Driver,
  database: string,
  result: ExtractionResult,
  options: { aliases?: Record<string, string>; text?: string | null } = {},
): Promise<{ status: ArticleStatus; summary: LoadSummary }> {
  let status: ArticleStatus = 'failed';
  const summary = await loadResults(driver, database, [{ result, text: options.text }], {
    aliases: options.aliases,
    onArticle: (_s, st) => {
      status = st;
    },
  });
  return { status, summary };
}
