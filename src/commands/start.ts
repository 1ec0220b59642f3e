/**
 * `stancegraph start [-- PATHS...]` (`npm start`): the one-command start. Finds Neo4j (NEO4J_URI,
 * else the local server, started if needed), migrates, loads the shipped examples when the
 * database has no Article (or the PATHS given), serves the API, and prints where everything is.
 * Ctrl-C (SIGINT) or SIGTERM stops the API, and the local Neo4j if this command started it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import type { RunningServer } from '../api/server.js';
import { DEFAULT_MAX_BYTES } from '../articles/index.js';
import { query } from '../cypher.js';
import { UserError } from '../errors.js';
import { connect, type Neo4jTarget } from '../neo4j/connection.js';
import * as local from '../neo4j/local.js';
import { ensureMigrated } from '../neo4j/migrate.js';
import { ROOT } from '../version.js';
import { runLoad } from './load.js';

export const EXAMPLES_DIR = path.join(ROOT, 'examples');

export interface StartFlags {
  port: number;
  host: string;
  load: boolean;
}

interface Counts {
  articles: number;
  actors: number;
  stances: number;
  topics: number;
}

function port(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new UserError(`--port expects a port number (0-65535), got '${raw}'`);
  }
  return n;
}

async function counts(driver: Driver, database: string): Promise<Counts> {
  const { records } = await driver.executeQuery(
    query('queries', 'graphCounts'),
    {},
    { database, routing: 'READ' },
  );
  const r = records[0];
  return {
    articles: Number(r.get('articles')),
    actors: Number(r.get('actors')),
    stances: Number(r.get('stances')),
    topics: Number(r.get('topics')),
  };
}

/** Where the password comes from, never the password itself. */
function credentialsLine(t: Neo4jTarget): string {
  if (t.passwordSource === 'NEO4J_PASSWORD') return `user ${t.username}, password from NEO4J_PASSWORD`;
  if (t.passwordSource === '(none)') return `user ${t.username}, no password (NEO4J_PASSWORD is not set)`;
  return `user ${t.username}, password in ${t.passwordSource}`;
}

/** Neo4j Browser's URL with the connection pre-filled (`?dbms=`), or a hint when it is not known. */
function browserLine(t: Neo4jTarget): string {
  if (!t.browserUrl) return 'not known for NEO4J_URI (set NEO4J_BROWSER_URL to show it here)';
  try {
    const bolt = new URL(t.uri);
    const u = new URL(t.browserUrl);
    u.searchParams.set('dbms', `${bolt.protocol}//${encodeURIComponent(t.username)}@${bolt.host}`);
    u.searchParams.set('db', t.database);
    return u.toString();
  } catch {
    return t.browserUrl;
  }
}

export async function runStart(paths: string[], flags: StartFlags): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);

  // Start-up: a signal before the API is up stops what was started and exits 130.
  let startedLocal: local.LocalOptions | null = null;
  let interruptedEarly = false;
  const early = (signal: NodeJS.Signals) => {
    if (interruptedEarly) process.exit(130);
    interruptedEarly = true;
    err(`${signal} during start-up: stopping${startedLocal ? ' the local Neo4j' : ''}...`);
    const o = startedLocal;
    void (o ? local.stop(o) : Promise.resolve()).finally(() => process.exit(130));
  };
  process.on('SIGINT', early);
  process.on('SIGTERM', early);

  let driver: Driver | null = null;
  let server: RunningServer | null = null;
  try {
    if (!process.env.NEO4J_URI) {
      const o = local.defaultLocalOptions();
      if (local.runningPid(o) === null) startedLocal = o;
    }
    const conn = await connect({ log: err });
    driver = conn.driver;
    const target = conn.target;
    await ensureMigrated(driver, target.database);

    // Load the given paths, or the examples when the graph has no article yet.
    let toLoad: string[] = [];
    if (paths.length > 0) {
      toLoad = paths;
    } else if (flags.load) {
      const before = await counts(driver, target.database);
      if (before.articles === 0) {
        if (existsSync(EXAMPLES_DIR)) {
          err(`The graph has no articles: loading the examples (${EXAMPLES_DIR})...`);
          toLoad = [EXAMPLES_DIR];
        } else err(`The graph has no articles and ${EXAMPLES_DIR} is missing: nothing to load.`);
      }
    }
    if (toLoad.length > 0) {
      if (paths.length > 0) err(`Loading ${paths.join(', ')}...`);
      const code = await runLoad(toLoad, { batch: 100, maxSize: DEFAULT_MAX_BYTES });
      if (code === 2) throw new UserError('Neo4j failed during the load (see above): not starting the API.');
      if (code !== 0) err('Some inputs could not be loaded (see above); serving what was loaded.');
    }

    const now = await counts(driver, target.database);
    const [{ startServer }, { makeDefaultIngest }] = await Promise.all([
      import('../api/server.js'),
      import('../api/default-ingest.js'),
    ]);
    server = await startServer({
      driver,
      database: target.database,
      host: flags.host,
      port: flags.port,
      ingest: makeDefaultIngest(driver, target.database),
      closeDriver: true,
    }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') {
        throw new UserError(
          `Port ${flags.port} on ${flags.host} is already in use: choose another with --port`,
        );
      }
      if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') {
        throw new UserError(`Cannot listen on --host ${flags.host}: ${e.message}`);
      }
      throw e;
    });
    driver = null; // the server owns it now (closeDriver)
    const base = server.url.replace(/\/graphql$/, '');
    const guideUrl = `${base.replace('//127.0.0.1:', '//localhost:')}/guide`;
    out('');
    out('stancegraph is running');
    out(`  GraphQL playground  ${server.url}   (open it in a web browser)`);
    out(`  Neo4j Browser       ${browserLine(target)}`);
    out(`  Browser guide       :play ${guideUrl}   (type it in Neo4j Browser's editor)`);
    out(`  Bolt                ${target.uri}   database ${target.database}`);
    out(`  Credentials         ${credentialsLine(target)}`);
    out(
      `  Graph               ${now.articles} articles, ${now.actors} actors, ${now.stances} stances, ${now.topics} topics`,
    );
    out(
      `  Neo4j               ${startedLocal ? 'started by this command (stopped on Ctrl-C)' : target.source === 'NEO4J_URI' ? 'from NEO4J_URI (left running)' : 'the local server, already running (left running)'}`,
    );
    out('Press Ctrl-C to stop.');

    process.off('SIGINT', early);
    process.off('SIGTERM', early);
    const running = server;
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          err(`${signal} again: exiting now.`);
          process.exit(130);
        }
        stopping = true;
        err(`${signal}: stopping the API${startedLocal ? ' and the local Neo4j' : ''}...`);
        void (async () => {
          try {
            await running.close();
            if (startedLocal) await local.stop(startedLocal);
            err('stopped.');
          } finally {
            resolve();
          }
        })();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  } catch (e) {
    // Start-up failed: leave nothing running that this command started.
    if (server) await server.close().catch(() => {});
    if (driver) await driver.close().catch(() => {});
    if (startedLocal) await local.stop(startedLocal).catch(() => {});
    throw e;
  } finally {
    process.off('SIGINT', early);
    process.off('SIGTERM', early);
  }
}

export function registerStartCommands(program: Command): void {
  program
    .command('start')
    .description(
      'one command: find or start Neo4j, migrate, load the examples (when the graph is empty) or PATHS, and serve the API until Ctrl-C',
    )
    .argument('[paths...]', 'articles to load first (files or folders, as for `stancegraph load`)')
    .option('--port <port>', 'API port (0: any free port)', port, 4000)
    .option('--host <host>', 'address the API listens on', '127.0.0.1')
    .option('--no-load', 'load nothing, not even the examples into an empty graph')
    .action(async (paths: string[], flags: StartFlags) => {
      process.exitCode = await runStart(paths, flags);
    });
}
