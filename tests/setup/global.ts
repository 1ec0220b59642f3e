/**
 * Finds the Neo4j the tests talk to, the same three ways as everywhere else:
 *   1. NEO4J_URI (+ NEO4J_USERNAME/NEO4J_PASSWORD/NEO4J_DATABASE) if set: used as is (its data is wiped!);
 *   2. a container runtime, through @testcontainers/neo4j, if one answers;
 *   3. else a local test server (`stancegraph neo4j start` machinery) in .neo4j/test-instance on
 *      ports 17687/17474, so the tests never touch the developer's own database. It is stopped
 *      afterwards unless STANCEGRAPH_TEST_KEEP_NEO4J=1.
 * The result is exported through process.env (inherited by test workers and by CLI child processes)
 * and through vitest's provide().
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import * as local from '../../src/neo4j/local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: {
      uri: string;
      username: string;
      password: string;
      database: string;
      browserUrl: string | null;
      source: string;
    };
  }
}

async function tryContainer(): Promise<{
  uri: string;
  password: string;
  browserUrl: string;
  stop: () => Promise<void>;
} | null> {
  const hasRuntime =
    process.env.DOCKER_HOST || existsSync('/var/run/docker.sock') || process.env.TESTCONTAINERS_HOST_OVERRIDE;
  if (!hasRuntime) return null;
  try {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer('neo4j:5.26-community')
      .withPassword('stancegraph-test')
      // As docker-compose.yml and the local server: one plan per query, whatever its list sizes.
      .withEnvironment({ NEO4J_internal_cypher_use__parameter__size: 'false' })
      .start();
    return {
      uri: container.getBoltUri(),
      password: container.getPassword(),
      browserUrl: `${container.getHttpUri()}/browser/`,
      stop: async () => {
        await container.stop();
      },
    };
  } catch (err) {
    console.warn(`[tests] no usable container runtime (${(err as Error).message}); using the local server`);
    return null;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  let teardown: (() => Promise<void>) | undefined;
  let source: string;
  if (process.env.NEO4J_URI) {
    source = 'NEO4J_URI';
  } else {
    const c = await tryContainer();
    if (c) {
      source = 'container';
      process.env.NEO4J_URI = c.uri;
      process.env.NEO4J_USERNAME = 'neo4j';
      process.env.NEO4J_PASSWORD = c.password;
      process.env.NEO4J_BROWSER_URL = c.browserUrl;
      teardown = c.stop;
    } else {
      source = 'local';
      const o = local.defaultLocalOptions({
        dir: process.env.STANCEGRAPH_TEST_NEO4J_DIR ?? path.join(root, '.neo4j', 'test-instance'),
        boltPort: Number(process.env.STANCEGRAPH_TEST_BOLT_PORT ?? 17687),
        httpPort: Number(process.env.STANCEGRAPH_TEST_HTTP_PORT ?? 17474),
      });
      const started = await local.start(o, (m) => console.log(`[tests] ${m}`));
      process.env.NEO4J_URI = local.boltUri(o);
      process.env.NEO4J_USERNAME = 'neo4j';
      process.env.NEO4J_PASSWORD = started.password;
      process.env.NEO4J_BROWSER_URL = local.browserUrl(o);
      if (!started.alreadyRunning && process.env.STANCEGRAPH_TEST_KEEP_NEO4J !== '1') {
        teardown = async () => {
          await local.stop(o);
        };
      }
    }
  }
  process.env.NEO4J_DATABASE ??= 'neo4j';
  console.log(`[tests] Neo4j: ${process.env.NEO4J_URI} (${source})`);
  project.provide('neo4j', {
    uri: process.env.NEO4J_URI!,
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE,
    browserUrl: process.env.NEO4J_BROWSER_URL ?? null,
    source,
  });
  return teardown;
}
