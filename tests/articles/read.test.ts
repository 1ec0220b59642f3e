import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReadItem, readInputs } from '../../src/articles/index.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'articles');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(paths: string[], options = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInputs(paths, options)) out.push(item);
  return out;
}
const label = (i: ReadItem) =>
  'error' in i ? `error ${i.error.source}: ${i.error.message}` : `ok ${i.article.source}`;

describe('readInputs', () => {
  it('walks a folder recursively in sorted order, skipping hidden files and unknown extensions', async () => {
    const dir = path.join(fixtures, 'folder');
    const items = await collect([`${dir}/`]);
    expect(items.map(label)).toEqual([`ok ${dir}/a.txt`, `ok ${dir}/sub/b.txt`]);
  });

  it('reads JSON Lines line by line, reporting bad lines and going on', async () => {
    const file = path.join(fixtures, 'feed.jsonl');
    const items = await collect([file]);
    expect(items.map(label)).toEqual([
      `ok ${file}#L1`,
      `ok ${file}#L2`,
      expect.stringMatching(new RegExp(`^error ${file}#L3: invalid JSON: `)),
      `error ${file}#L4: record has neither a "text" nor an "html" field`,
      `ok ${file}#L6`,
    ]);
  });

  it('reports a missing path and goes on with the next', async () => {
    const items = await collect(['/no/such/file.txt', path.join(fixtures, 'bbc-style.txt')]);
    expect(items.map(label)).toEqual([
      'error /no/such/file.txt: no such file or directory',
      `ok ${path.join(fixtures, 'bbc-style.txt')}`,
    ]);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = path.join(tmp, 'big.txt');
    writeFileSync(big, `Title\n\n${'The government said it would act. '.repeat(4000)}`);
    const [item] = await collect([big], { maxBytes: 64 * 1024 });
    expect(label(item)).toMatch(
      /^error .*big\.txt: too large \(132\.8 KB; the limit is 64\.0 KB, raise it with --max-size\)/,
    );
    const [ok] = await collect([big]);
    expect('article' in ok).toBe(true);
  });

  it('limits JSON Lines per line, not per file', async () => {
    const file = path.join(tmp, 'lines.jsonl');
    const rec = (n: number) =>
      JSON.stringify({ title: `T${n}`, text: `The minister said ${'x '.repeat(n)}.` });
    writeFileSync(file, `${rec(10)}\n${rec(5000)}\n${rec(20)}\n`);
    const items = await collect([file], { maxBytes: 1000 });
    expect(items.map(label)).toEqual([
      `ok ${file}#L1`,
      expect.stringMatching(/#L2: too large/),
      `ok ${file}#L3`,
    ]);
  });

  it('reads stdin: a text document, or JSON Lines when it starts with {', async () => {
    const text = Readable.from([
      Buffer.from('Stdin title\n\nThe minister said the plan would '),
      Buffer.from('go ahead.\n'),
    ]);
    const [a] = await collect(['-'], { stdin: text });
    expect('article' in a && a.article).toMatchObject({ source: '-', title: 'Stdin title' });
    const lines = Readable.from([
      '\n{"title": "One", "text": "Body one."}\n{"title": "Tw',
      'o", "text": "Body two."}\n{oops}\n',
    ]);
    expect((await collect(['-'], { stdin: lines })).map(label)).toEqual([
      'ok -#L2',
      'ok -#L3',
      expect.stringMatching(/^error -#L4: invalid JSON/),
    ]);
  });
});
