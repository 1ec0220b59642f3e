import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/types.js';

function findRoot(dir: string): string {
  let d = dir;
  while (!existsSync(path.join(d, 'package.json')) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}
export const repoRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const sharedDir = path.resolve(repoRoot, '..', 'shared');

/** Minimal cleaning of a corpus file (the real reader lives in src/articles). */
export function cleanCorpusText(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const l = line.trim();
    if (
      /^[A-Z][A-Za-z .&-]{1,30} ?, (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}$/.test(
        l,
      )
    )
      continue;
    if (/\(Photo:[^)]*\)\s*$/.test(l)) continue;
    if (/^Short link:/.test(l)) continue;
    out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function articleFromText(text: string, source = 'test.txt'): Article {
  const title = text.split('\n')[0] ?? null;
  return {
    id: `sha256:${createHash('sha256').update(text).digest('hex')}`,
    source,
    title,
    publisher: null,
    publishedAt: null,
    url: null,
    text,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

/** An Article from a file under ../shared (relative path as in the gold files). */
export function articleFromShared(rel: string): Article {
  const raw = readFileSync(path.join(sharedDir, rel), 'utf8');
  return articleFromText(cleanCorpusText(raw), rel);
}
