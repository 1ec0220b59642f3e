/** `stancegraph serve`: the GraphQL API (with GraphiQL) over the graph, until SIGTERM/SIGINT. */
import type { Command } from 'commander';
import type { RunningServer } from '../api/server.js';
import { UserError } from '../errors.js';
import { warmUp } from '../graph/load.js';
import { connect } from '../neo4j/connection.js';
import { ensureMigrated } from '../neo4j/migrate.js';

function port(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UserError(`--port expects a port number (0-65535), got '${raw}'`);
  return n;
}

function millis(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--timeout expects milliseconds ≥ 1, got '${raw}'`);
  return n;
}

function cacheMillis(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new UserError(`--cache-ttl expects milliseconds ≥ 0, got '${raw}'`);
  return n;
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve the GraphQL API at /graphql (GraphiQL playground in a browser), /health and /guide. Mutations need STANCEGRAPH_API_TOKEN.',
    )
    .option('--port <port>', 'port to listen on (0: any free port)', port, 4000)
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option(
      '--timeout <ms>',
      'per-request time limit in milliseconds (default STANCEGRAPH_API_TIMEOUT_MS or 10000)',
      millis,
    )
    .option(
      '--cache-ttl <ms>',
      'answer a repeated query from the cache for at most this long (default STANCEGRAPH_API_CACHE_TTL_MS or 300000; 0: off); any write to the graph empties the cache within STANCEGRAPH_API_CACHE_POLL_MS (250)',
      cacheMillis,
    )
    .action(async (flags: { port: number; host: string; timeout?: number; cacheTtl?: number }) => {
      const { driver, target } = await connect();
      // The API's modules load only for the commands that serve (about a second of start-up).
      const [{ startServer }, { makeDefaultIngest }] = await Promise.all([
        import('../api/server.js'),
        import('../api/default-ingest.js'),
      ]);
      let running: RunningServer;
      try {
        await ensureMigrated(driver, target.database);
        running = await startServer({
          driver,
          database: target.database,
          host: flags.host,
          port: flags.port,
          timeoutMs: flags.timeout,
          cacheTtlMs: flags.cacheTtl,
          ingest: makeDefaultIngest(driver, target.database),
          closeDriver: true,
        });
      } catch (err) {
        await driver.close();
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE')
          throw new UserError(
            `Port ${flags.port} on ${flags.host} is already in use: choose another with --port`,
          );
        if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
          throw new UserError(`Cannot listen on --host ${flags.host}: ${e.message}`);
        throw err;
      }
      // With ingesting on, the server plans the loader's queries now rather than during the first
      // ingestArticle (on a just-started Neo4j that takes seconds); never fails.
      if (process.env.STANCEGRAPH_API_TOKEN) void warmUp(driver, target.database, { all: true });
      const base = running.url.replace(/\/graphql$/, '');
      console.log(`stancegraph API: ${running.url} (GraphiQL playground: open it in a browser)`);
      console.log(`health: ${base}/health · Neo4j Browser guide: :play ${base}/guide · Neo4j: ${target.uri}`);
      if (!process.env.STANCEGRAPH_API_TOKEN)
        console.log('mutations: disabled (set STANCEGRAPH_API_TOKEN to enable ingestArticle)');
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          console.log(`${signal}: finishing requests in flight and shutting down...`);
          running.close().then(() => {
            console.log('stopped.');
            resolve();
          });
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
    });
}
