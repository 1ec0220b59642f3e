import { Command, CommanderError } from 'commander';
import { registerActorsCommands } from './commands/actors.js';
import { registerCypherCommands } from './commands/cypher.js';
import { registerDbCommands } from './commands/db.js';
import { registerExtractCommands } from './commands/extract.js';
import { registerLoadCommands } from './commands/load.js';
import { registerNeo4jCommands } from './commands/neo4j.js';
import { registerServeCommands } from './commands/serve.js';
import { registerStartCommands } from './commands/start.js';
import { UserError } from './errors.js';
import { VERSION } from './version.js';

/**
 * Each command module registers its subcommands on the program. A command's action returns the
 * process exit code (or sets it through `process.exitCode`).
 */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('stancegraph')
    .description('A knowledge graph of political actors and their stances, built from news.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerNeo4jCommands(program);
  registerDbCommands(program);
  registerCypherCommands(program);
  registerExtractCommands(program);
  registerServeCommands(program);
  registerLoadCommands(program);
  registerActorsCommands(program);
  registerStartCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit with 0; usage errors were already printed by commander.
      return err.exitCode;
    }
    if (err instanceof UserError) {
      console.error(`stancegraph: ${err.message}`);
      return err.exitCode;
    }
    throw err;
  }
}
