import { closeSync, createReadStream, type Dirent, fstatSync, openSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../types.js';
import { buildArticle } from './article.js';
import { decodeBytes } from './decode.js';
import { InputProblem } from './errors.js';
import { looksLikeHtml, parseHtml } from './html.js';
import { parseJsonRecord } from './jsonl.js';
import { parsePlainText } from './text.js';

export interface InputError {
  source: string;
  message: string;
}
export type ReadItem = { article: Article } | { error: InputError };

export interface ReadOptions {
  /** Largest text/HTML file, or JSON line, read (bytes). Default 10 MB. JSON Lines files have no total limit. */
  maxBytes?: number;
  /** Where `-` reads from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

type Format = 'text' | 'html' | 'jsonl';

/** Extensions read when walking a folder; other files there (images, PDFs, LICENSE) are passed over. */
const FOLDER_EXTENSIONS: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The format an extension promises; `text` when unknown (content decides between text and HTML). */
export function formatOf(file: string): Format {
  return FOLDER_EXTENSIONS[path.extname(file).toLowerCase()] ?? 'text';
}

const size = (n: number) =>
  n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

function tooLarge(bytes: number, max: number): InputProblem {
  return new InputProblem(`too large (${size(bytes)}; the limit is ${size(max)}, raise it with --max-size)`);
}

/** Parses the whole content of a text or HTML input into an Article (throws InputProblem). */
export function parseDocument(content: string, format: Format, source: string): Article {
  const fields = format === 'html' || looksLikeHtml(content) ? parseHtml(content) : parsePlainText(content);
  return buildArticle(fields, source);
}

function problem(source: string, err: unknown): { error: InputError } {
  if (err instanceof InputProblem) return { error: { source, message: err.message } };
  const e = err as NodeJS.ErrnoException;
  const message =
    e?.code === 'ENOENT'
      ? 'no such file or directory'
      : e?.code === 'EACCES'
        ? 'permission denied'
        : e?.code === 'EISDIR'
          ? 'is a directory'
          : String(e?.message ?? err);
  return { error: { source, message } };
}

/** Reads a whole stream, refusing it once it passes maxBytes. */
async function readAll(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > maxBytes) throw tooLarge(size, maxBytes);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Splits a byte stream into lines (LF), yielding each with its 1-based number; bounded by maxBytes per line. */
async function* lines(
  chunks: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<{ n: number; bytes: Buffer } | { n: number; problem: InputProblem }> {
  let n = 0;
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let skipping = false;
  for await (const chunk of chunks) {
    let b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let nl = b.indexOf(10); nl >= 0; nl = b.indexOf(10)) {
      n++;
      const part = b.subarray(0, nl);
      if (skipping || pendingSize + part.length > maxBytes) {
        yield { n, problem: tooLarge(pendingSize + part.length, maxBytes) };
      } else {
        yield { n, bytes: pending.length ? Buffer.concat([...pending, part]) : part };
      }
      pending = [];
      pendingSize = 0;
      skipping = false;
      b = b.subarray(nl + 1);
    }
    if (b.length === 0) continue;
    pendingSize += b.length;
    if (pendingSize > maxBytes) {
      skipping = true;
      pending = [];
    } else pending.push(Buffer.from(b));
  }
  if (pendingSize > 0 || skipping) {
    n++;
    if (skipping) yield { n, problem: tooLarge(pendingSize, maxBytes) };
    else yield { n, bytes: Buffer.concat(pending) };
  }
}

/** Reads JSON Lines: one article per non-blank line, source `<source>#L<n>`; a bad line never stops the rest. */
async function* readJsonLines(
  chunks: AsyncIterable<Buffer | string>,
  source: string,
  maxBytes: number,
): AsyncGenerator<ReadItem> {
  let any = false;
  for await (const line of lines(chunks, maxBytes)) {
    const lineSource = `${source}#L${line.n}`;
    if ('problem' in line) {
      any = true;
      yield problem(lineSource, line.problem);
      continue;
    }
    if (line.bytes.every((c) => c === 0x20 || c === 0x09 || c === 0x0d)) continue;
    any = true;
    try {
      const text = decodeBytes(line.bytes);
      yield { article: buildArticle(parseJsonRecord(text.replace(/^\uFEFF/, '')), lineSource) };
    } catch (err) {
      yield problem(lineSource, err);
    }
  }
  if (!any) yield problem(source, new InputProblem('empty file'));
}

async function* readFileInput(file: string, source: string, maxBytes: number): AsyncGenerator<ReadItem> {
  const format = formatOf(file);
  if (format === 'jsonl') {
    yield* readJsonLines(createReadStream(file), source, maxBytes);
    return;
  }
  try {
    // Synchronous reads: ten times faster than fs/promises on small files, and a file is read at a time anyway.
    const fd = openSync(file, 'r');
    let bytes: Buffer;
    try {
      const { size } = fstatSync(fd);
      if (size > maxBytes) throw tooLarge(size, maxBytes);
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
    yield { article: parseDocument(decodeBytes(bytes), format, source) };
  } catch (err) {
    yield problem(source, err);
  }
}

/** Stdin: JSON Lines when the first non-blank character is `{`, else one text or HTML document. */
async function* readStdin(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<ReadItem> {
  const it = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let first: number | undefined;
  while (first === undefined) {
    const r = await it.next();
    if (r.done) break;
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    head.push(b);
    const text = Buffer.concat(head)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const m = /\S/.exec(text);
    if (m) first = text.charCodeAt(m.index);
  }
  const rest: AsyncIterable<Buffer | string> = {
    async *[Symbol.asyncIterator]() {
      yield* head;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    },
  };
  if (first === 0x7b /* { */) {
    yield* readJsonLines(rest, '-', maxBytes);
    return;
  }
  try {
    yield { article: parseDocument(decodeBytes(await readAll(rest, maxBytes)), 'text', '-') };
  } catch (err) {
    yield problem('-', err);
  }
}

/** Files under a folder, recursively, in sorted order; hidden entries and unknown extensions skipped. */
async function* walk(dir: string, rel = ''): AsyncGenerator<string> {
  const entries: Dirent[] = await readdir(path.join(dir, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const s = await stat(path.join(dir, r)).catch(() => null);
      isDir = s?.isDirectory() ?? false;
      isFile = s?.isFile() ?? false;
    }
    if (isDir) yield* walk(dir, r);
    else if (isFile && path.extname(e.name).toLowerCase() in FOLDER_EXTENSIONS) yield r;
  }
}

/**
 * Reads every input: a file, a folder (recursive, sorted, hidden files skipped, only .txt/.text/
 * .html/.htm/.xhtml/.jsonl/.ndjson), or `-` for stdin. Yields an article or an error per input (per
 * line for JSON Lines); never throws for a bad input, so the rest are still read.
 */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const given of paths) {
    if (given === '-') {
      yield* readStdin(options.stdin ?? process.stdin, maxBytes);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(given)).isDirectory();
    } catch (err) {
      yield problem(given, err);
      continue;
    }
    if (!isDir) {
      yield* readFileInput(given, given, maxBytes);
      continue;
    }
    const base = given.replace(/[\\/]+$/, '') || given;
    let count = 0;
    try {
      for await (const rel of walk(given)) {
        count++;
        yield* readFileInput(path.join(given, rel), `${base}/${rel}`, maxBytes);
      }
    } catch (err) {
      yield problem(given, err);
      continue;
    }
    if (count === 0)
      yield problem(given, new InputProblem('folder holds no article files (.txt, .html, .jsonl)'));
  }
}
