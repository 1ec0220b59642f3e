/**
 * `stancegraph extract` run as a process, the way users and the gold scorer run it (needs `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../src/articles/index.js';
import type { ExtractionResult } from '../src/types.js';

const root = path.resolve(import.meta.dirname, '..');
const BIN = path.join(root, 'bin', 'stancegraph.js');
const shared = process.env.STANCEGRAPH_SHARED ?? path.resolve(root, '..', 'shared');
const SEED = path.join(shared, 'corpus', 'seed', '000_a423757e2158ce54.txt');
const fixtures = path.join(root, 'tests', 'fixtures', 'articles');
const VERSION = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

const STANCE_KINDS =
  'SUPPORT PRAISE OPPOSE REJECT VETO CRITICIZE ACCUSE CONDEMN THREATEN ATTACK URGE DEMAND CONSULT'.split(' ');
const ACTOR_KINDS = ['COUNTRY', 'GOVERNMENT', 'PERSON', 'ORGANIZATION', 'GROUP', 'LOCATION'];

/** A run that has not finished after this long is killed and fails its test (it would otherwise block vitest's timers too). */
const RUN_LIMIT_MS = 90_000;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, 'extract', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: RUN_LIMIT_MS,
    killSignal: 'SIGKILL',
    env: { ...process.env, STANCEGRAPH_ALIASES: '' },
  });
  if (r.error || r.signal)
    throw new Error(
      `stancegraph extract ${args.join(' ')}: ${r.error?.message ?? `killed by ${r.signal}`} ` +
        `(limit ${RUN_LIMIT_MS / 1000} s); stderr: ${r.stderr?.slice(0, 2000)}`,
    );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const jsonl = (out: string): ExtractionResult[] =>
  out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** Every field EXTRACTION-OUTPUT.md requires, with its type, and offsets that point into `text`. */
function expectValidResult(r: ExtractionResult, text: string): void {
  expect(Object.keys(r.article)).toEqual(
    expect.arrayContaining(['id', 'source', 'title', 'publisher', 'publishedAt']),
  );
  expect(r.article.extractor).toBe(`stancegraph-${VERSION}`);
  expect(Array.isArray(r.warnings)).toBe(true);
  const ids = new Set<string>();
  for (const a of r.actors) {
    expect(typeof a.id).toBe('string');
    expect(typeof a.name).toBe('string');
    expect(ACTOR_KINDS).toContain(a.kind);
    expect(Array.isArray(a.aliases)).toBe(true);
    expect(Number.isInteger(a.mentions)).toBe(true);
    ids.add(a.id);
  }
  for (const s of r.stances) {
    expect(ids.has(s.source), `stance source ${s.source} is an actor`).toBe(true);
    if (s.speaker !== null) expect(ids.has(s.speaker), `speaker ${s.speaker} is an actor`).toBe(true);
    if (typeof s.target === 'string') expect(ids.has(s.target), `target ${s.target} is an actor`).toBe(true);
    else
      expect(s.target).toEqual({
        id: expect.any(String),
        name: expect.any(String),
        kind: expect.any(String),
      });
    expect(STANCE_KINDS).toContain(s.kind);
    expect([-1, 0, 1]).toContain(s.polarity);
    expect(typeof s.negated).toBe('boolean');
    expect(s.confidence).toBeGreaterThanOrEqual(0);
    expect(s.confidence).toBeLessThanOrEqual(1);
    expect(Number.isInteger(s.evidence.sentence)).toBe(true);
    expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.text);
  }
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-cli-extract-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('stancegraph extract', () => {
  it('writes the seed article as one JSON line with every required field', () => {
    const { code, stdout, stderr } = run([SEED, '--workers', '1']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = jsonl(stdout);
    expect(results).toHaveLength(1);
    const [r] = results;
    expect(r.article).toMatchObject({
      source: SEED,
      title: 'Russia will not interfere in Syria: Lavrov',
      publisher: 'AFP',
      publishedAt: '2012-01-31',
    });
    const article = parseDocument(readFileSync(SEED, 'utf8'), 'text', SEED);
    expect(r.article.id).toBe(article.id);
    expectValidResult(r, article.text);
    expect(r.actors.length).toBeGreaterThan(0);
  });

  it('prints a table for people: a header per article and a row per stance', () => {
    const table = run([SEED, '--format', 'table', '--workers', '1']);
    expect(table.code).toBe(0);
    const [r] = jsonl(run([SEED, '--workers', '1']).stdout);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe('== Russia will not interfere in Syria: Lavrov');
    expect(lines[1]).toContain(SEED);
    expect(lines[1]).toContain('AFP · 2012-01-31');
    const rows = lines.filter((l) =>
      / (SUPPORT|PRAISE|OPPOSE|REJECT|VETO|CRITICIZE|ACCUSE|CONDEMN|THREATEN|ATTACK|URGE|DEMAND|CONSULT) [-+0]/.test(
        l,
      ),
    );
    expect(rows).toHaveLength(r.stances.length);
    if (r.stances.length) expect(lines[2]).toMatch(/^ {3}HOLDER +STANCE +TARGET +QUOTE$/);
  });

  it('writes one JSON array with --format json', () => {
    const { code, stdout } = run([
      SEED,
      path.join(fixtures, 'bbc-style.txt'),
      '--format',
      'json',
      '--workers',
      '1',
    ]);
    expect(code).toBe(0);
    const arr = JSON.parse(stdout) as ExtractionResult[];
    expect(arr.map((r) => r.article.title)).toEqual([
      'Russia will not interfere in Syria: Lavrov',
      'Straw backs ending China embargo',
    ]);
  });

  it('names every bad input on stderr, still extracts the good ones, and exits 1', () => {
    const dir = path.join(tmp, 'mixed');
    mkdirSync(dir);
    copyFileSync(path.join(fixtures, 'bbc-style.txt'), path.join(dir, '01-good.txt'));
    copyFileSync(path.join(fixtures, 'page.html'), path.join(dir, '02-good.html'));
    writeFileSync(path.join(dir, '03-empty.txt'), '');
    writeFileSync(
      path.join(dir, '04-binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    writeFileSync(
      path.join(dir, '05-latin1.txt'),
      Buffer.from('Minister\n\nThe minister said the caf\xe9 would close.\n', 'latin1'),
    );
    writeFileSync(
      path.join(dir, '06-feed.jsonl'),
      `{"title": "Good line", "text": "The minister backed the plan on Monday."}\n{"title": "bad", "text": \n`,
    );
    copyFileSync(path.join(fixtures, 'no-article.html'), path.join(dir, '07-no-article.html'));
    writeFileSync(
      path.join(dir, '08-french.txt'),
      'Réforme des retraites\n\nLe gouvernement français a annoncé mardi une nouvelle réforme des retraites, qui sera présentée ' +
        'au conseil des ministres la semaine prochaine. Les syndicats ont déjà appelé à une grève générale pour protester ' +
        'contre le projet, jugé injuste par une majorité des Français selon un sondage publié dimanche.\n',
    );
    writeFileSync(
      path.join(dir, '09-huge.txt'),
      `Huge\n\n${'The government said it would act. '.repeat(620_000)}`,
    ); // 21 MB
    copyFileSync(SEED, path.join(dir, '10-seed.txt'));

    const started = Date.now();
    const { code, stdout, stderr } = run([dir, path.join(tmp, 'missing.txt'), '--workers', '2']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(code).toBe(1);
    expect(jsonl(stdout).map((r) => r.article.source)).toEqual([
      `${dir}/01-good.txt`,
      `${dir}/02-good.html`,
      `${dir}/06-feed.jsonl#L1`,
      `${dir}/10-seed.txt`,
    ]);
    const errors = stderr.trim().split('\n');
    expect(errors).toEqual([
      `stancegraph: ${dir}/03-empty.txt: empty file`,
      expect.stringMatching(
        new RegExp(`^stancegraph: ${dir}/04-binary\\.txt: binary file \\(NUL byte at offset 8\\)`),
      ),
      expect.stringMatching(
        new RegExp(`^stancegraph: ${dir}/05-latin1\\.txt: not valid UTF-8 \\(byte 0xe9 at offset 35\\)`),
      ),
      expect.stringMatching(new RegExp(`^stancegraph: ${dir}/06-feed\\.jsonl#L2: invalid JSON: `)),
      `stancegraph: ${dir}/07-no-article.html: no article text found in the HTML`,
      expect.stringMatching(new RegExp(`^stancegraph: ${dir}/08-french\\.txt: does not look like English`)),
      expect.stringMatching(
        new RegExp(`^stancegraph: ${dir}/09-huge\\.txt: too large \\(2\\d\\.\\d MB; the limit is 10\\.0 MB`),
      ),
      `stancegraph: ${path.join(tmp, 'missing.txt')}: no such file or directory`,
    ]);
  });

  it('reads stdin with -', () => {
    const text = run(['-', '--workers', '1'], readFileSync(SEED, 'utf8'));
    expect(text.code).toBe(0);
    const [r] = jsonl(text.stdout);
    expect(r.article).toMatchObject({
      source: '-',
      publisher: 'AFP',
      title: 'Russia will not interfere in Syria: Lavrov',
    });

    const lines = run(
      ['-', '--workers', '1'],
      '{"title": "One", "text": "The minister backed the plan."}\n{"url": "https://e.org/2", "title": "Two", "text": "The union rejected the deal."}\n',
    );
    expect(lines.code).toBe(0);
    expect(jsonl(lines.stdout).map((r) => [r.article.source, r.article.id])).toEqual([
      ['-#L1', expect.stringMatching(/^sha256:[0-9a-f]{64}$/)],
      ['-#L2', 'url:https://e.org/2'],
    ]);
  });

  it('keeps input order with several workers, each result belonging to its article', () => {
    const dir = path.join(shared, 'corpus', 'bbc', 'politics');
    const files = readdirSync(dir)
      .sort()
      .slice(0, 60)
      .map((f) => path.join(dir, f))
      .reverse(); // not the folder's order: the output must follow the arguments
    const one = run([...files, '--workers', '1']);
    const three = run([...files, '--workers', '3']);
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    for (const out of [one.stdout, three.stdout]) {
      const results = jsonl(out);
      expect(results.map((r) => r.article.source)).toEqual(files);
      results.forEach((r, i) => {
        const article = parseDocument(readFileSync(files[i], 'utf8'), 'text', files[i]);
        expect(r.article.id).toBe(article.id);
        expectValidResult(r, article.text);
      });
    }
  });

  it('refuses a malformed aliases file with a clear message', () => {
    const bad = path.join(tmp, 'aliases.json');
    writeFileSync(bad, '{"Moscow": "russia",}');
    const r = run([SEED, '--aliases', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^stancegraph: aliases file ${bad}: invalid JSON`));
    writeFileSync(bad, '{"Moscow": 3}');
    expect(run([SEED, '--aliases', bad]).stderr).toContain(
      'must map a non-empty alias to a non-empty actor id string',
    );
    expect(run([SEED, '--aliases', path.join(tmp, 'none.json')]).stderr).toContain('no such file');
  });

  it('passes an aliases file on to the extractor', () => {
    const file = path.join(tmp, 'ok-aliases.json');
    writeFileSync(file, JSON.stringify({ Kremlin: 'russia' }));
    const r = run([SEED, '--aliases', file, '--workers', '2']);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout)).toHaveLength(1);
  });
});
