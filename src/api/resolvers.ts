/**
 * Resolvers for schema.graphql: each a few lines, reading through the request's DataLoaders and
 * GraphReader (src/graph/read.ts); no Cypher here.
 */
import { createGraphQLError } from 'graphql-yoga';
import type { ActorRow, ArticleRow, Linked, StanceRow, TopicRow } from '../graph/read.js';
import { KIND_OF_RELATION } from '../graph/read.js';
import { requireToken } from './auth.js';
import type { ApiContext } from './context.js';
import { connection, dateArg, pageArgs, polarityArg } from './pagination.js';

const ACTOR_KINDS = new Set(['COUNTRY', 'GOVERNMENT', 'PERSON', 'ORGANIZATION', 'GROUP', 'LOCATION']);

/** The actor's kind: its `kind` property, else its kind label. */
export function actorKind(a: ActorRow): string {
  const k = a.kind?.toUpperCase();
  if (k && ACTOR_KINDS.has(k)) return k;
  const fromLabel = a.labels?.map((l) => l.toUpperCase()).find((l) => ACTOR_KINDS.has(l));
  return fromLabel ?? 'GROUP';
}

type Args = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

function stanceFilterArgs(a: Args) {
  return {
    kind: str(a.kind),
    polarity: polarityArg(num(a.polarity)),
    from: dateArg('from', str(a.from)),
    to: dateArg('to', str(a.to)),
  };
}

async function loadTarget(ctx: ApiContext, t: { id: string; topic: boolean } | null) {
  if (!t) return null;
  return t.topic ? ctx.loaders.topic.load(t.id) : ctx.loaders.actor.load(t.id);
}

function stanceList(ctx: ApiContext, which: 'held' | 'received' | 'article', id: string, a: Args) {
  const page = pageArgs(num(a.first), str(a.after));
  const f = which === 'article' ? { kind: null, polarity: null, from: null, to: null } : stanceFilterArgs(a);
  return ctx.loaders.stanceList
    .load({ which, id, ...f, skip: page.skip, limit: page.first })
    .then((p) => connection(p, page));
}

function required<T>(what: string, id: string | null, v: T | null): T {
  if (v === null) throw new Error(`graph inconsistency: ${what} ${id} not found`);
  return v;
}

export const resolvers = {
  Query: {
    actor: (_: unknown, a: Args, ctx: ApiContext) => ctx.loaders.actor.load(String(a.id)),
    actors: async (_: unknown, a: Args, ctx: ApiContext) => {
      const page = pageArgs(num(a.first), str(a.after));
      const res = await ctx.reader.searchActors(
        { search: str(a.search), kind: str(a.kind) },
        page.skip,
        page.first,
      );
      return connection(res, page);
    },
    stances: async (_: unknown, a: Args, ctx: ApiContext) => {
      const page = pageArgs(num(a.first), str(a.after));
      const f = (a.filter ?? {}) as Args;
      const filters = {
        ...stanceFilterArgs(f),
        holder: str(f.holder),
        target: str(f.target),
        publisher: str(f.publisher),
        text: str(f.text),
      };
      return connection(await ctx.reader.searchStances(filters, page.skip, page.first), page);
    },
    relations: (_: unknown, a: Args, ctx: ApiContext) =>
      ctx.reader.relations(
        String(a.actor),
        (str(a.direction) as 'HELD' | 'RECEIVED' | null) ?? null,
        str(a.kind),
      ),
    stanceTimeline: async (_: unknown, a: Args, ctx: ApiContext) => {
      const interval = a.interval === 'YEAR' ? 'YEAR' : 'MONTH';
      const rows = await ctx.reader.timeline({
        holder: str(a.holder),
        target: str(a.target),
        kind: str(a.kind),
        from: dateArg('from', str(a.from)),
        to: dateArg('to', str(a.to)),
        interval,
      });
      return rows.map((r) => ({ ...r, start: interval === 'YEAR' ? `${r.period}-01-01` : `${r.period}-01` }));
    },
    article: (_: unknown, a: Args, ctx: ApiContext) => ctx.loaders.article.load(String(a.id)),
    articles: async (_: unknown, a: Args, ctx: ApiContext) => {
      const page = pageArgs(num(a.first), str(a.after));
      const res = await ctx.reader.searchArticles(
        {
          search: str(a.search),
          publisher: str(a.publisher),
          from: dateArg('from', str(a.from)),
          to: dateArg('to', str(a.to)),
        },
        page.skip,
        page.first,
      );
      return connection(res, page);
    },
    topics: (_: unknown, a: Args, ctx: ApiContext) =>
      ctx.reader.topics(str(a.search), pageArgs(num(a.first)).first),
  },

  Mutation: {
    ingestArticle: async (_: unknown, a: Args, ctx: ApiContext) => {
      requireToken(ctx.request.headers.get('authorization'), ctx.apiToken);
      const { id } = await ctx.ingest(a.input as Record<string, string | null | undefined>);
      // The write may take a while (extraction, a cold server planning the loader's queries): the
      // reads that return the ingested article get the request's whole time limit of their own.
      ctx.reader.restartClock();
      ctx.loaders.article.clear(id);
      const art = await ctx.loaders.article.load(id);
      if (!art) throw createGraphQLError(`article ${id} was ingested but cannot be read back`);
      return art;
    },
  },

  StanceTarget: {
    __resolveType: (obj: ActorRow | TopicRow) => ('labels' in obj ? 'Actor' : 'Topic'),
  },

  Actor: {
    kind: (a: ActorRow) => actorKind(a),
    name: (a: ActorRow) => a.name ?? a.id,
    aliases: (a: ActorRow) => a.aliases ?? [],
    mergedIds: (a: ActorRow) => a.mergedIds ?? [],
    represents: (a: ActorRow, _: Args, ctx: ApiContext) => ctx.loaders.represents.load(a.id),
    representatives: (a: ActorRow, _: Args, ctx: ApiContext) => ctx.loaders.representatives.load(a.id),
    mentionCount: (a: ActorRow, _: Args, ctx: ApiContext) => ctx.loaders.mentionCount.load(a.id),
    stances: (a: ActorRow, args: Args, ctx: ApiContext) =>
      stanceList(ctx, args.direction === 'RECEIVED' ? 'received' : 'held', a.id, args),
    articles: async (a: ActorRow, args: Args, ctx: ApiContext) => {
      const page = pageArgs(num(args.first), str(args.after));
      const res = await ctx.loaders.actorArticles.load({ id: a.id, skip: page.skip, limit: page.first });
      return connection(res, page);
    },
  },

  Representation: {
    actor: (r: Linked<ActorRow>) => r.node,
    articleCount: (r: Linked<ActorRow>) => r.articleCount ?? 0,
  },

  Topic: {
    name: (t: TopicRow) => t.name ?? t.id,
    stances: (t: TopicRow, args: Args, ctx: ApiContext) => stanceList(ctx, 'received', t.id, args),
  },

  Stance: {
    // Holder, target and article come joined with the stance (cypher/read.cypher).
    holder: (s: StanceRow) => required('holder of stance', s.id, s.holder),
    target: (s: StanceRow) => required('target of stance', s.id, s.target?.node ?? null),
    speaker: (s: StanceRow, _: Args, ctx: ApiContext) =>
      s.speakerId ? ctx.loaders.actor.load(s.speakerId) : null,
    article: (s: StanceRow) => required('article of stance', s.id, s.article),
    negated: (s: StanceRow) => s.negated ?? false,
    confidence: (s: StanceRow) => s.confidence ?? 1,
    evidence: (s: StanceRow) => ({
      quote: s.quote ?? '',
      sentence: s.sentence ?? 0,
      start: s.start ?? 0,
      end: s.end ?? 0,
    }),
  },

  Article: {
    text: (a: ArticleRow, _: Args, ctx: ApiContext) => ctx.loaders.articleText.load(a.id),
    stances: (a: ArticleRow, args: Args, ctx: ApiContext) => stanceList(ctx, 'article', a.id, args),
    mentions: (a: ArticleRow, _: Args, ctx: ApiContext) => ctx.loaders.mentions.load(a.id),
  },

  Mention: {
    actor: (m: Linked<ActorRow>) => m.node,
    count: (m: Linked<ActorRow>) => m.count ?? 1,
    aliases: (m: Linked<ActorRow>) => m.aliases ?? [],
  },

  Relation: {
    kind: (r: { type: string }) => KIND_OF_RELATION[r.type],
    polarity: (r: { type: string; polarity: number | null }) =>
      r.polarity ?? polarityOfKind(KIND_OF_RELATION[r.type]),
    holder: async (r: { holderId: string }, _: Args, ctx: ApiContext) =>
      required('actor', r.holderId, await ctx.loaders.actor.load(r.holderId)),
    target: async (r: { targetId: string; targetIsTopic: boolean }, _: Args, ctx: ApiContext) =>
      required('target', r.targetId, await loadTarget(ctx, { id: r.targetId, topic: r.targetIsTopic })),
    other: async (
      r: { holderId: string; targetId: string; targetIsTopic: boolean; direction: string },
      _: Args,
      ctx: ApiContext,
    ) =>
      r.direction === 'HELD'
        ? required('target', r.targetId, await loadTarget(ctx, { id: r.targetId, topic: r.targetIsTopic }))
        : required('actor', r.holderId, await ctx.loaders.actor.load(r.holderId)),
  },
};

const POSITIVE = new Set(['SUPPORT', 'PRAISE']);
const NEUTRAL = new Set(['URGE', 'DEMAND', 'CONSULT']);
export function polarityOfKind(kind: string): number {
  return POSITIVE.has(kind) ? 1 : NEUTRAL.has(kind) ? 0 : -1;
}
