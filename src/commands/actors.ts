import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { aliasesFileFor, listActors, mergeActors, recordAlias } from '../graph/actors.js';
import { connect } from '../neo4j/connection.js';
import { renderTable } from '../neo4j/values.js';
import { positiveInt } from './options.js';

export function registerActorsCommands(program: Command): void {
  const actors = program.command('actors').description('inspect and correct actors in the graph');

  actors
    .command('merge')
    .description(
      'merge actor FROM into INTO: every relationship moves, FROM is deleted, FROM → INTO is recorded in the aliases file',
    )
    .argument('<from>', 'id of the actor that goes away')
    .argument('<into>', 'id of the actor that stays')
    .option(
      '--aliases <file>',
      'aliases file to record the merge in (default: $STANCEGRAPH_ALIASES, else ./stancegraph.aliases.json; created if missing)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (from: string, into: string, flags: { aliases?: string; json?: boolean }) => {
      if (from === into) throw new UserError(`cannot merge actor '${from}' into itself`);
      const file = aliasesFileFor(flags.aliases);
      const { driver, target } = await connect();
      let res: Awaited<ReturnType<typeof mergeActors>>;
      try {
        res = await mergeActors(driver, target.database, from, into);
      } finally {
        await driver.close();
      }
      try {
        recordAlias(file, from, into);
      } catch (err) {
        const why = err instanceof UserError ? err.message : (err as Error).message;
        throw new UserError(
          `merged '${from}' into '${into}' in the graph (recorded in its mergedIds), but could not update the aliases file: ${why}`,
        );
      }
      if (flags.json) console.log(JSON.stringify({ ...res, aliasesFile: file }));
      else {
        const m = res.moved;
        console.log(
          `Merged '${from}' into '${into}': moved ${m.holds} HOLDS, ${m.toward} TOWARD, ${m.voicedBy} VOICED_BY, ` +
            `${m.mentions} MENTIONS, ${m.represents} REPRESENTS; ${res.summaryPairs} summary edges recomputed` +
            `${res.duplicateStancesDropped ? `; ${res.duplicateStancesDropped} duplicate stances dropped` : ''}.\n` +
            `Recorded ${from} → ${into} in ${file}.`,
        );
      }
    });

  actors
    .command('list')
    .description('list actors (most mentioned first), or search them by name and alias')
    .option('--search <words>', 'full-text search on names and aliases (words are prefixes)')
    .option('--limit <n>', 'at most this many', positiveInt('--limit'), 100)
    .option('--json', 'print JSON rows')
    .action(async (flags: { search?: string; limit: number; json?: boolean }) => {
      const { driver, target } = await connect();
      try {
        const rows = await listActors(driver, target.database, { search: flags.search, limit: flags.limit });
        if (flags.json) console.log(JSON.stringify(rows));
        else
          console.log(
            renderTable(
              ['id', 'name', 'kind', 'articles', 'stances', 'aliases'],
              rows.map((r) => ({ ...r, aliases: (r.aliases ?? []).join(', ') })),
            ),
          );
      } finally {
        await driver.close();
      }
    });
}
