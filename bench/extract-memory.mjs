#!/usr/bin/env node
// Extraction memory over a long run (`npm run bench:memory`): synthetic articles in which every
// seventh word is new, as names, numbers and typos are in real news. wink-nlp keeps every new word
// it reads; the extractor replaces its instance after 2M tokens, so the heap must stay flat
// however many articles go through. Prints heap and RSS after each round of 2,000 articles.
//
//   npm run bench:memory              # 8 rounds (16,000 articles, ~6.4M tokens)
//   node bench/extract-memory.mjs 20  # more rounds
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { extract } = await import(pathToFileURL(path.join(root, 'dist', 'extract', 'index.js')).href);
const { vocabularyResets } = await import(pathToFileURL(path.join(root, 'dist', 'extract', 'doc.js')).href);

const rounds = Number(process.argv[2] ?? 8);
const words =
  'the government said that it would oppose the plan as the minister left talks on Tuesday and'.split(' ');
let novel = 0;
function article(n) {
  const w = [];
  for (let k = 0; k < 400; k++)
    w.push(k % 7 === 0 ? `Zq${(novel++).toString(36)}x` : words[k % words.length]);
  return {
    id: `synthetic-${n}`,
    source: `synthetic/${n}`,
    title: 'Synthetic',
    text: `${w.join(' ')}.`,
    sha256: null,
  };
}
const rows = [];
const t0 = performance.now();
let n = 0;
for (let r = 1; r <= rounds; r++) {
  for (let i = 0; i < 2000; i++) extract(article(n++));
  globalThis.gc?.();
  const m = process.memoryUsage();
  rows.push({
    articles: n,
    'new words': novel,
    'heap MB': Math.round(m.heapUsed / 1e6),
    'RSS MB': Math.round(m.rss / 1e6),
    'wink resets': vocabularyResets(),
  });
}
console.table(rows);
const heaps = rows.map((r) => r['heap MB']);
console.log(
  `${n} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s; heap after the first round ${heaps[0]} MB, largest ${Math.max(...heaps)} MB, last ${heaps.at(-1)} MB` +
    (globalThis.gc ? '' : ' (run with node --expose-gc for exact heap figures)'),
);
