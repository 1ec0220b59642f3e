/**
 * Issue 6, without a web browser: every runnable block of the Neo4j Browser guide and every named
 * query of cypher/queries.cypher runs against the test database loaded with the seed, and the
 * style sheet covers the graph model in a form Neo4j Browser's GraSS parser accepts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueries } from '../src/cypher.js';
import { ROOT, resetDatabase, runCli, testDriver, testNeo4j } from './helpers/neo4j.js';

const GUIDE = readFileSync(path.join(ROOT, 'cypher', 'browser', 'guide.html'), 'utf8');
const GRASS = readFileSync(path.join(ROOT, 'cypher', 'browser', 'style.grass'), 'utf8');
const QUERIES = parseQueries(
  readFileSync(path.join(ROOT, 'cypher', 'queries.cypher'), 'utf8'),
  'queries.cypher',
);
const SEED = path.join(ROOT, 'examples', '000_a423757e2158ce54.txt');

const KIND_LABELS = ['Country', 'Government', 'Person', 'Organization', 'Group', 'Location'];
const NEGATIVE = [
  'OPPOSES',
  'REJECTS',
  'VETOES',
  'CRITICIZES',
  'ACCUSES',
  'CONDEMNS',
  'THREATENS',
  'ATTACKS',
];
const POSITIVE = ['SUPPORTS', 'PRAISES'];
const NEUTRAL = ['URGES', 'DEMANDS', 'CONSULTS'];

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The runnable blocks, as Neo4j Browser puts them in its editor (textContent, trimmed). */
function runnables(html: string): string[] {
  return [...html.matchAll(/<pre class="[^"]*\brunnable\b[^"]*">([\s\S]*?)<\/pre>/g)].map((m) =>
    decode(m[1].replace(/<[^>]+>/g, '')).trim(),
  );
}

/** Neo4j Browser's own GraSS parsing (JSON first, else selector { key: value; ... }), simplified. */
function parseGrass(text: string): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)) {
    const selector = m[1].trim();
    const props: Record<string, string> = {};
    for (const decl of m[2].split(';')) {
      const parts = decl.split(':');
      if (parts.length === 2) props[parts[0].trim()] = parts[1].trim().replace(/^'(.*)'$/, '$1');
      else if (decl.trim())
        throw new Error(`${selector}: '${decl.trim()}' is not 'key: value' (Browser drops it)`);
    }
    rules[selector] = props;
  }
  return rules;
}

const hex = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));

let driver: Driver;

describe('the guide, the named queries and the style against the seed', () => {
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const load = await runCli(['load', SEED]);
    expect(load.code, load.stderr).toBe(0);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('the guide is a Neo4j Browser guide with the agreed slides', () => {
    expect(GUIDE).toMatch(/^<article class="guide">\s*<carousel class="deck container">/);
    const titles = [...GUIDE.matchAll(/<slide class="row-fluid">[\s\S]*?<h3>([^<]+)<\/h3>/g)].map(
      (m) => m[1],
    );
    expect(titles).toEqual(
      expect.arrayContaining([
        'Who opposes whom',
        'The evidence behind an edge',
        'One actor over time',
        'The most contested targets',
        'Apply the style',
      ]),
    );
    expect((GUIDE.match(/<slide /g) ?? []).length).toBe((GUIDE.match(/<\/slide>/g) ?? []).length);
  });

  it('runs every Cypher block of the guide (with its :param values), each finding rows on the seed', async () => {
    const blocks = runnables(GUIDE);
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    const params: Record<string, unknown> = {};
    let cypher = 0;
    const empty: string[] = [];
    for (const block of blocks) {
      const param = block.match(/^:param\s+(\w+)\s*=>\s*'([^']*)'$/);
      if (param) {
        params[param[1]] = param[2];
        continue;
      }
      if (block.startsWith(':style')) continue; // checked below
      expect(block.startsWith(':'), `unexpected Browser command: ${block}`).toBe(false);
      cypher++;
      const { records } = await driver.executeQuery(block, params, { database: testNeo4j().database });
      if (records.length === 0) empty.push(block.split('\n')[0]);
    }
    expect(cypher).toBeGreaterThanOrEqual(8);
    // On the seed every query finds something.
    expect(empty).toEqual([]);
  });

  it('the :style block of the guide is the style sheet', () => {
    const style = runnables(GUIDE).find((b) => b.startsWith(':style'));
    expect(style).toBeDefined();
    expect(style!.replace(/^:style\s*/, '').trim()).toBe(GRASS.trim());
  });

  it('runs every named query of cypher/queries.cypher', async () => {
    const names = Object.keys(QUERIES);
    expect(names).toEqual(
      expect.arrayContaining([
        'whoOpposesWhom',
        'edgeEvidence',
        'actorTimeline',
        'contestedTargets',
        'topActors',
        'stanceNetwork',
      ]),
    );
    const db = testNeo4j().database;
    const network = await driver.executeQuery(QUERIES.stanceNetwork, {}, { database: db });
    const edge = network.records[0].toObject() as {
      holderId: string;
      targetId: string;
      stance: string;
      count: number;
    };
    const params = {
      actor: 'russia',
      holder: edge.holderId,
      target: edge.targetId,
      kind: edge.stance,
      q: 'Lavrov',
    };
    for (const name of names) {
      const { records } = await driver.executeQuery(QUERIES[name], params, { database: db });
      expect(records.length, name).toBeGreaterThan(0);
    }
    // The evidence behind an edge is exactly the stances it counts, by edge type or stance kind.
    const byType = await driver.executeQuery(QUERIES.edgeEvidence, params, { database: db });
    expect(byType.records).toHaveLength(edge.count);
    const kind = byType.records[0].get('kind') as string;
    const byKind = await driver.executeQuery(QUERIES.edgeEvidence, { ...params, kind }, { database: db });
    expect(byKind.records).toHaveLength(edge.count);
    for (const r of byType.records) {
      expect(typeof r.get('quote')).toBe('string');
      expect(r.get('article')).toBe('Russia will not interfere in Syria: Lavrov');
    }
    const timeline = await driver.executeQuery(QUERIES.actorTimeline, { actor: 'Russia' }, { database: db });
    const dates = timeline.records.map((r) => r.get('date') as string);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2012-01-31');
  });

  it('the style sheet parses as Browser does and covers every label and stance type', () => {
    // Browser's parser knows no comments and splits declarations on ':' and ';'.
    expect(GRASS).not.toMatch(/\/\*|\/\//);
    const rules = parseGrass(GRASS);
    for (const label of [...KIND_LABELS, 'Topic', 'Stance', 'Article']) {
      expect(rules[`node.${label}`], label).toBeDefined();
      expect(rules[`node.${label}`].color, label).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expect(rules[`node.${label}`].caption, label).toMatch(/\{\w+\}/);
    }
    const colours = new Set(KIND_LABELS.map((l) => rules[`node.${l}`].color.toUpperCase()));
    expect(colours.size).toBe(KIND_LABELS.length);
    for (const type of [...NEGATIVE, ...POSITIVE, ...NEUTRAL]) {
      const r = rules[`relationship.${type}`];
      expect(r, type).toBeDefined();
      expect(r.caption).toBe(`${type} ×{count}`);
      const [red, green, blue] = hex(r.color);
      if (NEGATIVE.includes(type)) expect(red, `${type} is red-ish`).toBeGreaterThan(Math.max(green, blue));
      if (POSITIVE.includes(type)) expect(green, `${type} is green-ish`).toBeGreaterThan(Math.max(red, blue));
      if (NEUTRAL.includes(type)) expect(blue, `${type} is grey/blue`).toBeGreaterThanOrEqual(red);
    }
  });
});
