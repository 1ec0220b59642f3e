/** Issue 4: the loader's pure parts (no database): resolution, preparation, validation. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { query } from '../src/cypher.js';
import { luceneQuery } from '../src/graph/actors.js';
import { prepareArticle, readAhead } from '../src/graph/load.js';
import { isoDate, Resolver, SUMMARY_TYPES, stanceId } from '../src/graph/model.js';
import { resultProblems } from '../src/graph/validate.js';
import type { ExtractionResult } from '../src/types.js';
import { ROOT } from './helpers/neo4j.js';

const fixture = (name: string): ExtractionResult =>
  JSON.parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'load', name), 'utf8').split('\n')[0]);

describe('Resolver', () => {
  it('follows aliases and merges to the end of a chain, and stops on a cycle', () => {
    const r = new Resolver({ kremlin: 'russia-gov', Moscow: 'russia' }, [
      ['russia-gov', 'russia'],
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(r.resolve('kremlin')).toBe('russia');
    expect(r.resolve('russia')).toBe('russia');
    expect(r.resolve('unknown')).toBe('unknown');
    expect(['a', 'b']).toContain(r.resolve('a'));
  });
  it('lets the aliases file win over a merge recorded in the database', () => {
    expect(new Resolver({ x: 'y' }, [['x', 'z']]).resolve('x')).toBe('y');
  });
});

describe('prepareArticle', () => {
  it('maps actor ids through the resolver, folding actors that become one', () => {
    const p = prepareArticle(fixture('a3.jsonl'), new Resolver({ 'the-kremlin': 'russia' }));
    const ru = p.actors.find((a) => a.id === 'russia')!;
    expect(p.actors.map((a) => a.id).sort()).toEqual(['russia', 'sergei-lavrov', 'united-states']);
    expect(ru.authoritative).toBe(true);
    expect(ru.aliases).toEqual(['Kremlin', 'Moscow', 'The Kremlin']);
    // Two CRITICIZE stances in the same sentence now share holder, target and kind: one is kept.
    expect(p.stances.filter((s) => s.kind === 'CRITICIZE')).toHaveLength(1);
    expect(p.stances.every((s) => s.holderId === 'russia')).toBe(true);
    expect(p.mentions.find((m) => m.actorId === 'russia')!.count).toBe(5);
    expect(p.represents).toEqual([
      {
        fromId: 'sergei-lavrov',
        toId: 'russia',
        role: 'spokesman',
        articleId: 'url:https://example.test/a3',
      },
    ]);
  });

  it('gives stable stance ids and a content hash that ignores where the result was read from', () => {
    const a = prepareArticle(fixture('a1.jsonl'), new Resolver(), null, 'one.jsonl#L1');
    const b = prepareArticle(fixture('a1.jsonl'), new Resolver(), null, 'two.jsonl#L9');
    expect(a.stances.map((s) => s.id)).toEqual(b.stances.map((s) => s.id));
    expect(a.article.contentHash).toBe(b.article.contentHash);
    expect(a.stances[0].id).toBe(
      stanceId('url:https://example.test/a1', 0, 'russia', 'topic:draft-resolution', 'OPPOSE'),
    );
    const c = prepareArticle(fixture('a1.jsonl'), new Resolver({ 'united-states': 'usa' }));
    expect(c.article.contentHash).not.toBe(a.article.contentHash);
    expect(a.stances[0]).toMatchObject({ voicedBy: 'sergei-lavrov', speakerId: 'sergei-lavrov' });
    expect(a.stances[1]).toMatchObject({ voicedBy: null, speakerId: null });
  });

  it('refuses malformed results with the reasons', () => {
    const bad = fixture('a2.jsonl');
    bad.stances[0].source = 'nobody';
    (bad.stances[1] as { kind: string }).kind = 'LIKE';
    expect(() => prepareArticle(bad, new Resolver())).toThrow(
      /stances\[0\]\.source "nobody".*stances\[1\]\.kind "LIKE"/,
    );
    expect(resultProblems({ article: {} })).toEqual([
      'article.id is missing or not a string',
      'no "actors" array',
    ]);
    expect(resultProblems(null)).toEqual(['not a JSON object']);
  });
});

describe('helpers', () => {
  it('isoDate keeps the date of an ISO date or timestamp', () => {
    expect(isoDate('2012-01-31')).toBe('2012-01-31');
    expect(isoDate('2012-01-31T10:00:00Z')).toBe('2012-01-31');
    expect(isoDate('31 Jan 2012')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });
  it('luceneQuery escapes special characters and makes prefixes', () => {
    expect(luceneQuery('Beij')).toBe('Beij*');
    expect(luceneQuery('al-Assad (Syria)')).toBe('al\\-Assad* AND \\(Syria\\)*');
  });
});

describe('cypher/load.cypher', () => {
  it('every summary-edge pattern in load.cypher names exactly the summary types of model.ts', () => {
    const expected = Object.values(SUMMARY_TYPES).sort();
    for (const name of ['summaryEdges', 'summaryState', 'writeSummaries']) {
      const patterns = [...query('load', name).matchAll(/\[r:([A-Z_|]+)\]/g)].map((m) =>
        m[1].split('|').sort(),
      );
      expect(patterns.length, name).toBeGreaterThan(0);
      for (const types of patterns) expect(types, name).toEqual(expected);
    }
  });
});

describe('readAhead', () => {
  it('reads the first items at once, yields everything in order, and ends the source when closed', async () => {
    const pulled: number[] = [];
    let ended = false;
    async function* source() {
      try {
        for (let i = 0; i < 10; i++) {
          pulled.push(i);
          yield i;
        }
      } finally {
        ended = true;
      }
    }
    const ahead = readAhead(source(), 3);
    await new Promise((r) => setTimeout(r, 10));
    expect(pulled).toEqual([0, 1, 2]); // before anything was consumed
    const got: number[] = [];
    for await (const x of ahead) got.push(x);
    expect(got).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ended).toBe(true);

    pulled.length = 0;
    ended = false;
    const unused = readAhead(source(), 3);
    await new Promise((r) => setTimeout(r, 10));
    await unused.close(); // e.g. the migrations failed: nothing will be consumed
    expect(ended).toBe(true);
    expect(pulled).toEqual([0, 1, 2]);

    pulled.length = 0;
    await readAhead(source(), 3).close(); // closed before it started: the source is never read
    expect(pulled).toEqual([]);
  });

  it('hands a failure of the source to the consumer, after the items before it', async () => {
    async function* source() {
      yield 1;
      throw new Error('disk gone');
    }
    const ahead = readAhead(source(), 5);
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const x of ahead) got.push(x);
      })(),
    ).rejects.toThrow('disk gone');
    expect(got).toEqual([1]);
  });
});
