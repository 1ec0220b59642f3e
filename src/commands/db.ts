import type { Command } from 'commander';
import { connect } from '../neo4j/connection.js';
import { migrate } from '../neo4j/migrate.js';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database schema');
  db.command('migrate')
    .description('apply the schema migrations in cypher/migrations (idempotent)')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { json?: boolean }) => {
      const { driver, target } = await connect();
      try {
        const res = await migrate(driver, target.database);
        if (flags.json) console.log(JSON.stringify(res));
        else if (res.applied.length === 0)
          console.log(`Schema up to date (${res.alreadyApplied} migrations applied).`);
        else
          for (const m of res.applied) console.log(`applied ${String(m.version).padStart(4, '0')}_${m.name}`);
      } finally {
        await driver.close();
      }
    });
}
