/**
 * A short-lived in-memory response cache for queries: the graph is read far more often than it is
 * written, and analysts (and dashboards) repeat the same queries. A result is kept for `ttlMs`
 * (STANCEGRAPH_API_CACHE_TTL_MS or `serve --cache-ttl`; off by default), keyed by the parsed document
 * (yoga reuses one DocumentNode per query text), operation name and variables. Results with errors
 * are never kept. Concurrent requests for the same query share one execution, and while an
 * expired result is being refreshed the previous one is served. Any mutation through this server
 * empties the cache; loads from other processes (`stancegraph load`) show within `ttlMs` (plus the
 * time of one refresh).
 */
import { type DocumentNode, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

interface Entry {
  expires: number;
  result?: unknown;
  /** The one execution under way for this key: others wait for it instead of asking Neo4j too. */
  pending?: Promise<unknown | null>;
  started?: number;
}

export interface ResponseCache {
  plugin: Plugin;
  clear(): void;
  readonly hits: number;
}

/** Longest a request waits for another one running the same query before running it itself. */
const WAIT_MS = 10_000;

export function responseCache(ttlMs: number, maxEntries = 5000): ResponseCache {
  let byDoc = new WeakMap<DocumentNode, Map<string, Entry>>();
  let size = 0;
  let hits = 0;
  const clear = () => {
    byDoc = new WeakMap();
    size = 0;
  };
  const plugin: Plugin = {
    async onExecute({ args, setResultAndStopExecution }) {
      const op = getOperationAST(args.document, args.operationName);
      if (op?.operation !== 'query') {
        return { onExecuteDone: () => clear() };
      }
      const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
      let m = byDoc.get(args.document);
      if (!m) {
        if (size >= maxEntries) clear();
        m = new Map();
        byDoc.set(args.document, m);
      }
      let entry = m.get(key);
      // An execution that never reported back (it threw) no longer holds others up.
      if (entry?.pending && Date.now() - (entry.started ?? 0) > WAIT_MS)
        entry = { ...entry, pending: undefined };
      if (entry?.result !== undefined && (entry.expires > Date.now() || entry.pending)) {
        // Fresh, or being refreshed right now: the last result serves meanwhile.
        hits++;
        setResultAndStopExecution(entry.result as never);
        return;
      }
      if (entry?.pending) {
        const result = await Promise.race([
          entry.pending,
          new Promise((r) => setTimeout(() => r(null), WAIT_MS)),
        ]);
        if (result) {
          hits++;
          setResultAndStopExecution(result as never);
          return;
        }
      }
      let done: (r: unknown | null) => void = () => {};
      const pending = new Promise<unknown | null>((resolve) => {
        done = resolve;
      });
      if (!m.has(key)) size++;
      m.set(key, { expires: 0, result: entry?.result, pending, started: Date.now() });
      const map = m;
      return {
        onExecuteDone({ result }) {
          const ok = 'data' in result && !(result as { errors?: unknown[] }).errors?.length;
          if (ok) map.set(key, { expires: Date.now() + ttlMs, result });
          else map.delete(key);
          done(ok ? result : null);
        },
      };
    },
  };
  return {
    plugin,
    clear,
    get hits() {
      return hits;
    },
  };
}
