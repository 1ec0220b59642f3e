/**
 * One way to find Neo4j, everywhere (CLI, API server, tests):
 *   1. NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) if set;
 *   2. for tests only, a container runtime through @testcontainers/neo4j if one answers
 *      (see tests/setup/global.ts);
 *   3. else the local server of `stancegraph neo4j start`, started if needed.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { UserError } from '../errors.js';
import * as local from './local.js';

export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** How it was found: for messages ("credentials from ..."). */
  source: 'NEO4J_URI' | 'local' | 'container';
  /** Where the password came from. */
  passwordSource: string;
  browserUrl: string | null;
}

export interface ResolveOptions {
  /** Start the local server if it is not running (default true). */
  autoStart?: boolean;
  log?: (msg: string) => void;
  local?: Partial<local.LocalOptions>;
}

export async function resolveNeo4j(opts: ResolveOptions = {}): Promise<Neo4jTarget> {
  const env = process.env;
  if (env.NEO4J_URI) {
    return {
      uri: env.NEO4J_URI,
      username: env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE ?? 'neo4j',
      source: 'NEO4J_URI',
      passwordSource: env.NEO4J_PASSWORD ? 'NEO4J_PASSWORD' : '(none)',
      browserUrl: env.NEO4J_BROWSER_URL ?? null,
    };
  }
  const o = local.defaultLocalOptions(opts.local);
  let creds = local.localPassword(o, false);
  if (local.runningPid(o) === null) {
    if (opts.autoStart === false) {
      throw new UserError(
        'No Neo4j: NEO4J_URI is not set and the local server is not running. Start it with `stancegraph neo4j start`, or set NEO4J_URI.',
      );
    }
    const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
    log('NEO4J_URI is not set: starting the local Neo4j server (`stancegraph neo4j start`)...');
    const res = await local.start(o, log);
    creds = { password: res.password, source: res.passwordSource };
  }
  if (!creds) creds = local.localPassword(o, true)!;
  return {
    uri: local.boltUri(o),
    username: 'neo4j',
    password: creds.password,
    database: env.NEO4J_DATABASE ?? 'neo4j',
    source: 'local',
    passwordSource: creds.source === 'generated' ? `${o.dir}/password` : 'NEO4J_PASSWORD',
    browserUrl: local.browserUrl(o),
  };
}

export function createDriver(t: Neo4jTarget, config: { maxPoolSize?: number } = {}): Driver {
  return neo4j.driver(t.uri, neo4j.auth.basic(t.username, t.password), {
    connectionTimeout: 5000,
    connectionAcquisitionTimeout: 15000,
    maxTransactionRetryTime: 15000,
    maxConnectionPoolSize: config.maxPoolSize ?? 50,
    disableLosslessIntegers: true,
    userAgent: 'stancegraph',
  });
}

/** Connects and checks the server answers, turning driver errors into one actionable message. */
export async function connect(opts: ResolveOptions = {}): Promise<{ driver: Driver; target: Neo4jTarget }> {
  const target = await resolveNeo4j(opts);
  const driver = createDriver(target);
  try {
    await driver.verifyConnectivity({ database: target.database });
  } catch (err) {
    await driver.close();
    throw new UserError(describeConnectError(err, target));
  }
  return { driver, target };
}

export function describeConnectError(err: unknown, t: Neo4jTarget): string {
  const e = err as { code?: string; message?: string };
  const where = `${t.uri} (from ${t.source === 'NEO4J_URI' ? 'NEO4J_URI' : 'the local server'})`;
  if (e.code === 'Neo.ClientError.Security.Unauthorized') {
    return `Neo4j at ${where} refused the credentials (user ${t.username}, password from ${t.passwordSource}). Check NEO4J_USERNAME/NEO4J_PASSWORD.`;
  }
  if (
    e.code === 'ServiceUnavailable' ||
    /ECONNREFUSED|Could not perform discovery|connect/i.test(e.message ?? '')
  ) {
    return `Neo4j is unreachable at ${where}: ${e.message}. Is it running? (\`stancegraph neo4j status\`)`;
  }
  return `Could not connect to Neo4j at ${where}: ${e.message ?? String(err)}`;
}
