/**
 * The read side of the graph, for the GraphQL API: one GraphReader per request runs the named
 * queries of cypher/read.cypher, counts its round trips to Neo4j (the batching test reads the
 * count) and keeps every query within the request's deadline. Results are plain objects.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { query } from '../cypher.js';
import { toPlain } from '../neo4j/values.js';
import { SUMMARY_TYPES } from './model.js';
import { luceneQuery } from './read-lucene.js';

export interface ActorRow {
  id: string;
  name: string | null;
  kind: string | null;
  aliases: string[] | null;
  mergedIds: string[] | null;
  labels: string[];
}
export interface TopicRow {
  id: string;
  name: string | null;
}
export interface ArticleRow {
  id: string;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  url: string | null;
  source: string | null;
  extractor: string | null;
}
export interface StanceRow {
  id: string;
  kind: string;
  polarity: number;
  quote: string | null;
  sentence: number | null;
  start: number | null;
  end: number | null;
  negated: boolean | null;
  confidence: number | null;
  publishedAt: string | null;
  holder: ActorRow | null;
  target: { id: string; topic: boolean; node: ActorRow | TopicRow } | null;
  article: ArticleRow | null;
  speakerId: string | null;
}
export interface Linked<T> {
  node: T;
  role?: string | null;
  articleCount?: number;
  count?: number;
  aliases?: string[];
}
export interface Page<T> {
  total: number;
  /** Up to limit items, from skip. */
  items: T[];
}
export interface RelationRow {
  type: string;
  holderId: string;
  targetId: string;
  targetIsTopic: boolean;
  count: number;
  polarity: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
}
export interface TimelineRow {
  period: string;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
}

export interface StanceFilters {
  holder?: string | null;
  target?: string | null;
  kind?: string | null;
  polarity?: number | null;
  from?: string | null;
  to?: string | null;
  publisher?: string | null;
  text?: string | null;
}

/** Summary relationship type for each stance kind (SUPPORT → SUPPORTS, VETO → VETOES...): the loader's table. */
export const RELATION_TYPES: Record<string, string> = SUMMARY_TYPES;
export const KIND_OF_RELATION: Record<string, string> = Object.fromEntries(
  Object.entries(RELATION_TYPES).map(([k, t]) => [t, k]),
);

/** Raised when a request has used up its time. */
export class ReadTimeout extends Error {
  constructor(readonly limitMs: number) {
    super(`the request took longer than its ${limitMs} ms limit`);
    this.name = 'ReadTimeout';
  }
}

/** Parameters that Cypher needs as integers (LIMIT, list slices): sent as Neo4j Integers. */
const INT_PARAMS = new Set(['skip', 'limit', 'length', 'polarity']);

export interface ReaderOptions {
  database: string;
  /** The request's time limit (ms); each query gets what is left of it as its transaction timeout. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class GraphReader {
  /** Round trips to Neo4j so far. */
  queries = 0;
  deadline: number;
  readonly timeoutMs: number;

  constructor(
    readonly driver: Driver,
    readonly options: ReaderOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.deadline = Date.now() + this.timeoutMs;
  }

  /** Runs the named query of cypher/read.cypher; returns its rows as plain objects. */
  async run<T = Record<string, unknown>>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const left = this.deadline - Date.now();
    if (left <= 0) throw new ReadTimeout(this.timeoutMs);
    const p: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(params)) {
      p[k] = v === undefined ? null : INT_PARAMS.has(k) && typeof v === 'number' ? neo4j.int(v) : v;
    }
    this.queries++;
    // The server stops the transaction when the time is up, and the request stops waiting then
    // (The driver's own retries, when Neo4j is unreachable, do not end at an abort signal.)
    const ms = Math.max(1, Math.ceil(left));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ReadTimeout(this.timeoutMs)), ms);
    });
    // An auto-commit read: one network round trip (RUN + PULL), where executeQuery's managed
    // transaction takes two (BEGIN + RUN + PULL, COMMIT). Reads need no retry on a single server.
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: 'READ' });
    const abort = () => void session.close();
    this.options.signal?.addEventListener('abort', abort);
    try {
      const res = await Promise.race([session.run(query('read', name), p, { timeout: ms }), deadline]);
      return res.records.map((r) => toPlain(r.toObject()) as T);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (/TransactionTimedOut|TransactionTimeout/i.test(code)) throw new ReadTimeout(this.timeoutMs);
      throw err;
    } finally {
      clearTimeout(timer);
      this.options.signal?.removeEventListener('abort', abort);
      void session.close();
    }
  }

  /** Gives the reads from now on the whole time limit again (after a mutation's write). */
  restartClock(): void {
    this.deadline = Date.now() + this.timeoutMs;
  }

  async ping(): Promise<boolean> {
    const rows = await this.run<{ ok: number }>('ping');
    return rows[0]?.ok === 1;
  }

  // --- batched lookups (one query for many ids) -------------------------------------------

  private async byIds<T>(
    name: string,
    ids: readonly string[],
    pick: (row: never) => T,
    extra: Record<string, unknown> = {},
  ): Promise<Map<string, T>> {
    const rows = await this.run(name, { ...extra, ids: [...new Set(ids)] });
    return new Map(rows.map((r) => [(r as { id: string }).id, pick(r as never)]));
  }

  actorsByIds(ids: readonly string[]) {
    return this.byIds('actorsByIds', ids, (r: { node: ActorRow }) => r.node);
  }
  topicsByIds(ids: readonly string[]) {
    return this.byIds('topicsByIds', ids, (r: { node: TopicRow }) => r.node);
  }
  articlesByIds(ids: readonly string[]) {
    return this.byIds('articlesByIds', ids, (r: { node: ArticleRow }) => r.node);
  }
  articleTexts(ids: readonly string[]) {
    return this.byIds('articleTexts', ids, (r: { text: string | null }) => r.text);
  }
  represents(ids: readonly string[], direction: 'OUT' | 'IN') {
    return this.byIds(
      direction === 'OUT' ? 'representsByActorIds' : 'representativesByActorIds',
      ids,
      (r: { items: Linked<ActorRow>[] }) => r.items,
    );
  }
  mentionCounts(ids: readonly string[]) {
    return this.byIds('mentionCounts', ids, (r: { count: number }) => r.count);
  }
  articleMentions(ids: readonly string[]) {
    return this.byIds('articleMentions', ids, (r: { items: Linked<ActorRow>[] }) => r.items);
  }

  /** One page of stances for each id: held by the actor, toward the actor/topic, or stated in the article. */
  stancesOf(
    which: 'held' | 'received' | 'article',
    ids: readonly string[],
    f: { kind?: string | null; polarity?: number | null; from?: string | null; to?: string | null },
    skip: number,
    limit: number,
  ) {
    const name = { held: 'actorStancesHeld', received: 'targetStances', article: 'articleStances' }[which];
    return this.byIds(
      name,
      ids,
      (r: { total: number; page: StanceRow[] }): Page<StanceRow> => ({ total: r.total, items: r.page }),
      { kind: f.kind, polarity: f.polarity, from: f.from, to: f.to, skip, limit },
    );
  }

  actorArticles(ids: readonly string[], skip: number, limit: number) {
    return this.byIds(
      'actorArticles',
      ids,
      (r: { total: number; page: ArticleRow[] }): Page<ArticleRow> => ({ total: r.total, items: r.page }),
      { skip, limit },
    );
  }

  // --- top-level lists --------------------------------------------------------------------

  private async page<T>(name: string, params: Record<string, unknown>): Promise<Page<T>> {
    const rows = await this.run<{ total: number; page: T[] }>(name, params);
    return { total: rows[0]?.total ?? 0, items: rows[0]?.page ?? [] };
  }

  searchActors(a: { search?: string | null; kind?: string | null }, skip: number, limit: number) {
    if (a.search != null && a.search.trim() !== '') {
      const lucene = luceneQuery(a.search);
      if (lucene === null) return Promise.resolve<Page<ActorRow>>({ total: 0, items: [] });
      return this.page<ActorRow>('actorsSearch', { lucene, kind: a.kind, skip, limit });
    }
    return this.page<ActorRow>('actorsList', { kind: a.kind, skip, limit });
  }

  /** Stances matching all filters; the query starts from the most selective filter given. */
  searchStances(f: StanceFilters, skip: number, limit: number) {
    const params: Record<string, unknown> = {
      holder: f.holder,
      target: f.target,
      kind: f.kind,
      polarity: f.polarity,
      from: f.from,
      to: f.to,
      publisher: f.publisher,
      skip,
      limit,
    };
    if (f.text != null && f.text.trim() !== '') {
      const lucene = luceneQuery(f.text);
      if (lucene === null) return Promise.resolve<Page<StanceRow>>({ total: 0, items: [] });
      return this.page<StanceRow>('stancesByText', { ...params, lucene });
    }
    if (f.holder != null) return this.page<StanceRow>('stancesByHolder', params);
    if (f.target != null) return this.page<StanceRow>('stancesByTarget', params);
    if (f.kind != null) return this.page<StanceRow>('stancesByKind', params);
    return this.page<StanceRow>('stancesAll', params);
  }

  searchArticles(
    a: { search?: string | null; publisher?: string | null; from?: string | null; to?: string | null },
    skip: number,
    limit: number,
  ) {
    const params = { publisher: a.publisher, from: a.from, to: a.to, skip, limit };
    if (a.search != null && a.search.trim() !== '') {
      const lucene = luceneQuery(a.search);
      if (lucene === null) return Promise.resolve<Page<ArticleRow>>({ total: 0, items: [] });
      return this.page<ArticleRow>('articlesSearch', { ...params, lucene });
    }
    return this.page<ArticleRow>('articlesList', params);
  }

  async topics(search: string | null | undefined, limit: number): Promise<TopicRow[]> {
    let rows: { node: TopicRow }[];
    if (search != null && search.trim() !== '') {
      const lucene = luceneQuery(search);
      if (lucene === null) return [];
      rows = await this.run('topicsSearch', { lucene, limit });
    } else {
      rows = await this.run('topicsList', { limit });
    }
    return rows.map((r) => r.node);
  }

  async relations(actor: string, direction: 'HELD' | 'RECEIVED' | null, kind: string | null) {
    const types = Object.values(RELATION_TYPES);
    const type = kind ? RELATION_TYPES[kind] : null;
    const out: (RelationRow & { direction: 'HELD' | 'RECEIVED' })[] = [];
    if (direction !== 'RECEIVED') {
      const rows = await this.run<RelationRow>('relationsHeld', { actor, types, type });
      out.push(...rows.map((r) => ({ ...r, direction: 'HELD' as const })));
    }
    if (direction !== 'HELD') {
      const rows = await this.run<RelationRow>('relationsReceived', { actor, types, type });
      out.push(...rows.map((r) => ({ ...r, direction: 'RECEIVED' as const })));
    }
    return out;
  }

  timeline(f: {
    holder?: string | null;
    target?: string | null;
    kind?: string | null;
    from?: string | null;
    to?: string | null;
    interval: 'MONTH' | 'YEAR';
  }) {
    return this.run<TimelineRow>('stanceTimeline', {
      holder: f.holder,
      target: f.target,
      kind: f.kind,
      from: f.from,
      to: f.to,
      length: f.interval === 'YEAR' ? 4 : 7,
    });
  }
}
