import type { Command } from 'commander';
import { UserError } from '../errors.js';
import * as local from '../neo4j/local.js';

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new UserError(`'${v}' is not a port number (1-65535)`);
  return n;
}

interface LocalFlags {
  dir?: string;
  boltPort?: number;
  httpPort?: number;
  timeout?: string;
  heap?: string;
  json?: boolean;
}

function options(flags: LocalFlags): local.LocalOptions {
  return local.defaultLocalOptions({
    dir: flags.dir,
    boltPort: flags.boltPort,
    httpPort: flags.httpPort,
    heap: flags.heap,
    timeoutSeconds: flags.timeout === undefined ? undefined : Number(flags.timeout),
  });
}

const withLocalFlags = (cmd: Command) =>
  cmd
    .option(
      '--dir <folder>',
      'instance folder: conf, data, logs (env STANCEGRAPH_NEO4J_DIR; default .neo4j/instance)',
    )
    .option('--bolt-port <port>', 'Bolt port (env STANCEGRAPH_BOLT_PORT; default 7687)', parsePort)
    .option('--http-port <port>', 'HTTP/Browser port (env STANCEGRAPH_HTTP_PORT; default 7474)', parsePort)
    .option('--json', 'print the result as JSON');

export function registerNeo4jCommands(program: Command): void {
  const neo = program
    .command('neo4j')
    .description('run a local Neo4j Community server (no Docker needed: jars from Maven Central)');

  withLocalFlags(neo.command('start').description('download (once), configure and start the local Neo4j'))
    .option('--timeout <seconds>', 'how long to wait for Bolt (env STANCEGRAPH_NEO4J_TIMEOUT; default 180)')
    .option('--heap <size>', 'JVM heap, e.g. 1g (env STANCEGRAPH_NEO4J_HEAP)')
    .action(async (flags: LocalFlags) => {
      const o = options(flags);
      const res = await local.start(o, (m) => process.stderr.write(`${m}\n`));
      const s = res.status;
      if (flags.json) {
        console.log(JSON.stringify({ ...s, alreadyRunning: res.alreadyRunning, username: 'neo4j' }));
        return;
      }
      console.log(
        res.alreadyRunning
          ? `Neo4j is already running (pid ${s.pid}); nothing to do.`
          : `Neo4j ${s.version} started (pid ${s.pid}).`,
      );
      console.log(`  Bolt:          ${s.boltUri}`);
      console.log(`  Neo4j Browser: ${s.browserUrl}`);
      console.log(
        `  User neo4j, password ${res.passwordSource === 'NEO4J_PASSWORD' ? 'from NEO4J_PASSWORD' : `in ${o.dir}/password`}`,
      );
    });

  withLocalFlags(neo.command('stop').description('stop the local Neo4j this tool started')).action(
    async (flags: LocalFlags) => {
      const res = await local.stop(options(flags));
      if (flags.json) console.log(JSON.stringify(res));
      else
        console.log(
          res.stopped ? `Neo4j (pid ${res.pid}) stopped.` : 'Neo4j is not running; nothing to stop.',
        );
    },
  );

  withLocalFlags(
    neo.command('status').description('is the local Neo4j running, where, which version'),
  ).action((flags: LocalFlags) => {
    const s = local.status(options(flags));
    if (flags.json) {
      console.log(JSON.stringify(s));
      return;
    }
    console.log(s.running ? `running (pid ${s.pid})` : 'stopped');
    console.log(`  version:       ${s.version ?? 'not downloaded yet'}`);
    console.log(`  Bolt:          ${s.boltUri}`);
    console.log(`  Neo4j Browser: ${s.browserUrl}`);
    console.log(`  folder:        ${s.dir}`);
  });
}
