/**
 * Per-request DataLoaders: every lookup a resolver makes goes through one of these, so a page of
 * 50 stances costs one query per kind of thing (holders, targets, articles, represents...), not 50.
 */
import DataLoader from 'dataloader';
import type { ActorRow, ArticleRow, GraphReader, Linked, Page, StanceRow, TopicRow } from '../graph/read.js';

export interface StanceListKey {
  which: 'held' | 'received' | 'article';
  id: string;
  kind: string | null;
  polarity: number | null;
  from: string | null;
  to: string | null;
  skip: number;
  limit: number;
}

export interface ArticleListKey {
  id: string;
  skip: number;
  limit: number;
}

function byId<V>(fetch: (ids: readonly string[]) => Promise<Map<string, V>>, missing: V) {
  return new DataLoader<string, V>(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => (found.has(id) ? found.get(id)! : missing));
  });
}

/** A loader whose keys carry arguments besides the id: keys with the same arguments share one query. */
function grouped<K extends { id: string }, V>(
  fetch: (ids: string[], args: Omit<K, 'id'>) => Promise<Map<string, V>>,
  missing: V,
) {
  const argsKey = (k: K) => {
    const { id: _, ...args } = k;
    return JSON.stringify(args, Object.keys(args).sort());
  };
  return new DataLoader<K, V, string>(
    async (keys) => {
      const groups = new Map<string, { args: Omit<K, 'id'>; ids: string[] }>();
      for (const k of keys) {
        const g = argsKey(k);
        const { id, ...args } = k;
        if (!groups.has(g)) groups.set(g, { args, ids: [] });
        groups.get(g)!.ids.push(id);
      }
      const results = new Map<string, Map<string, V>>();
      await Promise.all(
        [...groups].map(async ([g, { args, ids }]) => results.set(g, await fetch(ids, args))),
      );
      return keys.map((k) => results.get(argsKey(k))?.get(k.id) ?? missing);
    },
    { cacheKeyFn: (k) => `${argsKey(k)}\u0000${k.id}` },
  );
}

export function createLoaders(reader: GraphReader) {
  const actor = byId<ActorRow | null>((ids) => reader.actorsByIds(ids), null);
  const primeActors = (items: Linked<ActorRow>[]) => {
    for (const it of items) actor.prime(it.node.id, it.node);
    return items;
  };
  const emptyStances: Page<StanceRow> = { total: 0, items: [] };
  const emptyArticles: Page<ArticleRow> = { total: 0, items: [] };
  return {
    actor,
    topic: byId<TopicRow | null>((ids) => reader.topicsByIds(ids), null),
    article: byId<ArticleRow | null>((ids) => reader.articlesByIds(ids), null),
    articleText: byId<string | null>((ids) => reader.articleTexts(ids), null),
    mentionCount: byId<number>((ids) => reader.mentionCounts(ids), 0),
    represents: byId<Linked<ActorRow>[]>(async (ids) => {
      const m = await reader.represents(ids, 'OUT');
      for (const items of m.values()) primeActors(items);
      return m;
    }, []),
    representatives: byId<Linked<ActorRow>[]>(async (ids) => {
      const m = await reader.represents(ids, 'IN');
      for (const items of m.values()) primeActors(items);
      return m;
    }, []),
    mentions: byId<Linked<ActorRow>[]>(async (ids) => {
      const m = await reader.articleMentions(ids);
      for (const items of m.values()) primeActors(items);
      return m;
    }, []),
    stanceList: grouped<StanceListKey, Page<StanceRow>>(
      (ids, a) =>
        reader.stancesOf(
          a.which,
          ids,
          { kind: a.kind, polarity: a.polarity, from: a.from, to: a.to },
          a.skip,
          a.limit,
        ),
      emptyStances,
    ),
    actorArticles: grouped<ArticleListKey, Page<ArticleRow>>(
      (ids, a) => reader.actorArticles(ids, a.skip, a.limit),
      emptyArticles,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
