import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setVocabularyLimit, vocabularyResets } from '../../src/extract/doc.js';
import { extract } from '../../src/extract/index.js';
import { articleFromShared, sharedDir } from './helpers.js';

// wink-nlp learns every new word for good; the extractor replaces it after a number of tokens so that
// memory stays flat over millions of articles. Replacing it must not change what is extracted.
describe('wink-nlp vocabulary reset', () => {
  const seed = readdirSync(path.join(sharedDir, 'corpus', 'seed')).find((f) => f.endsWith('.txt'))!;
  const files = [
    `corpus/seed/${seed}`,
    ...readdirSync(path.join(sharedDir, 'corpus', 'bbc', 'politics'))
      .sort()
      .slice(0, 12)
      .map((f) => `corpus/bbc/politics/${f}`),
  ];
  const articles = files.map(articleFromShared);
  const previous = setVocabularyLimit(2_000_000);
  afterAll(() => {
    setVocabularyLimit(previous);
  });

  it('extracts the same with a fresh vocabulary every few hundred tokens as without', () => {
    const before = articles.map((a) => JSON.stringify(extract(a)));
    const resets0 = vocabularyResets();
    setVocabularyLimit(300);
    const after = articles.map((a) => JSON.stringify(extract(a)));
    expect(vocabularyResets() - resets0).toBeGreaterThanOrEqual(articles.length - 1);
    expect(after).toEqual(before);
    // the seed article still has its stances (the comparison above is not between two empty results)
    expect(JSON.parse(after[0]).stances.length).toBeGreaterThan(5);
  });
});
