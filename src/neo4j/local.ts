/**
 * The local Neo4j server for machines without Docker: Neo4j Community 5.26 jars resolved from Maven
 * Central with Maven (neo4j/pom.xml), a generated neo4j.conf, and `java -cp lib/*` on the server's
 * own entry point. It is the same server the official tarball runs, so Neo4j Browser works against it.
 *
 * Layout (all git-ignored):
 *   <cache>/lib/            server + Browser jars (shared by every instance; STANCEGRAPH_NEO4J_LIB)
 *   <dir>/conf/neo4j.conf   generated on every start
 *   <dir>/data, <dir>/logs  the database and Neo4j's logs
 *   <dir>/run/neo4j.pid     the process this tool started
 *   <dir>/password          the generated password (mode 0600) unless NEO4J_PASSWORD is set
 */
import { execFile, type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../errors.js';
import { ROOT } from '../version.js';

const execFileAsync = promisify(execFile);

export const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

export interface LocalOptions {
  /** Instance folder: conf, data, logs, pid, password. */
  dir: string;
  /** Jar cache shared by instances. */
  libDir: string;
  boltPort: number;
  httpPort: number;
  host: string;
  heap: string;
  pageCache: string;
  /** Seconds to wait for Bolt to answer after starting. */
  timeoutSeconds: number;
}

export function defaultLocalOptions(overrides: Partial<LocalOptions> = {}): LocalOptions {
  const env = process.env;
  const home = path.join(ROOT, '.neo4j');
  const pick = <T>(v: T | undefined, fallback: T): T => (v === undefined ? fallback : v);
  return {
    dir: path.resolve(pick(overrides.dir, env.STANCEGRAPH_NEO4J_DIR ?? path.join(home, 'instance'))),
    libDir: path.resolve(pick(overrides.libDir, env.STANCEGRAPH_NEO4J_LIB ?? path.join(home, 'lib'))),
    boltPort: pick(overrides.boltPort, portFromEnv('STANCEGRAPH_BOLT_PORT', 7687)),
    httpPort: pick(overrides.httpPort, portFromEnv('STANCEGRAPH_HTTP_PORT', 7474)),
    host: pick(overrides.host, '127.0.0.1'),
    heap: pick(overrides.heap, env.STANCEGRAPH_NEO4J_HEAP ?? '1g'),
    pageCache: pick(overrides.pageCache, env.STANCEGRAPH_NEO4J_PAGECACHE ?? '512m'),
    timeoutSeconds: pick(overrides.timeoutSeconds, Number(env.STANCEGRAPH_NEO4J_TIMEOUT ?? 180)),
  };
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(`${name}=${raw} is not a port number (1-65535)`);
  }
  return port;
}

export interface LocalStatus {
  running: boolean;
  pid: number | null;
  boltUri: string;
  browserUrl: string;
  version: string | null;
  dir: string;
  passwordSource: 'NEO4J_PASSWORD' | 'generated' | null;
}

const pidFile = (o: LocalOptions) => path.join(o.dir, 'run', 'neo4j.pid');
const passwordFile = (o: LocalOptions) => path.join(o.dir, 'password');
const stateFile = (o: LocalOptions) => path.join(o.dir, 'run', 'state.json');
const completeMarker = (o: LocalOptions) => path.join(o.libDir, '.complete');

/** The host as it goes in a URL: an IPv6 address in brackets. */
const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);
export const boltUri = (o: LocalOptions) => `bolt://${urlHost(o.host)}:${o.boltPort}`;
export const browserUrl = (o: LocalOptions) => `http://${urlHost(o.host)}:${o.httpPort}/browser/`;

/** The Neo4j version in the jar cache, read from the pom that provisioned it. */
export function installedVersion(o: LocalOptions): string | null {
  if (!existsSync(completeMarker(o))) return null;
  try {
    return JSON.parse(readFileSync(completeMarker(o), 'utf8')).neo4j ?? null;
  } catch {
    return null;
  }
}

/** The password for the local server: NEO4J_PASSWORD if set, else one generated once and kept 0600. */
export function localPassword(
  o: LocalOptions,
  create: boolean,
): { password: string; source: 'NEO4J_PASSWORD' | 'generated' } | null {
  const fromEnv = process.env.NEO4J_PASSWORD;
  if (fromEnv) return { password: fromEnv, source: 'NEO4J_PASSWORD' };
  const file = passwordFile(o);
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), source: 'generated' };
  if (!create) return null;
  mkdirSync(o.dir, { recursive: true });
  // Hex: a password that never looks like an option (base64url could begin with '-').
  const password = randomBytes(18).toString('hex');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { password, source: 'generated' };
}

// ---------------------------------------------------------------------------------------------
// Prerequisites

/**
 * How long a synchronous child (java -version, mvn -v, neo4j-admin) may take. A synchronous call
 * blocks the whole process, timers included, so without a limit a stuck child hangs it for good.
 */
const SYNC_LIMIT_MS = 120_000;

/** spawnSync with that limit; a child stopped by it is a UserError naming `what`. */
function spawnLimited(
  cmd: string,
  args: string[],
  what: string,
  env?: NodeJS.ProcessEnv,
): SpawnSyncReturns<string> {
  const res = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: SYNC_LIMIT_MS, killSignal: 'SIGKILL' });
  if ((res.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT')
    throw new UserError(`${what} did not finish within ${SYNC_LIMIT_MS / 1000} s and was stopped.`);
  return res;
}

/** The java to run: $JAVA_HOME/bin/java if set, else `java` on PATH. Must be 17 or newer. */
export function findJava(): { java: string; major: number } {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const res = spawnLimited(java, ['-version'], `${java} -version`);
  if (res.error || res.status !== 0) {
    throw new UserError(
      `Java was not found (${java}). Neo4j 5.26 needs Java 17 or 21: install a JDK (e.g. 'apt-get install openjdk-17-jre-headless') or set JAVA_HOME.`,
    );
  }
  const text = `${res.stderr}${res.stdout}`;
  const m = text.match(/version "(\d+)(?:\.(\d+))?/);
  let major = m ? Number(m[1]) : 0;
  if (major === 1 && m?.[2]) major = Number(m[2]);
  if (major < 17) {
    throw new UserError(
      `Java ${major || '(unknown version)'} found at ${java}; Neo4j 5.26 needs Java 17 or 21. Install one and point JAVA_HOME at it.`,
    );
  }
  return { java, major };
}

function findMaven(): string {
  const res = spawnLimited('mvn', ['-v'], 'mvn -v');
  if (res.error || res.status !== 0) {
    throw new UserError(
      "Maven ('mvn') was not found: it downloads the Neo4j jars from Maven Central the first time. Install it (e.g. 'apt-get install maven'), or point NEO4J_URI at a running Neo4j.",
    );
  }
  return 'mvn';
}

/** Resolves the server and Browser jars into the cache once. */
export async function provision(o: LocalOptions, log: (msg: string) => void): Promise<string> {
  const existing = installedVersion(o);
  if (existing) return existing;
  const mvn = findMaven();
  const pom = path.join(ROOT, 'neo4j', 'pom.xml');
  mkdirSync(o.libDir, { recursive: true });
  log(`Downloading Neo4j from Maven Central into ${o.libDir} (once; about 140 MB)...`);
  try {
    await execFileAsync(
      mvn,
      [
        '-q',
        '-B',
        '-f',
        pom,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${o.libDir}`,
        '-DincludeScope=runtime',
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    const detail = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new UserError(`Maven could not download Neo4j (see ${pom}):\n${detail || e.message}`);
  }
  const pomText = readFileSync(pom, 'utf8');
  const version = pomText.match(/<neo4j\.version>([^<]+)</)?.[1] ?? 'unknown';
  const browser = pomText.match(/<neo4j\.browser\.version>([^<]+)</)?.[1] ?? 'unknown';
  writeFileSync(completeMarker(o), JSON.stringify({ neo4j: version, browser }));
  return version;
}

// ---------------------------------------------------------------------------------------------
// Process bookkeeping

function readPid(o: LocalOptions): number | null {
  try {
    const pid = Number(readFileSync(pidFile(o), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** True when pid is alive and is the Neo4j this tool started for this instance folder. */
function isOurProcess(pid: number, o: LocalOptions): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(ENTRY_POINT) && cmdline.includes(o.dir);
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

export function runningPid(o: LocalOptions): number | null {
  const pid = readPid(o);
  return pid !== null && isOurProcess(pid, o) ? pid : null;
}

export function status(o: LocalOptions): LocalStatus {
  const pid = runningPid(o);
  return {
    running: pid !== null,
    pid,
    boltUri: boltUri(o),
    browserUrl: browserUrl(o),
    version: installedVersion(o),
    dir: o.dir,
    passwordSource: localPassword(o, false)?.source ?? null,
  };
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** The HTTP connector (Neo4j Browser) answers a request; it can come up after Bolt does. */
async function httpAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

function boltAnswers(port: number, host: string): Promise<boolean> {
  // Bolt handshake: magic preamble + four proposed versions; a Bolt server answers with 4 bytes.
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(2000, () => done(false));
    sock.once('error', () => done(false));
    sock.once('connect', () => {
      const hello = Buffer.alloc(20);
      hello.writeUInt32BE(0x6060b017, 0);
      hello.writeUInt32BE(0x00000005, 4); // 5.0
      hello.writeUInt32BE(0x00000004, 8); // 4.0
      sock.write(hello);
    });
    sock.once('data', (buf) => done(buf.length >= 4));
  });
}

function tail(file: string, lines: number): string {
  try {
    const size = statSync(file).size;
    const len = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(len);
    const fd = openSync(file, 'r');
    readSync(fd, buf, 0, len, size - len);
    closeSync(fd);
    return buf.toString('utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export function logTail(o: LocalOptions, lines = 25): string {
  const logs = [path.join(o.dir, 'logs', 'neo4j.log'), path.join(o.dir, 'logs', 'console.log')];
  return logs
    .map((f) => [f, tail(f, lines)] as const)
    .filter(([, t]) => t.trim() !== '')
    .map(([f, t]) => `--- ${f}\n${t}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Configuration

export function renderConfig(o: LocalOptions): string {
  const q = (p: string) => p.replace(/\\/g, '/');
  // Extra settings (separated by ';' or new lines), for tuning. Neo4j refuses a setting given twice,
  // so one of these replaces the line below with the same name.
  const extra = (process.env.STANCEGRAPH_NEO4J_CONF ?? '')
    .split(/[;\n]/)
    .map((l) => l.trim())
    .filter(Boolean);
  const name = (line: string) => line.split('=')[0].trim();
  const overridden = new Set(extra.map(name));
  const lines = [
    '# Generated by `stancegraph neo4j start` on every start; edit the options, not this file.',
    `server.default_listen_address=${o.host}`,
    `server.default_advertised_address=${o.host}`,
    `server.bolt.listen_address=${o.host}:${o.boltPort}`,
    `server.bolt.advertised_address=${o.host}:${o.boltPort}`,
    `server.http.listen_address=${o.host}:${o.httpPort}`,
    `server.http.advertised_address=${o.host}:${o.httpPort}`,
    'server.https.enabled=false',
    `server.directories.data=${q(path.join(o.dir, 'data'))}`,
    `server.directories.logs=${q(path.join(o.dir, 'logs'))}`,
    `server.directories.run=${q(path.join(o.dir, 'run'))}`,
    `server.directories.import=${q(path.join(o.dir, 'import'))}`,
    `server.directories.plugins=${q(path.join(o.dir, 'plugins'))}`,
    'dbms.security.auth_enabled=true',
    `server.memory.pagecache.size=${o.pageCache}`,
    'db.tx_log.rotation.retention_policy=2 days',
    // Lets `:play http://localhost:4000/guide` (the API's Browser guide) load in Neo4j Browser.
    'browser.remote_content_hostname_whitelist=*',
    'browser.post_connect_cmd=',
    'dbms.usage_report.enabled=false',
    // One plan per query whatever the sizes of its list parameters. By default Neo4j also keys its
    // plan cache on each list parameter's size class, so the loader's batches (and the API's
    // DataLoader batches) were planned again for each new mix of sizes, seconds each on a
    // just-started server. These queries look rows up by unique id, so sizes do not change the
    // best plan. Measured: `npm run bench:load`, README. (An internal setting of Neo4j 5.26.)
    'internal.cypher.use_parameter_size=false',
  ];
  return [...lines.filter((l) => l.startsWith('#') || !overridden.has(name(l))), ...extra, ''].join('\n');
}

const JVM_FLAGS = [
  // On two cores or fewer, the serial collector: G1's concurrent threads compete with the query
  // and JIT threads for the same cores (the local server's heap is 1 GB by default). With the next
  // flag, the BBC load on a just-started server took 24.7 and 24.8 s against 29.5 to 31.4 s on the
  // same day, warm and stance-dense loads no slower (`npm run bench:load`, README).
  ...(os.availableParallelism() <= 2 ? ['-XX:+UseSerialGC'] : ['-XX:+UseG1GC']),
  // No bytecode verification of Neo4j's own jars (fetched by Maven from Maven Central, trusted as
  // much as running them): a just-started server loads and verifies thousands of classes as the
  // first queries arrive.
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:-BytecodeVerificationRemote',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dfile.encoding=UTF-8',
  // Less inlining: the JIT compiles smaller units, so a just-started server spends less CPU
  // compiling while it loads (on 2 cores, ~15% less server CPU and ~10% less wall time for the
  // BBC load on a just-started server, and no slower once warm; `npm run bench:load`, README).
  '-XX:FreqInlineSize=100',
  '-XX:InlineSmallCode=1000',
  '-XX:MaxInlineSize=20',
];

// ---------------------------------------------------------------------------------------------
// start / stop

export interface StartResult {
  alreadyRunning: boolean;
  status: LocalStatus;
  password: string;
  passwordSource: 'NEO4J_PASSWORD' | 'generated';
}

/** Where the server and neo4j-admin read their configuration, their classpath and environment. */
function javaContext(o: LocalOptions) {
  const confDir = path.join(o.dir, 'conf');
  return {
    confDir,
    classpath: `${o.libDir}${path.sep}*`,
    env: { ...process.env, NEO4J_HOME: o.dir, NEO4J_CONF: confDir },
  };
}

/**
 * Sets the initial password of a database that has never started (writes data/dbms/auth.ini), with
 * the configuration `start` writes. `--` ends neo4j-admin's options, so a password may begin with
 * '-' (one generated base64url password in 64 did, and neo4j-admin refused it as a missing one).
 */
export function setInitialPassword(o: LocalOptions, password: string, java = findJava().java): void {
  const { confDir, classpath, env } = javaContext(o);
  if (!existsSync(path.join(confDir, 'neo4j.conf'))) {
    mkdirSync(confDir, { recursive: true });
    writeFileSync(path.join(confDir, 'neo4j.conf'), renderConfig(o));
  }
  const res = spawnLimited(
    java,
    ['-cp', classpath, ADMIN_TOOL, 'dbms', 'set-initial-password', '--', password],
    'neo4j-admin dbms set-initial-password',
    env,
  );
  if (res.status !== 0) {
    throw new UserError(
      `Could not set the initial Neo4j password: ${(res.stderr || res.stdout || '').trim()}`,
    );
  }
}

export async function start(o: LocalOptions, log: (msg: string) => void = () => {}): Promise<StartResult> {
  const existing = runningPid(o);
  const creds = localPassword(o, true)!;
  if (existing !== null) {
    return {
      alreadyRunning: true,
      status: status(o),
      password: creds.password,
      passwordSource: creds.source,
    };
  }
  const { java } = findJava();
  await provision(o, log);

  for (const [name, port] of [
    ['Bolt', o.boltPort],
    ['HTTP', o.httpPort],
  ] as const) {
    if (!(await portFree(port, o.host))) {
      throw new UserError(
        `Port ${port} (${name}) on ${o.host} is already in use, perhaps by another Neo4j. Stop that process, or choose other ports with --bolt-port/--http-port (or STANCEGRAPH_BOLT_PORT/STANCEGRAPH_HTTP_PORT). If a Neo4j is already running, point NEO4J_URI at it instead.`,
      );
    }
  }

  for (const sub of ['conf', 'data', 'logs', 'run', 'import', 'plugins']) {
    mkdirSync(path.join(o.dir, sub), { recursive: true });
  }
  const { confDir, classpath, env } = javaContext(o);
  writeFileSync(path.join(confDir, 'neo4j.conf'), renderConfig(o));

  // The initial password must be set before the database first starts.
  if (!existsSync(path.join(o.dir, 'data', 'dbms', 'auth.ini'))) setInitialPassword(o, creds.password, java);

  const consoleLog = openSync(path.join(o.dir, 'logs', 'console.log'), 'a');
  const child = spawn(
    java,
    [
      `-Xms${o.heap}`,
      `-Xmx${o.heap}`,
      ...JVM_FLAGS,
      // Extra JVM options (space-separated), for tuning; they come last, so they win.
      ...(process.env.STANCEGRAPH_NEO4J_JVM_ARGS ?? '').split(/\s+/).filter(Boolean),
      '-cp',
      classpath,
      ENTRY_POINT,
      `--home-dir=${o.dir}`,
      `--config-dir=${confDir}`,
    ],
    { env, detached: true, stdio: ['ignore', consoleLog, consoleLog] },
  );
  closeSync(consoleLog);
  if (child.pid === undefined) throw new UserError(`Could not start ${java}`);
  writeFileSync(pidFile(o), String(child.pid));
  writeFileSync(stateFile(o), JSON.stringify({ boltPort: o.boltPort, httpPort: o.httpPort, host: o.host }));
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  child.unref();
  log(
    `Starting Neo4j (pid ${child.pid}), waiting for Bolt on ${boltUri(o)} and HTTP on port ${o.httpPort}...`,
  );

  const deadline = Date.now() + o.timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new UserError(`Neo4j exited during start-up (exit code ${exited}). Its log:\n${logTail(o)}`);
    }
    // Both connectors: `start` prints the Browser address, which must answer when it returns.
    if ((await boltAnswers(o.boltPort, o.host)) && (await httpAnswers(browserUrl(o)))) {
      return {
        alreadyRunning: false,
        status: status(o),
        password: creds.password,
        passwordSource: creds.source,
      };
    }
    await sleep(500);
  }
  await stop(o);
  throw new UserError(
    `Neo4j did not answer on ${boltUri(o)} and HTTP port ${o.httpPort} within ${o.timeoutSeconds}s (raise it with --timeout or STANCEGRAPH_NEO4J_TIMEOUT). Its log:\n${logTail(o)}`,
  );
}

export interface StopResult {
  stopped: boolean;
  pid: number | null;
}

/** Stops the process this tool started for this instance folder (never any other). */
export async function stop(o: LocalOptions, timeoutSeconds = 60): Promise<StopResult> {
  const pid = runningPid(o);
  if (pid === null) return { stopped: false, pid: null };
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline && isOurProcess(pid, o) && !isZombie(pid)) await sleep(250);
  if (isOurProcess(pid, o) && !isZombie(pid)) {
    signal('SIGKILL');
    await sleep(500);
  }
  try {
    writeFileSync(pidFile(o), '');
  } catch {
    /* ignore */
  }
  return { stopped: true, pid };
}

function isZombie(pid: number): boolean {
  try {
    return /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
