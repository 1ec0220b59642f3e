import { createReadStream, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { loadAliases } from '../aliases.js';
import { readInputs } from '../articles/index.js';
import { extractAll } from '../extract-pool.js';
import { LoadAborted, type LoadItem, type LoadSummary, loadResults } from '../graph/load.js';
import { readResults } from '../graph/results.js';
import { connect } from '../neo4j/connection.js';
import { maxSizeOption, positiveInt } from './options.js';

interface LoadFlags {
  fromJsonl?: boolean;
  json?: boolean;
  aliases?: string;
  batch: number;
  concurrency?: number;
  workers?: number;
  maxSize: number;
}

const ARTICLE_EXT = new Set(['.txt', '.text', '.html', '.htm', '.xhtml']);
const LINES_EXT = new Set(['.jsonl', '.ndjson']);

async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
    last = chunk[chunk.length - 1];
  }
  return last === 10 ? n : n + 1;
}

/** How many inputs there are, for the progress bar's ETA; null when it cannot be known cheaply (stdin). */
export async function countInputs(paths: string[], fromJsonl: boolean): Promise<number | null> {
  let total = 0;
  const visit = async (p: string, top: boolean): Promise<void> => {
    const s = await stat(p).catch(() => null);
    if (!s) {
      total++;
      return;
    }
    if (s.isDirectory()) {
      for (const e of await readdir(p)) if (!e.startsWith('.')) await visit(path.join(p, e), false);
      return;
    }
    const ext = path.extname(p).toLowerCase();
    if (LINES_EXT.has(ext) || (fromJsonl && ext === '.json')) {
      if (s.size > 512 * 1024 * 1024) throw new Error('too large to count');
      total += await countLines(p);
    } else if (top || ARTICLE_EXT.has(ext)) total++;
  };
  try {
    for (const p of paths) {
      if (p === '-') return null;
      await visit(p, true);
    }
  } catch {
    return null;
  }
  return total;
}

/** A one-line progress bar on stderr (TTY only). */
function progressBar(total: number | null) {
  const started = performance.now();
  let done = 0;
  let failed = 0;
  let lastDraw = 0;
  const draw = (force = false) => {
    const now = performance.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const secs = (now - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const width = 24;
    let line: string;
    if (total) {
      const frac = Math.min(1, done / total);
      const filled = Math.round(frac * width);
      const eta = rate > 0 ? Math.max(0, (total - done) / rate) : null;
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} articles · ${rate.toFixed(0)}/s · ETA ${eta === null ? '?' : `${eta.toFixed(0)}s`}`;
    } else line = `${done} articles · ${rate.toFixed(0)}/s · ${secs.toFixed(0)}s`;
    if (failed) line += ` · ${failed} failed`;
    const cols = process.stderr.columns || 100;
    process.stderr.write(`\r${line.slice(0, cols - 1)}\x1b[K`);
  };
  return {
    tick(ok: boolean) {
      done++;
      if (!ok) failed++;
      draw();
    },
    clear() {
      process.stderr.write('\r\x1b[K');
    },
  };
}

/**
 * Passes a generator's items through, calling `see` on each; closing the result early does NOT close
 * the source, so that after a failure the inputs not reached yet can still be listed.
 */
function tap<T>(source: AsyncGenerator<T>, see: (item: T) => void): AsyncGenerator<T> {
  return (async function* () {
    for (let r = await source.next(); !r.done; r = await source.next()) {
      see(r.value);
      yield r.value;
    }
  })();
}

export function formatSummary(s: LoadSummary): string {
  return (
    `${s.loaded} loaded, ${s.unchanged} unchanged, ${s.failed} failed` +
    ` · ${s.actors} actors, ${s.stances} stances written · ${s.seconds.toFixed(1)}s`
  );
}

function summaryJson(s: LoadSummary, extra: Record<string, unknown> = {}) {
  return {
    loaded: s.loaded,
    unchanged: s.unchanged,
    failed: s.failed,
    actors: s.actors,
    stances: s.stances,
    seconds: Number(s.seconds.toFixed(3)),
    articles: s.articles,
    transactions: s.transactions,
    retries: s.retries,
    writeSeconds: Number(s.writeSeconds.toFixed(3)),
    errors: s.errors,
    ...extra,
  };
}

export async function runLoad(paths: string[], flags: LoadFlags): Promise<number> {
  const aliases = loadAliases(flags.aliases);
  const { driver, target } = await connect();
  try {
    // Every input read, in order, so that an interrupted load can say what it did not write.
    const read: string[] = [];
    const texts: { source: string; text: string | null }[] = [];
    let items: AsyncIterable<LoadItem>;
    /** The sources of the inputs not read yet (after a failure: read only, not extracted). */
    let rest: () => AsyncGenerator<string>;
    if (flags.fromJsonl) {
      const r = readResults(paths);
      rest = async function* () {
        for await (const it of r)
          yield 'error' in it ? it.error.source : ((it as { source?: string }).source ?? '?');
      };
      items = tap(r, (it) => {
        read.push('error' in it ? it.error.source : ((it as { source?: string }).source ?? '?'));
      });
    } else {
      const r = readInputs(paths, { maxBytes: flags.maxSize });
      rest = async function* () {
        for await (const it of r) yield 'error' in it ? it.error.source : it.article.source;
      };
      const tapped = tap(r, (it) => {
        const source = 'error' in it ? it.error.source : it.article.source;
        read.push(source);
        texts.push({ source, text: 'error' in it ? null : it.article.text });
      });
      items = (async function* () {
        for await (const out of extractAll(tapped, {
          workers: flags.workers ?? os.availableParallelism(),
          aliases,
        })) {
          // One output per input, in input order.
          const t = texts.shift();
          if ('error' in out) yield out;
          else
            yield {
              result: out.result,
              text: t?.text ?? null,
              source: t?.source ?? out.result.article.source,
            };
        }
      })();
    }

    const bar = process.stderr.isTTY ? progressBar(await countInputs(paths, !!flags.fromJsonl)) : null;
    const resolved = new Set<string>();
    const onArticle = (source: string, status: string, message?: string) => {
      resolved.add(source);
      if (status === 'failed') {
        bar?.clear();
        process.stderr.write(`stancegraph: ${source}: ${message}\n`);
      }
      bar?.tick(status !== 'failed');
    };

    let summary: LoadSummary;
    try {
      summary = await loadResults(driver, target.database, items, {
        aliases,
        batchSize: flags.batch,
        concurrency: flags.concurrency,
        onArticle,
      });
    } catch (err) {
      bar?.clear();
      if (!(err instanceof LoadAborted)) throw err;
      // What was read but not written, then whatever inputs were never reached.
      const notLoaded = read.filter((s) => !resolved.has(s));
      for (const s of err.notLoaded) if (!notLoaded.includes(s) && !resolved.has(s)) notLoaded.push(s);
      for await (const s of rest()) notLoaded.push(s);
      const file = path.join(os.tmpdir(), `stancegraph-not-loaded-${process.pid}-${Date.now()}.txt`);
      writeFileSync(file, `${notLoaded.join('\n')}\n`);
      const first = notLoaded.slice(0, 5).join(', ');
      const message =
        `${err.message}\n` +
        `${notLoaded.length} input${notLoaded.length === 1 ? ' was' : 's were'} not loaded` +
        `${notLoaded.length ? ` (first: ${first}${notLoaded.length > 5 ? ', ...' : ''}); full list in ${file}` : ''}.\n` +
        `Loaded before the failure: ${formatSummary(err.summary)}.\n` +
        'Nothing was half-written: rerun the same command once Neo4j is back; loaded articles are skipped as unchanged.';
      if (flags.json)
        console.log(
          JSON.stringify(
            summaryJson(err.summary, { aborted: true, notLoaded: notLoaded.length, notLoadedFile: file }),
          ),
        );
      process.stderr.write(`stancegraph: ${message}\n`);
      return 2;
    }
    bar?.clear();
    if (flags.json) console.log(JSON.stringify(summaryJson(summary)));
    else console.log(formatSummary(summary));
    return summary.failed ? 1 : 0;
  } finally {
    await driver.close();
  }
}

export function registerLoadCommands(program: Command): void {
  program
    .command('load')
    .description('extract articles (or read saved extraction output) and load them into Neo4j, idempotently')
    .argument(
      '<path...>',
      'files, folders or - for stdin (articles; with --from-jsonl, `extract --format jsonl` output)',
    )
    .option('--from-jsonl', 'the inputs are saved `stancegraph extract --format jsonl` (or json) output')
    .option('--json', 'print the summary as JSON')
    .option(
      '--aliases <file>',
      'JSON object alias → actor id (default: $STANCEGRAPH_ALIASES, else ./stancegraph.aliases.json)',
    )
    .option('--batch <n>', 'articles per transaction', positiveInt('--batch'), 500)
    .option(
      '--concurrency <n>',
      'write transactions at once (default 2; batches that would overwrite each other, such as an actor typed differently, are still written in input order)',
      positiveInt('--concurrency'),
    )
    .option('--workers <n>', 'extraction worker threads (default: one per core)', positiveInt('--workers'))
    .addOption(maxSizeOption())
    .action(async (paths: string[], flags: LoadFlags) => {
      process.exitCode = await runLoad(paths, flags);
    });
}
