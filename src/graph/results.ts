/**
 * Reads saved extraction output (`stancegraph extract --format jsonl`, or `--format json`) for
 * `stancegraph load --from-jsonl`: one item per line, each a result or a readable error naming
 * `file#Ln`. A bad line never stops the rest.
 */
import { constants, createReadStream } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ExtractionResult } from '../types.js';
import type { LoadItem } from './load.js';
import { resultProblems } from './validate.js';

const EXTENSIONS = new Set(['.jsonl', '.ndjson', '.json']);

function item(value: unknown, source: string): LoadItem {
  const problems = resultProblems(value);
  if (problems.length)
    return { error: { source, message: `not an extraction result: ${problems.join('; ')}` } };
  const r = value as ExtractionResult & { article: { text?: string | null } };
  return { result: r, text: r.article.text ?? null, source };
}

async function* fromLines(stream: NodeJS.ReadableStream, source: string): AsyncGenerator<LoadItem> {
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let any = false;
  let arrayText: string[] | null = null;
  for await (const line of rl) {
    n++;
    if (arrayText) {
      arrayText.push(line);
      continue;
    }
    const trimmed = line.replace(/^\uFEFF/, '').trim();
    if (!trimmed) continue;
    if (!any && trimmed.startsWith('[')) {
      // `extract --format json`: one array for the whole file.
      arrayText = [line.replace(/^\uFEFF/, '')];
      any = true;
      continue;
    }
    any = true;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      yield { error: { source: `${source}#L${n}`, message: `invalid JSON: ${(err as Error).message}` } };
      continue;
    }
    yield item(value, `${source}#L${n}`);
  }
  if (arrayText) {
    let values: unknown;
    try {
      values = JSON.parse(arrayText.join('\n'));
    } catch (err) {
      yield { error: { source, message: `invalid JSON: ${(err as Error).message}` } };
      return;
    }
    if (!Array.isArray(values)) {
      yield { error: { source, message: 'expected a JSON array of extraction results' } };
      return;
    }
    for (const [i, v] of values.entries()) yield item(v, `${source}[${i}]`);
    return;
  }
  if (!any) yield { error: { source, message: 'empty file' } };
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (EXTENSIONS.has(path.extname(e.name).toLowerCase())) yield full;
  }
}

function fsMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return (err as Error)?.message ?? String(err);
}

async function* fromFile(file: string): AsyncGenerator<LoadItem> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) {
      for await (const f of walk(file)) yield* fromFile(f);
      return;
    }
    // Checked first so that an unreadable file is reported as that file's error.
    await access(file, constants.R_OK);
  } catch (err) {
    yield { error: { source: file, message: fsMessage(err) } };
    return;
  }
  yield* fromLines(createReadStream(file), file);
}

/** Items from saved extraction output: files, folders (.jsonl .ndjson .json, recursively) or `-` for stdin. */
export async function* readResults(
  paths: string[],
  options: { stdin?: NodeJS.ReadableStream } = {},
): AsyncGenerator<LoadItem> {
  for (const p of paths) {
    if (p === '-') yield* fromLines(options.stdin ?? process.stdin, '-');
    else yield* fromFile(p);
  }
}
