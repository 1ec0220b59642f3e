#!/usr/bin/env node
// GraphQL API benchmark: loads ../shared/corpus/bbc (2,095 articles) into a throw-away local Neo4j
// (Bolt 29687, HTTP 29474, in a temp folder), starts `stancegraph serve` as its own process, and
// runs three representative queries with autocannon on loopback: 50 connections, ~10 s each.
// Prints req/s, latency p50/p95/p99 and errors per query. Runs the compiled code in dist/
// (`npm run bench:api` builds first).
//
//   npm run bench:api
//   node bench/api.mjs --duration 5 --connections 20
//   node bench/api.mjs --keep        # keep the loaded instance (reused next time: no reload)
//   node bench/api.mjs --cache 0     # only with the response cache off (default: 0,300000 = off, then
//                                    # the server's default: answers kept until the graph changes)
//   node bench/api.mjs --warmup 3    # seconds of unmeasured load before each measured run (default 3)
//   STANCEGRAPH_SHARED=/path/to/shared
//
// Target: actor lookup p95 < 30 ms with 0 errors. Errors = transport errors, timeouts, non-2xx
// responses, and responses carrying GraphQL `errors` (every response body is checked).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.STANCEGRAPH_SHARED ?? path.resolve(root, '..', 'shared');
const corpus = path.join(shared, 'corpus', 'bbc');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const duration = Number(flag('duration', 10));
const connections = Number(flag('connections', 50));
const keep = args.includes('--keep');
// Each query runs with the response cache off (every request reads Neo4j), then on (default TTL).
const modes = (flag('cache', '0,300000') ?? '').split(',').map(Number);
// A just-started JVM spends a core compiling Neo4j's hot paths: each query first runs unmeasured.
const warmup = Number(flag('warmup', 3));
const BOLT = 29687;
const HTTP = 29474;
const dir = keep
  ? path.join(os.tmpdir(), 'stancegraph-bench-api-neo4j')
  : path.join(os.tmpdir(), `stancegraph-bench-api-${process.pid}`);

const dist = (f) => pathToFileURL(path.join(root, 'dist', f)).href;
const local = await import(dist('neo4j/local.js'));
const neo4j = (await import('neo4j-driver')).default;

// The bench's own instance and password: nothing from the caller's environment.
for (const k of ['NEO4J_URI', 'NEO4J_PASSWORD', 'NEO4J_USERNAME', 'NEO4J_DATABASE']) delete process.env[k];
mkdirSync(dir, { recursive: true });
const opts = local.defaultLocalOptions({ dir, boltPort: BOLT, httpPort: HTTP, heap: '2g', pageCache: '1g' });
const log = (m) => process.stderr.write(`[bench] ${m}\n`);

let server;
let driver;
async function cleanup() {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('close', r));
  }
  await driver?.close();
  if (!keep) {
    await local.stop(opts);
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  log(`Neo4j in ${dir} (bolt ${BOLT})`);
  const started = await local.start(opts, log);
  const env = {
    ...process.env,
    NEO4J_URI: local.boltUri(opts),
    NEO4J_USERNAME: 'neo4j',
    NEO4J_PASSWORD: started.password,
    NEO4J_DATABASE: 'neo4j',
  };
  driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic('neo4j', started.password), {
    disableLosslessIntegers: true,
  });
  const count = async (q) => (await driver.executeQuery(q, {}, { database: 'neo4j' })).records[0].get('n');

  const have = await count('MATCH (a:Article) RETURN count(a) AS n').catch(() => 0);
  if (have < 2000) {
    log(`loading ${corpus} with \`stancegraph load\`...`);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'stancegraph.js'), 'load', corpus], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`load failed (exit ${r.status})`);
    log(`${r.stdout.trim().split('\n').pop()} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } else {
    log(`reusing the loaded graph (${have} articles)`);
  }
  const graph = {
    articles: await count('MATCH (a:Article) RETURN count(a) AS n'),
    actors: await count('MATCH (a:Actor) RETURN count(a) AS n'),
    stances: await count('MATCH (s:Stance) RETURN count(s) AS n'),
  };
  // The actor with the most stances held: the heaviest lookup among common ones.
  const top = await driver.executeQuery(
    'MATCH (a:Actor)-[:HOLDS]->(s:Stance) RETURN a.id AS id, a.name AS name, count(s) AS n ORDER BY n DESC LIMIT 1',
    {},
    { database: 'neo4j' },
  );
  const actorId = top.records[0].get('id');

  const queries = [
    {
      name: 'actor lookup by id, with 10 stances',
      query: `query($id: ID!) { actor(id: $id) { id name kind aliases mentionCount
        represents { role actor { id name } }
        stances(first: 10) { totalCount edges { node { kind polarity target { ... on Actor { id name } ... on Topic { id name } } evidence { quote } } } } } }`,
      variables: { id: actorId },
    },
    {
      name: 'stances filter by kind (OPPOSE), 20 with evidence',
      query: `{ stances(filter: { kind: OPPOSE }, first: 20) { totalCount edges { node {
        holder { id name } target { ... on Actor { id name } ... on Topic { id name } }
        polarity evidence { quote start end } article { title publishedAt } } } } }`,
      variables: {},
    },
    {
      name: 'actors search ("labour party"), 10',
      query: `{ actors(search: "labour party", first: 10) { totalCount edges { node { id name kind aliases } } } }`,
      variables: {},
    },
  ];

  const results = [];
  let url;
  for (const cacheTtl of modes) {
    url = await (async () => {
      server = spawn(process.execPath, [path.join(root, 'bin', 'stancegraph.js'), 'serve', '--port', '0'], {
        env: { ...env, NODE_ENV: 'production', STANCEGRAPH_API_CACHE_TTL_MS: String(cacheTtl) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      server.stdout.on('data', (d) => {
        out += d;
      });
      const t0 = Date.now();
      while (!/API: (http:\S+)/.test(out)) {
        if (server.exitCode !== null || Date.now() - t0 > 60_000)
          throw new Error(`serve did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return /API: (http:\S+)/.exec(out)[1];
    })();
    for (const q of queries) {
      const body = JSON.stringify({ query: q.query, variables: q.variables });
      const check = await (
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      ).json();
      if (check.errors) throw new Error(`${q.name}: ${JSON.stringify(check.errors)}`);
      if (warmup > 0) {
        await autocannon({
          url,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          // Fewer connections than measured: enough to warm the JIT without leaving a backlog behind.
          connections: Math.min(10, connections),
          duration: warmup,
        });
      }
      const latencies = [];
      let gqlErrors = 0;
      let firstError;
      const instance = autocannon({
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        duration,
        // A GraphQL error still answers 200: look for the `errors` key in every body.
        setupClient: (client) =>
          client.on('body', (buf) => {
            if (buf.includes('"errors":[')) {
              gqlErrors++;
              firstError ??= buf
                .toString('utf8')
                .slice(buf.indexOf('"errors":['), buf.indexOf('"errors":[') + 300);
            }
          }),
      });
      instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      const r = await instance;
      latencies.sort((a, b) => a - b);
      const pct = (p) =>
        latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
      results.push({
        cache: cacheTtl ? 'on' : 'off',
        query: q.name,
        requests: r.requests.total,
        'req/s': Math.round(r.requests.average),
        'p50 ms': +pct(50).toFixed(1),
        'p95 ms': +pct(95).toFixed(1),
        'p99 ms': +pct(99).toFixed(1),
        // autocannon counts its client timeouts among r.errors.
        errors: r.errors + r.non2xx + gqlErrors,
      });
      if (r.timeouts || r.non2xx || gqlErrors) {
        log(
          `${q.name}: ${r.timeouts} client timeouts, ${r.non2xx} non-2xx, ${gqlErrors} GraphQL errors${firstError ? `; first: ${firstError}` : ''}`,
        );
      }
    }

    server.kill('SIGTERM');
    await new Promise((r) => server.once('close', r));
  }

  console.log(
    `\nGraphQL API on ${url}: ${graph.articles} articles, ${graph.actors} actors, ${graph.stances} stances; ` +
      `${connections} connections × ${duration} s per query (after ${warmup} s unmeasured); ${os.cpus().length} cores, node ${process.version}; ` +
      `actor lookup on '${actorId}' (${top.records[0].get('n')} stances held); ` +
      `load average at the end ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} (other processes share these cores)`,
  );
  console.table(results);
  for (const lookup of results.filter((r) => r.query.startsWith('actor lookup'))) {
    const ok = lookup['p95 ms'] < 30 && lookup.errors === 0;
    console.log(
      `target (actor lookup p95 < 30 ms, 0 errors), cache ${lookup.cache}: ${ok ? 'met' : 'NOT met'} (p95 ${lookup['p95 ms']} ms, ${lookup.errors} errors)`,
    );
  }
  console.log(`errors over all runs: ${results.reduce((n, r) => n + r.errors, 0)}`);
} finally {
  await cleanup();
  if (!keep && existsSync(dir)) log(`could not remove ${dir}`);
}
