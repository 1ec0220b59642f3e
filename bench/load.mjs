// Loader benchmark (`npm run bench:load`): loads ../shared/corpus/bbc (2,095 articles) into an EMPTY
// throw-away local Neo4j (Bolt 28689, HTTP 28476, in a temp folder; stopped and removed afterwards),
// three ways, each through the real CLI as its own process:
//   1. `stancegraph load BBC`            : extraction + load, as a user runs it (total time);
//   2. `stancegraph load --from-jsonl`   : the same results pre-extracted, into an emptied database
//                                          (load-only time, stances/s written);
//   3. the same again                    : every article unchanged (idempotent reload);
//   4. `stancegraph load BBC` again      : into the emptied database, the server now warm;
//   5. a synthetic stance-dense corpus (bench/dense-corpus.mjs, 40,000 stances), loaded 8 times:
//      stances/s written is the median of the last three, once the server's JIT has mostly
//      settled; the first load's rate is printed too, and for a local server the seconds its JIT
//      compilers spent during each load (jstat), which is what makes the early loads slower.
// Options: --use-env  use NEO4J_URI/NEO4J_PASSWORD instead (refused unless that database is empty,
//                     or --force is given; it is emptied between runs, so only use a scratch one);
//          --corpus DIR  another corpus.
// Targets (issue 4): >= 5,000 stances/s written; whole corpus extracted + loaded in < 30 s.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { denseCorpus } from './dense-corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.STANCEGRAPH_SHARED ?? path.resolve(ROOT, '..', 'shared');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const corpus = path.resolve(value('--corpus', path.join(SHARED, 'corpus', 'bbc')));
const CLI = path.join(ROOT, 'bin', 'stancegraph.js');
const BOLT = 28689;
const HTTP = 28476;

const local = await import(path.join(ROOT, 'dist', 'neo4j', 'local.js'));
const neo4j = (await import('neo4j-driver')).default;
const log = (m) => process.stderr.write(`[bench:load] ${m}\n`);

/** Seconds the local server's JIT compilers have spent so far (jstat beside its java), or null. */
function jitSeconds() {
  if (!opts) return null;
  const pid = local.status(opts).pid;
  if (!pid) return null;
  const { java } = local.findJava();
  const jstat = java.includes(path.sep) ? path.join(path.dirname(java), 'jstat') : 'jstat';
  const r = spawnSync(jstat, ['-compiler', String(pid)], { encoding: 'utf8' });
  const time = r.status === 0 ? Number(r.stdout.trim().split('\n')[1]?.trim().split(/\s+/)[3]) : Number.NaN;
  return Number.isFinite(time) ? time : null;
}

function run(cliArgs, env, { capture = true } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...cliArgs], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'pipe'],
    });
    const out = [];
    let err = '';
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString(),
        stderr: err,
        seconds: (performance.now() - t0) / 1000,
      }),
    );
  });
}

let opts = null;
let tmp = null;
let env;
if (flag('--use-env')) {
  if (!process.env.NEO4J_URI) throw new Error('--use-env: NEO4J_URI is not set');
  env = {};
} else {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-bench-load-'));
  opts = local.defaultLocalOptions({ dir: tmp, boltPort: BOLT, httpPort: HTTP, heap: '2g', pageCache: '1g' });
  log(`starting a throw-away Neo4j in ${tmp} (Bolt ${BOLT})...`);
  const started = await local.start(opts, log);
  env = {
    NEO4J_URI: local.boltUri(opts),
    NEO4J_USERNAME: 'neo4j',
    NEO4J_PASSWORD: started.password,
    NEO4J_DATABASE: 'neo4j',
  };
}
const target = { ...process.env, ...env };
const driver = neo4j.driver(
  target.NEO4J_URI,
  neo4j.auth.basic(target.NEO4J_USERNAME ?? 'neo4j', target.NEO4J_PASSWORD ?? ''),
  {
    disableLosslessIntegers: true,
  },
);
const database = target.NEO4J_DATABASE ?? 'neo4j';
const scalar = async (q) => (await driver.executeQuery(q, {}, { database })).records[0].get('n');
const counts = async () => ({
  nodes: await scalar('MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:LoadLock RETURN count(n) AS n'),
  relationships: await scalar('MATCH ()-[r]->() RETURN count(r) AS n'),
});
async function empty() {
  const session = driver.session({ database });
  try {
    await session.run(
      'MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
    );
  } finally {
    await session.close();
  }
}

const results = { corpus, cpus: os.availableParallelism(), when: new Date().toISOString() };
try {
  const before = await counts();
  if (before.nodes > 0) {
    if (!flag('--force'))
      throw new Error(
        `the database at ${target.NEO4J_URI} is not empty (${before.nodes} nodes): refusing (use --force to empty it)`,
      );
    await empty();
  }

  log(`1/5 stancegraph load ${corpus} (extraction + load, server just started)...`);
  const full = await run(['load', corpus, '--json'], env);
  if (full.code !== 0 && full.code !== 1) throw new Error(`load failed (exit ${full.code}):\n${full.stderr}`);
  const s1 = JSON.parse(full.stdout);
  const c1 = await counts();
  results.total = {
    seconds: +full.seconds.toFixed(2),
    articles: s1.articles,
    loaded: s1.loaded,
    failed: s1.failed,
    stances: s1.stances,
    actors: s1.actors,
    nodes: c1.nodes,
    relationships: c1.relationships,
    articlesPerSecond: +(s1.articles / full.seconds).toFixed(1),
    writeSeconds: s1.writeSeconds,
  };

  log('   extracting once more to JSON Lines (for the load-only run)...');
  const ex = await run(['extract', corpus, '--format', 'jsonl'], env);
  if (ex.code !== 0 && ex.code !== 1) throw new Error(`extract failed (exit ${ex.code}):\n${ex.stderr}`);
  const outDir = path.join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const jsonl = path.join(outDir, 'bbc-extracted.jsonl');
  writeFileSync(jsonl, ex.stdout);
  results.extractOnlySeconds = +ex.seconds.toFixed(2);

  log('2/5 stancegraph load --from-jsonl into the emptied database (load only)...');
  await empty();
  const only = await run(['load', '--from-jsonl', jsonl, '--json'], env);
  if (only.code !== 0 && only.code !== 1)
    throw new Error(`load --from-jsonl failed (exit ${only.code}):\n${only.stderr}`);
  const s2 = JSON.parse(only.stdout);
  const c2 = await counts();
  results.loadOnly = {
    seconds: +only.seconds.toFixed(2),
    loaderSeconds: s2.seconds,
    writeSeconds: s2.writeSeconds,
    transactions: s2.transactions,
    stances: s2.stances,
    nodes: c2.nodes,
    relationships: c2.relationships,
    articlesPerSecond: +(s2.loaded / s2.seconds).toFixed(1),
    stancesPerSecond: +(s2.stances / s2.seconds).toFixed(1),
    writesPerSecond: +((c2.nodes + c2.relationships) / s2.seconds).toFixed(1),
  };

  log('3/5 the same again (every article unchanged)...');
  const again = await run(['load', '--from-jsonl', jsonl, '--json'], env);
  const s3 = JSON.parse(again.stdout);
  results.reload = { seconds: +again.seconds.toFixed(2), unchanged: s3.unchanged, loaded: s3.loaded };
  rmSync(jsonl, { force: true });

  // The first run above met a freshly started server (JVM and query planner cold); this one does not.
  log('4/5 extraction + load again into the emptied database (server warm)...');
  await empty();
  const warmRun = await run(['load', corpus, '--json'], env);
  if (warmRun.code !== 0 && warmRun.code !== 1)
    throw new Error(`load failed (exit ${warmRun.code}):\n${warmRun.stderr}`);
  results.totalWarm = {
    seconds: +warmRun.seconds.toFixed(2),
    loaderSeconds: JSON.parse(warmRun.stdout).seconds,
  };

  // BBC articles state few stances (most are sport, business, tech): a synthetic stance-dense corpus
  // measures the stance write path itself. Its first load meets a server that has not run these
  // shapes yet (the JVM compiles as it goes): reported, then three more loads give the rate.
  const DENSE = { articles: 800, stances: 50, actors: 60, loads: 8 };
  log(
    `5/5 synthetic stance-dense corpus (${DENSE.articles} articles x ${DENSE.stances} stances), loaded ${DENSE.loads} times into the emptied database...`,
  );
  const dense = path.join(outDir, 'dense.jsonl');
  writeFileSync(dense, denseCorpus(DENSE.articles, DENSE.stances, DENSE.actors));
  const denseRuns = [];
  for (let i = 0; i < DENSE.loads; i++) {
    await empty();
    const jit0 = jitSeconds();
    const d = await run(['load', '--from-jsonl', dense, '--json'], env);
    const jit1 = jitSeconds();
    if (d.code !== 0) throw new Error(`dense load failed (exit ${d.code}):\n${d.stderr}`);
    const s4 = JSON.parse(d.stdout);
    denseRuns.push({
      stances: s4.stances,
      loaderSeconds: s4.seconds,
      stancesPerSecond: +(s4.stances / s4.seconds).toFixed(1),
      retries: s4.retries,
      jitSeconds: jit0 === null || jit1 === null ? null : +(jit1 - jit0).toFixed(1),
    });
  }
  const measured = denseRuns.slice(-3).map((r) => r.stancesPerSecond);
  results.dense = {
    articles: DENSE.articles,
    stances: denseRuns[0].stances,
    runs: denseRuns,
    firstRunStancesPerSecond: denseRuns[0].stancesPerSecond,
    stancesPerSecond: [...measured].sort((a, b) => a - b)[1],
  };
  rmSync(dense, { force: true });

  const t = results.total;
  const l = results.loadOnly;
  console.log(
    [
      `bench:load — ${corpus} (${t.articles} articles, ${results.cpus} CPUs)`,
      `  extraction + load : ${t.seconds.toFixed(1)} s total on a just-started server, ${t.articlesPerSecond} articles/s; ${t.stances} stances, ${t.actors} actors; ${t.nodes} nodes, ${t.relationships} relationships written   (target < 30 s)`,
      `  same, warm server : ${results.totalWarm.seconds.toFixed(1)} s total (${results.totalWarm.loaderSeconds.toFixed(1)} s in the loader), into the emptied database   (target < 30 s)`,
      `  extraction alone  : ${results.extractOnlySeconds.toFixed(1)} s (stancegraph extract, for comparison)`,
      `  load only         : ${l.loaderSeconds.toFixed(1)} s in the loader (${l.seconds.toFixed(1)} s with process start-up), ${l.transactions} transactions; ${l.articlesPerSecond} articles/s, ${l.stancesPerSecond} stances/s, ${l.writesPerSecond} nodes+relationships/s   (target >= 5,000 stances/s)`,
      `  reload, unchanged : ${results.reload.seconds.toFixed(1)} s (${results.reload.unchanged} unchanged, ${results.reload.loaded} loaded)`,
      `  stance-dense      : ${results.dense.stances} stances in ${results.dense.articles} synthetic articles, loaded ${results.dense.runs.length} times: ${results.dense.runs.map((r) => `${r.loaderSeconds.toFixed(1)} s`).join(', ')}; ${results.dense.stancesPerSecond} stances/s (median of the last 3; ${results.dense.firstRunStancesPerSecond} on the first)   (target >= 5,000 stances/s)`,
      ...(results.dense.runs[0].jitSeconds === null
        ? []
        : [
            `                      JIT compiler seconds in the server during each of those loads: ${results.dense.runs.map((r) => r.jitSeconds).join(', ')}`,
          ]),
    ].join('\n'),
  );
  writeFileSync(path.join(outDir, 'load.json'), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await driver.close();
  if (opts) {
    await local.stop(opts);
    rmSync(tmp, { recursive: true, force: true });
  }
}
