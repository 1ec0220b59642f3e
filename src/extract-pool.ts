import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InputError, ReadItem } from './articles/index.js';
import { englishRatio } from './articles/language.js';
import type { Article, ExtractionResult } from './types.js';
import { EXTRACTOR_VERSION, ROOT } from './version.js';

export type ExtractFn = (
  article: Article,
  options?: { aliases?: Record<string, string> },
) => ExtractionResult;
export type PoolResult = { result: ExtractionResult } | { error: InputError };

export interface PoolOptions {
  /** Worker threads; 1 (or less) extracts in this thread. Default `os.availableParallelism()`. */
  workers?: number;
  aliases?: Record<string, string>;
  /** Articles in flight (read, not yet yielded) per worker; bounds memory. Default 8. */
  windowPerWorker?: number;
}

/** The extractor, loaded on first use so that other commands don't pay for the NLP model. */
export async function loadExtract(): Promise<ExtractFn> {
  const { extract } = await import('./extract/index.js');
  return extract;
}

/**
 * Extracts one article. The result's article record takes the reader's metadata (the reader is
 * the authority on id, source, title, dates, url, hash) and EXTRACTOR_VERSION; fields the
 * extractor adds are kept.
 */
export function extractOne(
  extract: ExtractFn,
  article: Article,
  aliases?: Record<string, string>,
): PoolResult {
  try {
    const result = extract(article, aliases ? { aliases } : undefined);
    const { id, source, title, publisher, publishedAt, url, sha256 } = article;
    result.article = {
      ...result.article,
      ...{ id, source, title, publisher, publishedAt, url, sha256 },
      extractor: EXTRACTOR_VERSION,
    };
    return { result };
  } catch (err) {
    return {
      error: { source: article.source, message: `extraction failed: ${(err as Error)?.message ?? err}` },
    };
  }
}

/** dist/extract-worker.js next to this module; from src/ (tests under vitest) the built one in dist/. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = path.join(path.dirname(here), 'extract-worker.js');
  return here.endsWith('.ts') || !existsSync(beside) ? path.join(ROOT, 'dist', 'extract-worker.js') : beside;
}

export interface Job {
  seq: number;
  article: Article;
  /** The reader's language check of article.text (englishRatio), so that the worker need not redo it. */
  english?: { ratio: number; words: number };
}

/**
 * Extracts every article of `inputs` and yields one result (or the input's error) per input, in
 * input order. With more than one worker the articles go to worker threads; at most
 * `workers × windowPerWorker` articles are held at a time, so memory stays flat on any number of
 * inputs (they are pulled from the iterable only as results go out).
 */
export async function* extractAll(
  inputs: AsyncIterable<ReadItem>,
  options: PoolOptions = {},
): AsyncGenerator<PoolResult> {
  const n = Math.max(1, Math.floor(options.workers ?? os.availableParallelism()));
  const aliases = options.aliases;
  if (n === 1) {
    const extract = await loadExtract();
    for await (const item of inputs)
      yield 'error' in item ? item : extractOne(extract, item.article, aliases);
    return;
  }

  const file = workerFile();
  const done = new Map<number, PoolResult>();
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let wake: (() => void) | null = null;
  let fatal: Error | null = null;
  const finish = (seq: number, r: PoolResult) => {
    done.set(seq, r);
    wake?.();
  };
  const run = (w: Worker, job: Job) => {
    busy.set(w, job);
    w.postMessage(job);
  };
  const release = (w: Worker) => {
    busy.delete(w);
    const job = queue.shift();
    if (job) run(w, job);
    else idle.push(w);
  };
  const all = new Set<Worker>();
  const ready = new WeakSet<Worker>();
  let closing = false;
  const spawn = (): Worker => {
    const w = new Worker(file, { workerData: { aliases } });
    all.add(w);
    let failure: Error | undefined;
    w.on('message', (m: 'ready' | ({ seq: number } & PoolResult)) => {
      if (m === 'ready') ready.add(w);
      else {
        finish(m.seq, 'error' in m ? { error: m.error } : { result: m.result });
        release(w);
      }
    });
    w.on('error', (err) => {
      failure = err;
    });
    w.on('exit', (code) => {
      all.delete(w);
      if (closing) return;
      const why = failure?.message ?? `exited with code ${code}`;
      if (!ready.has(w)) {
        // The extractor could not even load: no point in retrying article by article.
        fatal = new Error(`extraction worker failed to start: ${why}`);
        wake?.();
        return;
      }
      // A worker that died on an article fails that article; a fresh worker takes its place.
      const job = busy.get(w);
      busy.delete(w);
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
      if (job)
        finish(job.seq, { error: { source: job.article.source, message: `extraction crashed: ${why}` } });
      release(spawn());
    });
    return w;
  };
  for (let i = 0; i < n; i++) idle.push(spawn());

  const window = n * Math.max(1, options.windowPerWorker ?? 8);
  const it = inputs[Symbol.asyncIterator]();
  let next = 0;
  let emit = 0;
  let inputDone = false;
  try {
    while (true) {
      for (let d = done.get(emit); d; d = done.get(emit)) {
        done.delete(emit++);
        yield d;
      }
      if (fatal) throw fatal;
      if (inputDone && emit === next) return;
      if (!inputDone && next - emit < window) {
        // Room in the window: read one more input (workers keep working meanwhile).
        const r = await it.next();
        if (r.done) inputDone = true;
        else if ('error' in r.value) done.set(next++, r.value);
        else {
          const { article } = r.value;
          // (the reader has just judged this text: englishRatio answers from its memo)
          const english = typeof article.text === 'string' ? englishRatio(article.text) : undefined;
          const job = { seq: next++, article, english };
          const w = idle.pop();
          if (w) run(w, job);
          else queue.push(job);
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    closing = true;
    // Every result is out. A worker does not keep the process alive from here on, and a stop that
    // stalls (one never seen, but a hang here would hang the command) is waited for 5 s at most.
    const workers = [...all];
    for (const w of workers) w.unref();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(workers.map((w) => w.terminate())),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, 5_000).unref();
      }),
    ]);
    clearTimeout(timer);
  }
}
