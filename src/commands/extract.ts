import os from 'node:os';
import { type Command, Option } from 'commander';
import { loadAliases } from '../aliases.js';
import { readInputs } from '../articles/index.js';
import { extractAll } from '../extract-pool.js';
import type { ExtractionResult, TopicTarget } from '../types.js';
import { maxSizeOption, positiveInt } from './options.js';

type Format = 'jsonl' | 'json' | 'table';

interface ExtractFlags {
  format: Format;
  aliases?: string;
  workers?: number;
  maxSize: number;
}

/** Cuts a string to `max` characters at a word boundary where one is near, marking the cut with "…". */
export function truncate(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

const SIGN: Record<number, string> = { [-1]: '-', 0: '0', 1: '+' };

/** A people-readable block for one article: a header, then one row per stance. */
export function renderArticleTable(r: ExtractionResult, width = 120): string {
  const a = r.article;
  const names = new Map(r.actors.map((x) => [x.id, x.name]));
  const nameOf = (t: string | TopicTarget | null) =>
    t === null ? '' : typeof t === 'string' ? (names.get(t) ?? t) : t.name;
  const meta = [a.source, a.publisher, a.publishedAt].filter(Boolean).join(' · ');
  const head = [
    `== ${a.title ?? '(untitled)'}`,
    `   ${meta} · ${r.actors.length} actor${r.actors.length === 1 ? '' : 's'}, ${r.stances.length} stance${r.stances.length === 1 ? '' : 's'}`,
  ];
  if (r.stances.length === 0) return [...head, '   (no stances found)', ''].join('\n');
  const rows = r.stances.map((s) => {
    const holder = nameOf(s.source);
    const speaker = s.speaker && s.speaker !== s.source ? nameOf(s.speaker) : '';
    return [
      truncate(speaker ? `${holder} (${speaker})` : holder, 36),
      `${s.kind} ${SIGN[Math.sign(s.polarity)] ?? s.polarity}${s.negated ? ' (negated)' : ''}`,
      truncate(nameOf(s.target), 36),
      s.evidence.text,
    ];
  });
  const cols = ['HOLDER', 'STANCE', 'TARGET'];
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((row) => row[i].length)));
  const quoteWidth = Math.max(40, width - 3 - widths.reduce((n, w) => n + w + 2, 0));
  const line = (cells: string[]) =>
    `   ${cells
      .slice(0, 3)
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')}  ${cells[3]}`;
  return [
    ...head,
    line([...cols, 'QUOTE']),
    ...rows.map((row) => line([...row.slice(0, 3), truncate(row[3], quoteWidth)])),
    '',
  ].join('\n');
}

/**
 * Stdout that waits when the pipe is full (memory stays flat on long runs) and notices when the
 * reader has gone (`| head`): then `closed` turns true and the run stops quietly.
 */
function stdoutWriter() {
  const state = { closed: false };
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    state.closed = true;
    process.stdout.emit('drain');
  });
  const write = (s: string): Promise<void> | undefined => {
    if (state.closed || process.stdout.write(s)) return undefined;
    return new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  return { write, state };
}

export async function runExtract(paths: string[], flags: ExtractFlags): Promise<number> {
  const aliases = loadAliases(flags.aliases);
  const workers = flags.workers ?? os.availableParallelism();
  const inputs = readInputs(paths, { maxBytes: flags.maxSize });
  const width = process.stdout.isTTY ? process.stdout.columns || 120 : 160;
  const { write, state } = stdoutWriter();
  let failed = 0;
  let count = 0;
  if (flags.format === 'json') await write('[');
  for await (const item of extractAll(inputs, { workers, aliases })) {
    if (state.closed) break;
    if ('error' in item) {
      failed++;
      process.stderr.write(`stancegraph: ${item.error.source}: ${item.error.message}\n`);
      continue;
    }
    const out =
      flags.format === 'jsonl'
        ? `${JSON.stringify(item.result)}\n`
        : flags.format === 'json'
          ? `${count ? ',' : ''}\n${JSON.stringify(item.result)}`
          : `${count ? '\n' : ''}${renderArticleTable(item.result, width)}`;
    count++;
    await write(out);
  }
  if (flags.format === 'json') await write(count ? '\n]\n' : ']\n');
  return failed ? 1 : 0;
}

export function registerExtractCommands(program: Command): void {
  program
    .command('extract')
    .description('extract actors and stances from articles (text, HTML, JSON Lines; a folder; - for stdin)')
    .argument('<path...>', 'files, folders (read recursively: .txt .html .htm .jsonl .ndjson) or - for stdin')
    .addOption(
      new Option('--format <format>', 'output: one JSON object per line, a JSON array, or a table for people')
        .choices(['jsonl', 'json', 'table'])
        .default('jsonl'),
    )
    .option(
      '--aliases <file>',
      'JSON object alias → actor id (default: $STANCEGRAPH_ALIASES, else ./stancegraph.aliases.json)',
    )
    .option(
      '--workers <n>',
      'worker threads (default: one per core; 1 = in this process)',
      positiveInt('--workers'),
    )
    .addOption(maxSizeOption())
    .action(async (paths: string[], flags: ExtractFlags) => {
      process.exitCode = await runExtract(paths, flags);
    });
}
