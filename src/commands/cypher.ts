import type { Command } from 'commander';
import { query } from '../cypher.js';
import { UserError } from '../errors.js';
import { connect } from '../neo4j/connection.js';
import { renderTable, toPlain } from '../neo4j/values.js';

/** `--param k=v`: v is parsed as JSON when it is valid JSON (numbers, lists, quoted strings), else kept as text. */
export function parseParam(raw: string, acc: Record<string, unknown> = {}): Record<string, unknown> {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UserError(`--param expects name=value, got '${raw}'`);
  const key = raw.slice(0, eq).trim();
  const value = raw.slice(eq + 1);
  let parsed: unknown = value;
  try {
    parsed = JSON.parse(value);
  } catch {
    /* plain text */
  }
  return { ...acc, [key]: parsed };
}

export async function stats(): Promise<{
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}> {
  const { driver, target } = await connect();
  try {
    const opts = { database: target.database, routing: 'READ' as const };
    const labels = await driver.executeQuery(query('admin', 'labelCounts'), {}, opts);
    const rels = await driver.executeQuery(query('admin', 'relationshipCounts'), {}, opts);
    const nodes: Record<string, number> = {};
    const relationships: Record<string, number> = {};
    for (const r of labels.records) nodes[r.get('label')] = Number(r.get('count'));
    for (const r of rels.records) relationships[r.get('type')] = Number(r.get('count'));
    return { nodes, relationships };
  } finally {
    await driver.close();
  }
}

export function registerCypherCommands(program: Command): void {
  program
    .command('stats')
    .description('node counts per label and relationship counts per type')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const s = await stats();
      if (flags.json) {
        console.log(JSON.stringify(s));
        return;
      }
      const rows = [
        ...Object.entries(s.nodes).map(([name, count]) => ({ what: 'node', name: `:${name}`, count })),
        ...Object.entries(s.relationships).map(([name, count]) => ({
          what: 'relationship',
          name: `[:${name}]`,
          count,
        })),
      ];
      console.log(renderTable(['what', 'name', 'count'], rows));
    });

  program
    .command('cypher')
    .description('run a read-only Cypher query (read transaction) and print a table or JSON rows')
    .argument('<query>', 'the Cypher query; pass values with --param, never by editing the text')
    .option('--param <name=value>', 'a query parameter (repeatable; JSON values are parsed)', parseParam, {})
    .option('--json', 'print JSON rows')
    .action(async (text: string, flags: { param: Record<string, unknown>; json?: boolean }) => {
      const { driver, target } = await connect();
      const session = driver.session({ database: target.database, defaultAccessMode: 'READ' });
      try {
        const res = await session.executeRead((tx) => tx.run(text, flags.param));
        const keys = res.records[0]?.keys.map(String) ?? [];
        const rows = res.records.map((r) => Object.fromEntries(r.keys.map((k) => [k, toPlain(r.get(k))])));
        if (flags.json) console.log(JSON.stringify(rows));
        else console.log(renderTable(keys, rows));
      } catch (err) {
        const e = err as { code?: string; message?: string };
        if (e.code?.startsWith('Neo.ClientError')) {
          const readOnly = /write|read only|access mode/i.test(e.message ?? '');
          throw new UserError(
            readOnly
              ? `Only read queries run here (read transaction): ${e.message}`
              : `Cypher error: ${e.message}`,
          );
        }
        throw err;
      } finally {
        await session.close();
        await driver.close();
      }
    });
}
