/**
 * The project's Cypher lives in cypher/*.cypher: each query starts with a `// name: NAME` line and
 * runs until the next one. Queries take parameters only; nothing here splices user input into text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './version.js';

const cache = new Map<string, Record<string, string>>();

export function parseQueries(text: string, file = '(text)'): Record<string, string> {
  const queries: Record<string, string> = {};
  let name: string | null = null;
  let body: string[] = [];
  const flush = () => {
    if (name === null) return;
    const q = body.join('\n').trim().replace(/;\s*$/, '');
    if (!q) throw new Error(`${file}: query '${name}' is empty`);
    if (queries[name] !== undefined) throw new Error(`${file}: query '${name}' is defined twice`);
    queries[name] = q;
  };
  for (const line of text.split('\n')) {
    const m = line.match(/^\/\/\s*name:\s*([A-Za-z0-9_]+)\s*$/);
    if (m) {
      flush();
      name = m[1];
      body = [];
    } else if (name !== null) {
      body.push(line);
    }
  }
  flush();
  return queries;
}

/** The named queries of cypher/<file>.cypher. */
export function queries(file: string): Record<string, string> {
  let q = cache.get(file);
  if (!q) {
    const full = path.join(ROOT, 'cypher', `${file}.cypher`);
    q = parseQueries(readFileSync(full, 'utf8'), full);
    cache.set(file, q);
  }
  return q;
}

/** One named query; throws if it does not exist (a programming error, caught by the tests). */
export function query(file: string, name: string): string {
  const q = queries(file)[name];
  if (q === undefined) throw new Error(`cypher/${file}.cypher has no query named '${name}'`);
  return q;
}

/** Splits a migration file into statements (each ends with `;` at the end of a line). */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
