/** What every resolver gets: the request, its GraphReader (round-trip counter, deadline) and DataLoaders. */
import type { Driver } from 'neo4j-driver';
import { GraphReader } from '../graph/read.js';
import type { CacheTicket } from './cache.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface IngestInput {
  text?: string | null;
  html?: string | null;
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
}

export type IngestFn = (input: IngestInput) => Promise<{ id: string }>;

export interface ApiContext {
  request: Request;
  reader: GraphReader;
  loaders: Loaders;
  apiToken: string | undefined;
  ingest: IngestFn;
  /** Set when the response cache handles this request: the request marks it as a successful query. */
  cacheTicket?: CacheTicket;
}

export function createContext(opts: {
  request: Request;
  driver: Driver;
  database: string;
  timeoutMs: number;
  apiToken: string | undefined;
  ingest: IngestFn;
  cacheTicket?: CacheTicket;
}): ApiContext {
  const reader = new GraphReader(opts.driver, {
    database: opts.database,
    timeoutMs: opts.timeoutMs,
    signal: opts.request.signal,
  });
  return {
    request: opts.request,
    reader,
    loaders: createLoaders(reader),
    apiToken: opts.apiToken,
    ingest: opts.ingest,
    cacheTicket: opts.cacheTicket,
  };
}
