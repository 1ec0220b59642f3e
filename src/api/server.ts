/**
 * The HTTP server: graphql-yoga at /graphql (GraphiQL on GET with Accept: text/html), /health,
 * /guide (the Neo4j Browser guide), with depth/cost/alias limits, a per-request time limit,
 * masked errors and configurable CORS. `startServer` is what `stancegraph serve` and
 * `stancegraph start` call.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { getOperationAST } from 'graphql';
import {
  createGraphQLError,
  createYoga,
  maskError,
  type Plugin,
  type YogaServerInstance,
} from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { ReadTimeout } from '../graph/read.js';
import { ROOT, VERSION } from '../version.js';
import { type CachedResponse, type CacheTicket, ResponseCache } from './cache.js';
import { type ApiContext, createContext, type IngestFn } from './context.js';
import { costLimitPlugin } from './cost.js';
import { buildSchema } from './schema.js';

/** Largest request body accepted (an ingestArticle HTML page fits well within it). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const GUIDE_FILE = path.join(ROOT, 'cypher', 'browser', 'guide.html');

/** The query GraphiQL opens with: who opposes the resolution, with the sentence that says so. */
export const DEFAULT_QUERY = `# Who opposes the resolution?
# Each stance comes with the sentence that states it.
# Run: the pink button or Ctrl-Enter. Docs: book icon.
query WhoOpposesTheResolution {
  topics(search: "resolution", first: 5) {
    name
    stances(polarity: -1, first: 10) {
      totalCount
      edges {
        node {
          holder { name kind }
          kind
          speaker { name }
          evidence { quote start end }
          article { title publisher publishedAt }
        }
      }
    }
  }
}
`;

export interface ServerOptions {
  driver: Driver;
  database: string;
  host?: string;
  /** 0 picks a free port. Default 4000. */
  port?: number;
  /** Per-request time limit in ms (default STANCEGRAPH_API_TIMEOUT_MS or 10000). */
  timeoutMs?: number;
  /** Bearer token for mutations (default STANCEGRAPH_API_TOKEN); without one, mutations are refused. */
  apiToken?: string;
  /** Allowed CORS origins, comma-separated, or `*` (default STANCEGRAPH_CORS_ORIGIN; unset: no CORS). */
  corsOrigin?: string;
  /**
   * Deepest query accepted, counting fields from the root, fragments flattened (default
   * STANCEGRAPH_API_MAX_DEPTH or 10: each connection adds two levels, `edges` and `node`).
   */
  maxDepth?: number;
  /** Highest query cost accepted (see cost.ts; default STANCEGRAPH_API_MAX_COST or 20000). */
  maxCost?: number;
  /**
   * Longest (ms) a query's response is reused for the same request while the graph does not change
   * (default STANCEGRAPH_API_CACHE_TTL_MS or 300000; 0: no cache, every request reads Neo4j). Any
   * write to the graph empties the cache within one poll (see cache.ts).
   */
  cacheTtlMs?: number;
  /** How often (ms) the cache checks whether the graph changed (default STANCEGRAPH_API_CACHE_POLL_MS or 250). */
  cachePollMs?: number;
  /** Add `extensions.stancegraph.cypherQueries` (Neo4j round trips) to every response. */
  exposeStats?: boolean;
  /** Show error details to clients (default: NODE_ENV=development). */
  dev?: boolean;
  /** How ingestArticle extracts and loads an article. */
  ingest?: IngestFn;
  /** Close the driver when the server closes (default false: the caller owns it). */
  closeDriver?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  /** The response cache, or null when off. */
  cache: ResponseCache | null;
  close(): Promise<void>;
}

function envNumber(name: string, fallback: number, zeroOk = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !zeroOk)) {
    throw new Error(`${name}=${raw} is not a ${zeroOk ? 'number ≥ 0' : 'positive number'}`);
  }
  return n;
}

/** Adds the number of Neo4j round trips to the response (for tests and tuning). */
const statsPlugin: Plugin<ApiContext> = {
  onExecute() {
    return {
      onExecuteDone({ args, result, setResult }) {
        if (!('data' in result || 'errors' in result)) return;
        const queries = (args.contextValue as ApiContext).reader.queries;
        setResult({
          ...result,
          extensions: { ...result.extensions, stancegraph: { cypherQueries: queries } },
        });
      },
    };
  },
};

async function notConfigured(): Promise<{ id: string }> {
  throw createGraphQLError('Ingesting is not configured on this server.', {
    extensions: { code: 'NOT_IMPLEMENTED' },
  });
}

/** Tells the response cache whether a request was a query that succeeded; reports mutations. */
function cacheTicketPlugin(onMutation: () => void): Plugin<ApiContext> {
  return {
    onExecute({ args }) {
      const ticket = (args.contextValue as ApiContext).cacheTicket;
      const op = getOperationAST(args.document, args.operationName);
      if (op?.operation !== 'query') return { onExecuteDone: () => onMutation() };
      if (!ticket) return;
      ticket.query = true;
      return {
        onExecuteDone({ result }) {
          ticket.ok = 'data' in result && !(result as { errors?: unknown[] }).errors?.length;
        },
      };
    },
  };
}

/** `onMutation`: given when a response cache sits in front (it is told about queries and mutations). */
export function createYogaApp(
  opts: ServerOptions,
  onMutation?: () => void,
): YogaServerInstance<Record<string, unknown>, ApiContext> {
  const dev = opts.dev ?? process.env.NODE_ENV === 'development';
  const timeoutMs = opts.timeoutMs ?? envNumber('STANCEGRAPH_API_TIMEOUT_MS', 10_000);
  const apiToken = opts.apiToken ?? (process.env.STANCEGRAPH_API_TOKEN || undefined);
  const cors = (opts.corsOrigin ?? process.env.STANCEGRAPH_CORS_ORIGIN ?? '').trim();
  const plugins: Plugin<ApiContext>[] = [
    maxDepthPlugin({
      n: opts.maxDepth ?? envNumber('STANCEGRAPH_API_MAX_DEPTH', 10),
      ignoreIntrospection: true,
      flattenFragments: true,
    }) as Plugin<ApiContext>,
    costLimitPlugin(opts.maxCost ?? envNumber('STANCEGRAPH_API_MAX_COST', 20_000)) as Plugin<ApiContext>,
    maxAliasesPlugin({ n: 20 }) as Plugin<ApiContext>,
  ];
  if (opts.exposeStats) plugins.push(statsPlugin);
  if (onMutation) plugins.push(cacheTicketPlugin(onMutation));
  return createYoga<Record<string, unknown>, ApiContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'stancegraph GraphQL', defaultQuery: DEFAULT_QUERY },
    // GraphiQL's scripts and styles served inline, so the playground works offline (no CDN).
    renderGraphiQL,
    cors: cors
      ? { origin: cors === '*' ? '*' : cors.split(',').map((o) => o.trim()), methods: ['GET', 'POST'] }
      : false,
    maskedErrors: {
      isDev: dev,
      maskError(error, message, isDev) {
        const original = (error as { originalError?: unknown }).originalError ?? error;
        if (original instanceof ReadTimeout) {
          return createGraphQLError(
            `Request timed out: ${original.message}. Narrow the query or ask for fewer items.`,
            {
              extensions: { code: 'TIMEOUT' },
            },
          );
        }
        return maskError(error, message, isDev);
      },
    },
    plugins,
    context: ({ request, cacheTicket }: { request: Request; cacheTicket?: CacheTicket }) =>
      createContext({
        request,
        cacheTicket,
        driver: opts.driver,
        database: opts.database,
        timeoutMs,
        apiToken,
        ingest: opts.ingest ?? notConfigured,
      }),
  });
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  extra: http.OutgoingHttpHeaders = {},
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...extra });
  res.end(JSON.stringify(body));
}

async function health(opts: ServerOptions, res: http.ServerResponse) {
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'Timeout' })), 3000);
    });
    try {
      await Promise.race([opts.driver.getServerInfo({ database: opts.database }), timeout]);
    } finally {
      clearTimeout(timer);
    }
    sendJson(res, 200, { ok: true, version: VERSION, neo4j: { reachable: true, database: opts.database } });
  } catch (err) {
    const code = (err as { code?: string }).code;
    sendJson(res, 503, {
      ok: false,
      version: VERSION,
      neo4j: { reachable: false, database: opts.database, error: code || 'unreachable' },
    });
  }
}

function guide(req: http.IncomingMessage, res: http.ServerResponse) {
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, OPTIONS',
    'access-control-allow-headers': '*',
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return;
  }
  if (!existsSync(GUIDE_FILE)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...cors });
    res.end('No Neo4j Browser guide in this installation (cypher/browser/guide.html is missing).\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...cors });
  res.end(readFileSync(GUIDE_FILE));
}

class BodyTooLarge extends Error {}

/** The request body, refused past `limit` bytes whatever Content-Length says (chunked uploads too). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function tooLarge(res: http.ServerResponse) {
  sendJson(
    res,
    413,
    { errors: [{ message: `Request body too large (the limit is ${MAX_BODY_BYTES / 1024 / 1024} MB)` }] },
    { connection: 'close' },
  );
}

/** GraphQL requests answered through a buffered fetch (and the cache): POSTs, and GET queries not asking for HTML. */
function buffered(req: http.IncomingMessage): boolean {
  if (req.method === 'POST') return true;
  return (
    req.method === 'GET' && /[?&]query=/.test(req.url ?? '') && !/text\/html/.test(req.headers.accept ?? '')
  );
}

/** Runs one GraphQL request through yoga's fetch API and collects the whole response. */
async function execute(
  yoga: ReturnType<typeof createYogaApp>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: Buffer,
  ticket: CacheTicket,
): Promise<CachedResponse> {
  const controller = new AbortController();
  // The client went away before its answer: stop the work (Neo4j reads end with it).
  const gone = () => {
    if (!res.writableEnded) controller.abort();
  };
  res.once('close', gone);
  try {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
    }
    const response = await yoga.fetch(
      `http://${req.headers.host ?? 'localhost'}${req.url ?? '/graphql'}`,
      {
        method: req.method,
        headers,
        body: req.method === 'POST' ? body : undefined,
        signal: controller.signal,
      },
      { cacheTicket: ticket },
    );
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
    });
    return { status: response.status, headers: out, body: Buffer.from(await response.arrayBuffer()) };
  } finally {
    res.off('close', gone);
  }
}

async function answer(
  yoga: ReturnType<typeof createYogaApp>,
  cache: ResponseCache | null,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  let body: Buffer;
  try {
    body = req.method === 'POST' ? await readBody(req, MAX_BODY_BYTES) : Buffer.alloc(0);
  } catch (err) {
    if (err instanceof BodyTooLarge) tooLarge(res);
    else res.destroy();
    return;
  }
  try {
    let response: CachedResponse;
    let from = 'off';
    if (cache) {
      const key = [
        req.method,
        req.url,
        req.headers.accept ?? '',
        req.headers.origin ?? '',
        body.toString('latin1'),
      ].join('\n');
      ({ response, from } = await cache.serve(key, (ticket) => execute(yoga, req, res, body, ticket)));
    } else {
      response = await execute(yoga, req, res, body, { query: false, ok: false });
    }
    if (res.destroyed) return;
    res.writeHead(response.status, {
      ...response.headers,
      'content-length': response.body.length,
      'x-stancegraph-cache': from === 'off' ? 'off' : from === 'miss' ? 'miss' : 'hit',
    });
    res.end(response.body);
  } catch (err) {
    if (res.headersSent || res.destroyed) return res.destroy();
    const aborted = (err as Error).name === 'AbortError';
    if (!aborted) sendJson(res, 500, { errors: [{ message: 'Unexpected error.' }] });
    else res.destroy();
  }
}

/** A node:http server with yoga, /health and /guide; not yet listening. */
export function createServer(opts: ServerOptions): {
  server: http.Server;
  yoga: ReturnType<typeof createYogaApp>;
  cache: ResponseCache | null;
} {
  const cacheTtlMs = opts.cacheTtlMs ?? envNumber('STANCEGRAPH_API_CACHE_TTL_MS', 300_000, true);
  // Round-trip counts (exposeStats) describe one execution: never answered from the cache.
  const cache =
    cacheTtlMs > 0 && !opts.exposeStats
      ? new ResponseCache({
          driver: opts.driver,
          database: opts.database,
          maxAgeMs: cacheTtlMs,
          pollMs: opts.cachePollMs ?? envNumber('STANCEGRAPH_API_CACHE_POLL_MS', 250),
        })
      : null;
  const yoga = createYogaApp(opts, cache ? () => cache.invalidate() : undefined);
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      void health(opts, res);
    } else if (pathname === '/guide') {
      guide(req, res);
    } else if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      tooLarge(res);
      req.resume();
    } else if (pathname === '/') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
    } else if (pathname === '/graphql' && buffered(req)) {
      void answer(yoga, cache, req, res);
    } else {
      void yoga(req, res);
    }
  });
  return { server, yoga, cache };
}

/**
 * Starts listening; `close()` stops accepting connections, lets requests in flight finish (up to
 * `graceMs`), then closes the driver if `closeDriver`.
 */
export async function startServer(opts: ServerOptions, graceMs = 10_000): Promise<RunningServer> {
  const { server, yoga, cache } = createServer(opts);
  await cache?.start();
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4000, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    server,
    cache,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        await closed;
        clearTimeout(timer);
        cache?.stop();
        await yoga.dispose();
        if (opts.closeDriver) await opts.driver.close();
      })();
      return closing;
    },
  };
}
