import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.js';
import { articleFromShared, repoRoot, sharedDir } from './extract/helpers.js';

interface Row {
  article: string;
  stances: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  actors: { tp: number; fp: number; fn: number; duplicates: number; f1: number };
}

const f1 = (tp: number, fp: number, fn: number) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
};

describe('extraction quality against the gold annotations', () => {
  const goldDir = path.join(sharedDir, 'gold');
  const golds = readdirSync(goldDir).filter((f) => f.endsWith('.json'));
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'sg-quality-')), 'pred.jsonl');
  const lines = golds.map((f) => {
    const g = JSON.parse(readFileSync(path.join(goldDir, f), 'utf8'));
    return JSON.stringify(extract(articleFromShared(g.article)));
  });
  writeFileSync(out, `${lines.join('\n')}\n`);
  const scorer = path.join(sharedDir, 'tools', 'score-stances.mjs');
  const json = execFileSync(process.execPath, [scorer, '--gold', goldDir, '--pred', out, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000, // a scorer that hangs fails here instead of blocking the run (a sync call stops vitest's timers)
    killSignal: 'SIGKILL',
  });
  const { rows } = JSON.parse(json) as { rows: Row[] };
  const seed = rows.filter((r) => !r.article.includes('-') || r.article.startsWith('000_'));
  const bbc = rows.filter((r) => !seed.includes(r));
  const sum = (rs: Row[], k: 'stances' | 'actors', f: 'tp' | 'fp' | 'fn') =>
    rs.reduce((n, r) => n + r[k][f], 0);

  it('scores every gold article', () => {
    expect(rows.length).toBe(golds.length);
    expect(seed.length).toBe(1);
    expect(bbc.length).toBe(3);
  });
  it('stance F1 >= 0.80 on the seed article', () => {
    expect(
      f1(sum(seed, 'stances', 'tp'), sum(seed, 'stances', 'fp'), sum(seed, 'stances', 'fn')),
    ).toBeGreaterThanOrEqual(0.8);
  });
  it('stance F1 >= 0.65 over the BBC gold articles together', () => {
    expect(
      f1(sum(bbc, 'stances', 'tp'), sum(bbc, 'stances', 'fp'), sum(bbc, 'stances', 'fn')),
    ).toBeGreaterThanOrEqual(0.65);
  });
  it('actor F1 >= 0.85 overall', () => {
    expect(
      f1(sum(rows, 'actors', 'tp'), sum(rows, 'actors', 'fp'), sum(rows, 'actors', 'fn')),
    ).toBeGreaterThanOrEqual(0.85);
  });
  it('zero duplicate actors', () => {
    expect(rows.map((r) => [r.article, r.actors.duplicates])).toEqual(rows.map((r) => [r.article, 0]));
  });
});
