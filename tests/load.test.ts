/** Issue 4: the loader, against the real test Neo4j; the CLI runs as a process (build first). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denseCorpus } from '../bench/dense-corpus.mjs';
import { queries } from '../src/cypher.js';
import { loadResults, warmUp } from '../src/graph/load.js';
import { ensureMigrated } from '../src/neo4j/migrate.js';
import { findSummaryProblems } from './fixtures/load/graph-checks.js';
import { ROOT, resetDatabase, runCli, SHARED, testDriver, testNeo4j } from './helpers/neo4j.js';

const FIX = path.join(ROOT, 'tests', 'fixtures', 'load');
const fx = (name: string) => path.join(FIX, name);

let driver: Driver;
const db = () => testNeo4j().database;

async function rows(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const { records } = await driver.executeQuery(cypher, params, { database: db() });
  return records.map((r) => r.toObject());
}

async function stats(env?: Record<string, string>): Promise<unknown> {
  const res = await runCli(['stats', '--json'], { env });
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout);
}

const summaryProblems = () => findSummaryProblems(driver, db());

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
});
afterAll(async () => {
  await driver?.close();
});

describe('stancegraph load (seed article, extracted on the fly)', () => {
  const seed = path.join(SHARED, 'corpus', 'seed');

  it('loads the seed, and loading it again changes nothing', async () => {
    await resetDatabase(driver);
    const first = await runCli(['load', seed, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const s1 = JSON.parse(first.stdout);
    expect(s1).toMatchObject({ loaded: 1, unchanged: 0, failed: 0 });
    expect(s1.stances).toBeGreaterThan(0);
    const before = await stats();

    const second = await runCli(['load', seed, '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ loaded: 0, unchanged: 1, failed: 0 });
    expect(await stats()).toEqual(before);
    expect(await summaryProblems()).toEqual([]);
  });

  it('writes the graph model: kind labels, provenance, offsets into Article.text', async () => {
    const [art] = await rows('MATCH (a:Article) RETURN a');
    const a = (art.a as { properties: Record<string, unknown> }).properties;
    expect(a.id).toMatch(/^(sha256|url):/);
    expect(a.publishedAt).toBe('2012-01-31');
    expect(a.publisher).toBe('AFP');
    expect(typeof a.text).toBe('string');
    expect(a.extractor).toMatch(/^stancegraph-/);

    // Every stance's offsets point at its quote in the article text.
    const off = await rows(
      `MATCH (s:Stance)-[:STATED_IN]->(a:Article)
       RETURN count(s) AS n, count(CASE WHEN substring(a.text, s.start, s.end - s.start) = s.quote THEN 1 END) AS ok`,
    );
    expect(off[0].n).toBeGreaterThan(0);
    expect(off[0].ok).toBe(off[0].n);

    const labels = await rows(
      `MATCH (a:Actor) RETURN count(a) AS n,
              count(CASE WHEN size([l IN labels(a) WHERE l IN ['Country','Government','Person','Organization','Group','Location']]) = 1 THEN 1 END) AS labelled`,
    );
    expect(labels[0].labelled).toBe(labels[0].n);

    const shape = await rows(
      `MATCH (h:Actor)-[:HOLDS]->(s:Stance)-[:TOWARD]->(t), (s)-[:STATED_IN]->(:Article)
       RETURN count(s) AS n,
              count(CASE WHEN all(k IN keys(s) WHERE k IN ['id', 'kind', 'polarity', 'quote', 'sentence', 'start', 'end', 'negated', 'confidence', 'publishedAt']) THEN 1 END) AS ids,
              count(CASE WHEN s.polarity IN [-1, 0, 1] AND s.id STARTS WITH 'stance:' THEN 1 END) AS typed`,
    );
    expect(shape[0].ids).toBe(shape[0].n);
    expect(shape[0].typed).toBe(shape[0].n);
    const total = await rows('MATCH (s:Stance) RETURN count(s) AS n');
    expect(shape[0].n).toBe(total[0].n);

    const mentions = await rows(
      'MATCH (:Article)-[m:MENTIONS]->(:Actor) RETURN count(m) AS n, min(m.count) AS min',
    );
    expect(mentions[0].n).toBeGreaterThan(0);
    const reps = await rows(
      'MATCH (:Actor)-[r:REPRESENTS]->(:Actor) RETURN count(r) AS n, min(size(r.articles)) AS minArticles',
    );
    expect(reps[0].n).toBeGreaterThan(0);
    expect(reps[0].minArticles).toBe(1);
  });

  // Depends on the extraction engine (src/extract): Russia opposes the draft resolution.
  it('done-check: Russia OPPOSES something named like "resolution"', async () => {
    const res = await runCli([
      'cypher',
      'MATCH (a:Actor)-[:OPPOSES]->(t) RETURN a.name AS a, t.name AS t',
      '--json',
    ]);
    expect(res.code, res.stderr).toBe(0);
    const found = (JSON.parse(res.stdout) as { a: string; t: string }[]).filter(
      (r) => r.a === 'Russia' && /resolution/i.test(r.t),
    );
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('stancegraph load --from-jsonl (fixtures)', () => {
  it('keeps summary edges in step across two articles (count, firstSeen, lastSeen, polarity)', async () => {
    await resetDatabase(driver);
    const res = await runCli(['load', '--from-jsonl', fx('a1.jsonl'), fx('a2.jsonl'), '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ loaded: 2, failed: 0, stances: 5 });
    const edges = await rows(
      `MATCH (h:Actor)-[r]->(t) WHERE type(r) IN ['OPPOSES','SUPPORTS','CRITICIZES','REJECTS']
       RETURN h.id AS h, type(r) AS type, t.id AS t, r.count AS count, r.firstSeen AS first, r.lastSeen AS last, r.polarity AS pol
       ORDER BY h, type, t`,
    );
    expect(edges).toEqual([
      {
        h: 'china',
        type: 'REJECTS',
        t: 'topic:draft-resolution',
        count: 1,
        first: '2024-02-20',
        last: '2024-02-20',
        pol: -1,
      },
      {
        h: 'china',
        type: 'SUPPORTS',
        t: 'russia',
        count: 1,
        first: '2024-02-20',
        last: '2024-02-20',
        pol: 1,
      },
      {
        h: 'russia',
        type: 'CRITICIZES',
        t: 'united-states',
        count: 1,
        first: '2024-01-10',
        last: '2024-01-10',
        pol: -1,
      },
      {
        h: 'russia',
        type: 'OPPOSES',
        t: 'topic:draft-resolution',
        count: 2,
        first: '2024-01-10',
        last: '2024-02-20',
        pol: -1,
      },
    ]);
    const voiced = await rows(
      'MATCH (h:Actor)-[:HOLDS]->(s:Stance)-[:VOICED_BY]->(v:Actor) RETURN h.id AS holder, v.id AS speaker',
    );
    expect(voiced).toEqual([{ holder: 'russia', speaker: 'sergei-lavrov' }]);
    const rep = await rows(
      'MATCH (a:Actor)-[r:REPRESENTS]->(b:Actor) RETURN a.id AS a, b.id AS b, r.role AS role, r.articles AS articles',
    );
    expect(rep).toEqual([
      {
        a: 'sergei-lavrov',
        b: 'russia',
        role: 'foreign minister',
        articles: ['url:https://example.test/a1'],
      },
    ]);
    const ru = await rows(
      "MATCH (a:Actor:Country {id: 'russia'}) RETURN a.aliases AS aliases, a.aliasText AS text",
    );
    expect(ru).toEqual([{ aliases: ['Moscow'], text: 'Moscow' }]);
    expect(await summaryProblems()).toEqual([]);
  });

  it('keeps summary edges in step load after load: two loads give the edges of one', async () => {
    const edges = () =>
      rows(
        `MATCH (h:Actor)-[r]->(t) WHERE r.count IS NOT NULL
         RETURN h.id AS h, type(r) AS type, t.id AS t, r.count AS count, r.firstSeen AS first,
                r.lastSeen AS last, r.polarity AS pol ORDER BY h, type, t`,
      );
    await resetDatabase(driver);
    const both = await runCli(['load', '--from-jsonl', fx('a1.jsonl'), fx('a2.jsonl'), '--json']);
    expect(both.code, both.stderr).toBe(0);
    const together = await edges();
    expect(together.length).toBeGreaterThan(0);
    await resetDatabase(driver);
    // a2 first: a1's earlier dates must move firstSeen back when it comes second.
    for (const f of ['a2.jsonl', 'a1.jsonl']) {
      const one = await runCli(['load', '--from-jsonl', fx(f), '--json']);
      expect(one.code, one.stderr).toBe(0);
    }
    expect(await edges()).toEqual(together);
    expect(await summaryProblems()).toEqual([]);
  });

  it('replaces an article reloaded with a new extraction: old stances, mentions and edges go', async () => {
    const res = await runCli(['load', '--from-jsonl', fx('a1-changed.jsonl'), '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ loaded: 1, unchanged: 0 });
    const a1 = 'url:https://example.test/a1';
    const stances = await rows(
      'MATCH (t)<-[:TOWARD]-(s:Stance)-[:STATED_IN]->(:Article {id: $id}) RETURN s.kind AS kind, t.id AS target ORDER BY kind',
      { id: a1 },
    );
    expect(stances).toEqual([{ kind: 'SUPPORT', target: 'topic:draft-resolution' }]);
    const edges = await rows(
      `MATCH (h:Actor {id: 'russia'})-[r]->(t) WHERE type(r) IN ['OPPOSES','SUPPORTS','CRITICIZES']
       RETURN type(r) AS type, t.id AS t, r.count AS count, r.firstSeen AS first ORDER BY type`,
    );
    expect(edges).toEqual([
      { type: 'OPPOSES', t: 'topic:draft-resolution', count: 1, first: '2024-02-20' },
      { type: 'SUPPORTS', t: 'topic:draft-resolution', count: 1, first: '2024-01-11' },
    ]);
    // The United States was only in the old version of a1: no mention, no node left.
    expect(await rows("MATCH (a:Actor {id: 'united-states'}) RETURN a")).toEqual([]);
    const art = await rows('MATCH (a:Article {id: $id}) RETURN a.sha256 AS sha, a.publishedAt AS date', {
      id: a1,
    });
    expect(art).toEqual([{ sha: 'a1sha-v2', date: '2024-01-11' }]);
    expect(await summaryProblems()).toEqual([]);

    // The same result again: unchanged, nothing written.
    const before = await stats();
    const again = await runCli(['load', '--from-jsonl', fx('a1-changed.jsonl'), '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ loaded: 0, unchanged: 1 });
    expect(await stats()).toEqual(before);
  });

  it('keeps summary edges exact with parallel write transactions, two loaders and reloads', async () => {
    // Stance-dense: every batch touches the same (holder, target, kind) pairs, so the lanes and the
    // two processes race on the same summary edges; --batch 4 makes them interleave many times.
    const work = mkdtempSync(path.join(os.tmpdir(), 'sg-lanes-'));
    try {
      const write = (name: string, text: string) => {
        writeFileSync(path.join(work, name), text);
        return path.join(work, name);
      };
      const a = write('a.jsonl', denseCorpus(40, 12, 9));
      const b = write('b.jsonl', denseCorpus(40, 12, 9, { from: 20 }));
      // Articles 10..29 re-extracted: other kinds, targets and dates (deleted stances: recompute).
      const changed = write('changed.jsonl', denseCorpus(20, 12, 9, { from: 10, version: 1 }));
      const load = (file: string, lanes: string) =>
        runCli(['load', '--from-jsonl', file, '--batch', '4', '--concurrency', lanes, '--json']);

      await resetDatabase(driver);
      const [ra, rb] = await Promise.all([load(a, '3'), load(b, '2')]);
      expect(ra.code, ra.stderr).toBe(0);
      expect(rb.code, rb.stderr).toBe(0);
      expect(await rows('MATCH (a:Article) RETURN count(a) AS n')).toEqual([{ n: 60 }]);
      expect(await summaryProblems()).toEqual([]);

      // The re-extraction, while another loader adds new articles on the same pairs.
      const c = write('c.jsonl', denseCorpus(20, 12, 9, { from: 60 }));
      const [rchanged, rc] = await Promise.all([load(changed, '3'), load(c, '2')]);
      expect(rchanged.code, rchanged.stderr).toBe(0);
      expect(JSON.parse(rchanged.stdout)).toMatchObject({ loaded: 20, unchanged: 0 });
      expect(rc.code, rc.stderr).toBe(0);
      expect(await summaryProblems()).toEqual([]);

      // The same graph as one sequential load of the same final inputs, in one transaction at a time.
      const edges = () =>
        rows(
          `MATCH (h:Actor)-[r]->(t) WHERE r.count IS NOT NULL
           RETURN h.id AS h, type(r) AS type, t.id AS t, r.count AS count, r.firstSeen AS first,
                  r.lastSeen AS last, r.polarity AS pol, r.polaritySum AS sum ORDER BY h, type, t`,
        );
      const parallel = { stats: await stats(), edges: await edges() };
      const final = write(
        'final.jsonl',
        denseCorpus(10, 12, 9) +
          denseCorpus(20, 12, 9, { from: 10, version: 1 }) +
          denseCorpus(50, 12, 9, { from: 30 }),
      );
      await resetDatabase(driver);
      const one = await runCli(['load', '--from-jsonl', final, '--concurrency', '1', '--json']);
      expect(one.code, one.stderr).toBe(0);
      expect({ stats: await stats(), edges: await edges() }).toEqual(parallel);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('recomputes a summary edge written without a polarity sum (an older load) instead of adding to it', async () => {
    await resetDatabase(driver);
    const first = await runCli(['load', '--from-jsonl', fx('a1.jsonl'), '--json']);
    expect(first.code, first.stderr).toBe(0);
    // What an older stancegraph left: no polaritySum, and (to see the recompute) a wrong count.
    await rows('MATCH (:Actor)-[r]->() WHERE r.count IS NOT NULL SET r.count = 99 REMOVE r.polaritySum');
    const second = await runCli(['load', '--from-jsonl', fx('a2.jsonl'), '--json']);
    expect(second.code, second.stderr).toBe(0);
    // Russia OPPOSES the draft resolution in a1 and a2: recomputed from both Stances, not 99 + 1.
    expect(
      await rows(
        `MATCH (:Actor {id: 'russia'})-[r:OPPOSES]->(:Topic {id: 'topic:draft-resolution'})
         RETURN r.count AS count, r.polaritySum AS sum`,
      ),
    ).toEqual([{ count: 2, sum: -2 }]);
    // Every edge a2 touched is exact; the one it did not (Russia CRITICIZES the US) keeps the mark.
    const stale = await rows(
      `MATCH (h:Actor)-[:HOLDS]->(s:Stance)-[:TOWARD]->(t), (s)-[:STATED_IN]->(:Article {id: $a2})
       MATCH (h)-[r]->(t) WHERE r.count IS NOT NULL AND (r.count = 99 OR r.polaritySum IS NULL)
       RETURN count(r) AS n`,
      { a2: 'url:https://example.test/a2' },
    );
    expect(stale).toEqual([{ n: 0 }]);
    expect(
      await rows(
        "MATCH (:Actor {id: 'russia'})-[r:CRITICIZES]->(:Actor {id: 'united-states'}) RETURN r.count AS c",
      ),
    ).toEqual([{ c: 99 }]);
  });

  it('reports bad JSON Lines entries by line, loads the rest, exits 1', async () => {
    await resetDatabase(driver);
    const res = await runCli(['load', '--from-jsonl', fx('mixed.jsonl'), '--json']);
    expect(res.code).toBe(1);
    const s = JSON.parse(res.stdout);
    expect(s).toMatchObject({ loaded: 2, failed: 3 });
    expect(res.stderr).toMatch(/mixed\.jsonl#L2: invalid JSON/);
    expect(res.stderr).toMatch(/mixed\.jsonl#L3: .*article\.id/);
    expect(res.stderr).toMatch(/mixed\.jsonl#L4: .*"nobody" is not an actor id/);
    expect((await rows('MATCH (a:Article) RETURN count(a) AS n'))[0].n).toBe(2);
  });

  it('reports bad files in a mixed folder by name, loads the good ones, exits 1', async () => {
    await resetDatabase(driver);
    const res = await runCli(['load', fx('mixed-folder'), '--json']);
    expect(res.code).toBe(1);
    const s = JSON.parse(res.stdout);
    expect(s).toMatchObject({ loaded: 2, failed: 3 });
    for (const bad of ['empty.txt', 'german.txt', 'no-article.html'])
      expect(res.stderr).toContain(`mixed-folder/${bad}:`);
    expect(res.stderr).not.toContain('good-');
    const sources = await rows('MATCH (a:Article) RETURN a.source AS s ORDER BY s');
    expect(sources.map((r) => path.basename(String(r.s)))).toEqual(['good-agency.txt', 'good-bbc.txt']);
  });

  it('fails fast and clearly when Neo4j is unreachable', async () => {
    const started = Date.now();
    const res = await runCli(['load', '--from-jsonl', fx('a1.jsonl')], {
      env: { NEO4J_URI: 'bolt://127.0.0.1:1' },
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/unreachable at bolt:\/\/127\.0\.0\.1:1/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('stancegraph actors merge', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-aliases-'));
  const aliases = path.join(dir, 'aliases.json');
  const loadAllWithAliases = () =>
    runCli(['load', '--from-jsonl', fx('a1.jsonl'), fx('a2.jsonl'), fx('a3.jsonl'), '--aliases', aliases]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves every relationship to INTO, records the alias, and later loads land on INTO', async () => {
    await resetDatabase(driver);
    writeFileSync(aliases, '{\n  "Moskva": "russia"\n}\n');
    const load = await loadAllWithAliases();
    expect(load.code, load.stderr).toBe(0);
    const kremlin = await rows(
      "MATCH (k:Actor {id: 'the-kremlin'}) RETURN COUNT { (k)-[:HOLDS]->() } AS holds, COUNT { ()-[:MENTIONS]->(k) } AS mentions",
    );
    expect(kremlin).toEqual([{ holds: 2, mentions: 1 }]);
    const mentionsBefore = await rows(
      "MATCH (:Article {id: 'url:https://example.test/a3'})-[m:MENTIONS]->(a:Actor) WHERE a.id IN ['russia', 'the-kremlin'] RETURN sum(m.count) AS n",
    );

    const res = await runCli(['actors', 'merge', 'the-kremlin', 'russia', '--aliases', aliases, '--json']);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.moved).toMatchObject({ holds: 2, mentions: 1, represents: 1 });
    expect(out.duplicateStancesDropped).toBe(1);

    expect(await rows("MATCH (k:Actor {id: 'the-kremlin'}) RETURN k")).toEqual([]);
    const ru = await rows(
      "MATCH (r:Actor {id: 'russia'}) RETURN r.mergedIds AS merged, r.aliases AS aliases",
    );
    expect(ru[0].merged).toEqual(['the-kremlin']);
    expect(ru[0].aliases).toEqual(expect.arrayContaining(['Kremlin', 'The Kremlin', 'Moscow']));
    const stances = await rows(
      "MATCH (h:Actor)-[:HOLDS]->(s:Stance)-[:STATED_IN]->(:Article {id: 'url:https://example.test/a3'}) RETURN h.id AS h, s.kind AS kind ORDER BY kind",
    );
    expect(stances).toEqual([
      { h: 'russia', kind: 'CONDEMN' },
      { h: 'russia', kind: 'CRITICIZE' },
    ]);
    const crit = await rows(
      "MATCH (:Actor {id: 'russia'})-[r:CRITICIZES]->(:Actor {id: 'united-states'}) RETURN r.count AS n",
    );
    expect(crit).toEqual([{ n: 2 }]);
    const mentionsAfter = await rows(
      "MATCH (:Article {id: 'url:https://example.test/a3'})-[m:MENTIONS]->(a:Actor {id: 'russia'}) RETURN sum(m.count) AS n, count(m) AS rels",
    );
    expect(mentionsAfter).toEqual([{ n: mentionsBefore[0].n, rels: 1 }]);
    const rep = await rows(
      "MATCH (:Actor {id: 'sergei-lavrov'})-[r:REPRESENTS]->(b) RETURN b.id AS b, r.articles AS articles",
    );
    expect(rep).toEqual([
      { b: 'russia', articles: ['url:https://example.test/a1', 'url:https://example.test/a3'] },
    ]);
    expect(await summaryProblems()).toEqual([]);

    const file = readFileSync(aliases, 'utf8');
    expect(JSON.parse(file)).toEqual({ Moskva: 'russia', 'the-kremlin': 'russia' });
    expect(file).toBe('{\n  "Moskva": "russia",\n  "the-kremlin": "russia"\n}\n');

    // The merged graph is what a fresh load with the alias gives.
    const merged = await stats();
    const ids = await rows('MATCH (s:Stance) RETURN s.id AS id ORDER BY id');
    await resetDatabase(driver);
    const fresh = await loadAllWithAliases();
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(await stats()).toEqual(merged);
    expect(await rows('MATCH (s:Stance) RETURN s.id AS id ORDER BY id')).toEqual(ids);
  });

  it('moves VOICED_BY with its speaker, and drops it when the holder becomes its own speaker', async () => {
    const voices = () =>
      rows(
        `MATCH (h:Actor)-[:HOLDS]->(s:Stance)
         RETURN h.id AS holder, s.kind AS kind, [(s)-[:VOICED_BY]->(v) | v.id] AS speakers ORDER BY kind`,
      );
    for (const [into, speakers] of [
      ['united-states', ['united-states']],
      ['russia', []],
    ] as const) {
      await resetDatabase(driver);
      const load = await runCli(['load', '--from-jsonl', fx('a1.jsonl')]);
      expect(load.code, load.stderr).toBe(0);
      expect((await voices())[1]).toEqual({ holder: 'russia', kind: 'OPPOSE', speakers: ['sergei-lavrov'] });
      const file = path.join(dir, `voiced-${into}.json`);
      const res = await runCli(['actors', 'merge', 'sergei-lavrov', into, '--aliases', file, '--json']);
      expect(res.code, res.stderr).toBe(0);
      expect(await voices()).toEqual([
        { holder: 'russia', kind: 'CRITICIZE', speakers: [] },
        { holder: 'russia', kind: 'OPPOSE', speakers },
      ]);
    }
  });

  it('a later load mentioning FROM lands on INTO, from mergedIds even without the aliases file', async () => {
    await resetDatabase(driver);
    await runCli(['load', '--from-jsonl', fx('a3.jsonl')]);
    const res = await runCli(['actors', 'merge', 'the-kremlin', 'russia', '--aliases', aliases]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("Merged 'the-kremlin' into 'russia'");
    // No aliases file at all this time: the merge recorded in the graph is enough.
    const later = await runCli(['load', '--from-jsonl', fx('a4.jsonl')], {
      env: { STANCEGRAPH_ALIASES: '' },
      cwd: dir,
    });
    expect(later.code, later.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'stancegraph.aliases.json'))).toBe(false);
    expect(await rows("MATCH (k:Actor {id: 'the-kremlin'}) RETURN k")).toEqual([]);
    const urges = await rows(
      'MATCH (h:Actor)-[r:URGES]->(t:Actor) RETURN h.id AS h, t.id AS t, r.count AS n',
    );
    expect(urges).toEqual([{ h: 'russia', t: 'china', n: 1 }]);
  });

  it('creates the aliases file when missing; refuses unknown ids and FROM == INTO', async () => {
    await resetDatabase(driver);
    await runCli(['load', '--from-jsonl', fx('a2.jsonl')]);
    const created = path.join(dir, 'created.json');
    const ok = await runCli(['actors', 'merge', 'china', 'russia', '--aliases', created]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(created, 'utf8'))).toEqual({ china: 'russia' });

    const unknown = await runCli(['actors', 'merge', 'atlantis', 'russia', '--aliases', created]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no actor with id 'atlantis'");
    const again = await runCli(['actors', 'merge', 'china', 'russia', '--aliases', created]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("'china' was already merged into 'russia'");
    const self = await runCli(['actors', 'merge', 'russia', 'russia', '--aliases', created]);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('into itself');
    const into = await runCli(['actors', 'merge', 'russia', 'nowhere', '--aliases', created]);
    expect(into.code).toBe(1);
    expect(into.stderr).toContain("no actor with id 'nowhere'");
  });

  it('actors list finds actors by alias', async () => {
    const res = await runCli(['actors', 'list', '--search', 'Beij', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect((JSON.parse(res.stdout) as { id: string }[]).map((r) => r.id)).toEqual(['russia']);
    const all = await runCli(['actors', 'list']);
    expect(all.stdout).toContain('"russia"');
  });
});

/** The results of a JSON Lines extraction output, for calling loadResults directly. */
const parseJsonl = (jsonl: string) =>
  jsonl
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('the loader reads ahead of its writes', () => {
  it('reads (and so extracts) up to readAhead inputs ahead, and no further than that and its queued batches', async () => {
    await resetDatabase(driver);
    const results = parseJsonl(denseCorpus(120, 3, 9));
    let pulled = 0;
    let done = 0;
    let most = 0;
    function* source() {
      for (const r of results) {
        pulled++;
        most = Math.max(most, pulled - done);
        yield r;
      }
    }
    const summary = await loadResults(driver, db(), source(), {
      batchSize: 5,
      readAhead: 40,
      onArticle: () => {
        done++;
      },
    });
    expect(summary.loaded).toBe(120);
    // Migrating and writing the first batch take round trips: the reading does not wait for them.
    expect(most).toBeGreaterThanOrEqual(40);
    // The read-ahead, the batch being formed, the two queued batches and the one being written.
    expect(most).toBeLessThanOrEqual(40 + 5 * 4);
  });
});

describe('two write transactions at once (the default)', () => {
  it('leave the graph a load one batch at a time leaves: the later article names and types an actor', async () => {
    await resetDatabase(driver);
    // A slow batch (3,000 stances) then a quick one: the quick one would commit first.
    const [heavy] = parseJsonl(denseCorpus(1, 3000, 9));
    const [light] = parseJsonl(denseCorpus(1, 2, 9, { from: 1 }));
    const ids = (r: { actors: { id: string }[] }) => r.actors.map((a) => a.id);
    const shared = ids(heavy).find((id) => ids(light).includes(id));
    expect(shared).toBeDefined();
    const retype = (
      r: { actors: { id: string; name: string; kind: string }[] },
      name: string,
      kind: string,
    ) => {
      for (const a of r.actors) if (a.id === shared) Object.assign(a, { name, kind });
    };
    retype(heavy, 'Earlier Name', 'PERSON');
    retype(light, 'Later Name', 'ORGANIZATION');
    const actor = async () =>
      (
        await driver.executeQuery(
          'MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.kind AS kind, labels(a) AS labels',
          { id: shared },
          { database: db() },
        )
      ).records[0];
    const summary = await loadResults(driver, db(), [heavy, light], { batchSize: 1, concurrency: 2 });
    expect(summary.loaded).toBe(2);
    const r1 = await actor();
    expect(r1.toObject()).toMatchObject({ name: 'Later Name', kind: 'ORGANIZATION' });
    expect([...r1.get('labels')].sort()).toEqual(['Actor', 'Organization']);
    // the same two articles in one batch: the same graph (the first article's word stood)
    await resetDatabase(driver);
    await loadResults(driver, db(), [heavy, light], { batchSize: 2 });
    const r2 = await actor();
    expect(r2.toObject()).toMatchObject({ name: 'Later Name', kind: 'ORGANIZATION' });
    expect([...r2.get('labels')].sort()).toEqual(['Actor', 'Organization']);
  });
});

describe('the loader queries, planned on an empty database', () => {
  // A load into an empty database plans its queries there, and `replan=skip` keeps those plans
  // for the server's life: a plan that scans (all relationships, every node of a label) looked
  // free then and costs a pass over the whole graph per row later. writeSummaries found summary
  // edges by `MATCH ()-[r]->() WHERE elementId(r) = ...`, planned as a scan of every relationship.
  const intended: Record<string, RegExp> = {
    mergedIds: /^NodeByLabelScan .*a:Actor$/, // reads every actor's merged ids, on purpose
    summaryLock: /^NodeByLabelScan .*l:LoadLock$/, // one node
  };
  const operators = (plan: {
    operatorType: string;
    arguments: Record<string, unknown>;
    children: unknown[];
  }): string[] => [
    `${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')}`,
    ...plan.children.flatMap((c) => operators(c as typeof plan)),
  ];

  it('look nodes and relationships up by index, never by scanning', async () => {
    await resetDatabase(driver);
    const found: string[] = [];
    for (const [name, text] of Object.entries(queries('load'))) {
      if (name === 'awaitSearchIndexes') continue; // a procedure call
      const params = Object.fromEntries(
        [...text.matchAll(/\$(\w+)/g)].map((m) => [m[1], m[1] === 'loadedAt' ? '' : []]),
      );
      // A comment makes the text new to the query cache, so it is planned here, on the empty graph.
      const { summary } = await driver.executeQuery(`EXPLAIN ${text} // plan test ${Date.now()}`, params, {
        database: db(),
      });
      const scans = operators(summary.plan as never).filter(
        (o) => /Scan/.test(o) && !intended[name]?.test(o),
      );
      found.push(...scans.map((o) => `${name}: ${o}`));
    }
    expect(found).toEqual([]);
  });

  it('are planned by the warm-up as a batch runs them: the first batch plans nothing more', async () => {
    // The server's plan cache keys on the query, its parameters' names and types and whether the
    // transaction has written yet; a warm-up that differs in any of them plans in vain.
    const cacheSize = async () => {
      const { records } = await driver.executeQuery('CALL db.clearQueryCaches()', {}, { database: db() });
      const n = String(records[0].get(0)).match(/(\d+)/)?.[1];
      return n === undefined ? 0 : Number(n);
    };
    await resetDatabase(driver);
    const [a, b, c] = parseJsonl(denseCorpus(3, 4, 9));
    await loadResults(driver, db(), [a]); // migrates and warms this driver up
    await cacheSize();
    await loadResults(driver, db(), [b]); // no warm-up: what a load plans
    const load = await cacheSize();
    const fresh = [testDriver(), testDriver()];
    try {
      await warmUp(fresh[0], db());
      expect(await cacheSize()).toBeGreaterThanOrEqual(5); // the write path, planned
      await ensureMigrated(fresh[1], db()); // once per driver: a query the load would add
      await cacheSize();
      await warmUp(fresh[1], db());
      await loadResults(fresh[1], db(), [c]); // its warm-up is done
      expect(await cacheSize()).toBe(load);
    } finally {
      await Promise.all(fresh.map((d) => d.close()));
    }
  });

  it('awaitSearchIndexes calls a procedure the server has', async () => {
    const name = queries('load').awaitSearchIndexes.match(/CALL\s+([\w.]+)/)?.[1];
    const { records } = await driver.executeQuery(
      'SHOW PROCEDURES YIELD name WHERE name = $name RETURN name',
      { name },
      {
        database: db(),
      },
    );
    expect(records.length, `${name} is not a procedure of this server`).toBe(1);
  });
});
