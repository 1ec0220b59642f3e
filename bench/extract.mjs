#!/usr/bin/env node
// Extraction benchmark: all of ../shared/corpus/bbc (2,095 articles), once in one thread and once
// on a worker thread per core. Runs the compiled code in dist/ (`npm run bench:extract` builds first).
//
//   npm run bench:extract                  # both runs
//   node bench/extract.mjs --workers 4     # one run, 4 workers
//   STANCEGRAPH_SHARED=/path/to/shared     # where corpus/bbc lives (default ../shared next to the repo)
//
// Each run is a child process of its own, so its peak RSS (getrusage maxRSS) is its own. Worker
// threads live in that process, so with workers the figure covers the main thread and all workers.
// Tokens are whitespace-separated tokens of Article.text. Times are wall clock from the first read to
// the last result, loading the extractor (and starting workers) included; CPU time (all threads) is
// printed too, since wall clock means little on a loaded machine.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.STANCEGRAPH_SHARED ?? path.resolve(root, '..', 'shared');
const corpus = path.join(shared, 'corpus', 'bbc');

async function child(workers) {
  const dist = (f) => pathToFileURL(path.join(root, 'dist', f)).href;
  const { readInputs } = await import(dist('articles/index.js'));
  const { extractAll } = await import(dist('extract-pool.js'));
  let tokens = 0;
  async function* counted() {
    for await (const item of readInputs([corpus])) {
      if (item.article) tokens += item.article.text.split(/\s+/).filter(Boolean).length;
      yield item;
    }
  }
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let articles = 0;
  let stances = 0;
  let errors = 0;
  for await (const r of extractAll(counted(), { workers })) {
    if (r.error) errors++;
    else {
      articles++;
      stances += r.result.stances.length;
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ workers, articles, errors, tokens, stances, seconds, cpuSeconds, maxRssMB }),
  );
}

function runChild(workers) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(workers)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`benchmark run with ${workers} worker(s) failed (exit ${r.status})`);
  return JSON.parse(r.stdout);
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await child(Number(args[1]));
} else {
  const runs = args[0] === '--workers' ? [Number(args[1])] : [1, os.availableParallelism()];
  console.log(`corpus: ${corpus}`);
  console.log(`cpus: ${os.availableParallelism()} × ${os.cpus()[0]?.model ?? '?'}; node ${process.version}`);
  console.log('');
  const rows = [];
  for (const w of runs) {
    const r = runChild(w);
    rows.push({
      workers: w === 1 ? '1 (in-process)' : String(w),
      articles: r.articles,
      errors: r.errors,
      seconds: r.seconds.toFixed(2),
      'articles/s': Math.round(r.articles / r.seconds),
      'tokens/s': Math.round(r.tokens / r.seconds),
      'CPU s': r.cpuSeconds.toFixed(2),
      'articles/CPU s': Math.round(r.articles / r.cpuSeconds),
      stances: r.stances,
      'peak RSS MB': Math.round(r.maxRssMB),
    });
  }
  console.table(rows);
  console.log('tokens: whitespace-separated. CPU s: user + system time of the whole process (all threads);');
  console.log(
    'articles/CPU s is the figure to compare on a busy machine. Peak RSS: the whole process (main + workers).',
  );
  console.log(
    `load average now: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
