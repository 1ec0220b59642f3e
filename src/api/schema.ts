/** The executable schema: the SDL in schema.graphql (the contract) plus the resolvers. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { ROOT } from '../version.js';
import { resolvers } from './resolvers.js';

export const SCHEMA_FILE = path.join(ROOT, 'schema.graphql');

export function loadTypeDefs(): string {
  return readFileSync(SCHEMA_FILE, 'utf8');
}

export function buildSchema() {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}
