import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the folder holding package.json, cypher/ and data/ (dist/ and src/ sit below it). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

/** The extractor's version, recorded on every Article so a reload after an extractor change is recognised. */
export const EXTRACTOR_VERSION = `stancegraph-${VERSION}`;
