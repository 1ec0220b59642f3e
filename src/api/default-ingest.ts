/** ingestArticle's default wiring: the aliases file, the extraction engine and the loader's `loadOne`. */
import type { Driver } from 'neo4j-driver';
import { loadAliases } from '../aliases.js';
import { loadOne } from '../graph/load.js';
import type { IngestFn } from './context.js';
import { makeIngest } from './ingest.js';
import { badInput } from './pagination.js';

export function makeDefaultIngest(
  driver: Driver,
  database: string,
  aliases: Record<string, string> = loadAliases(),
): IngestFn {
  return makeIngest(async (article, result) => {
    const { status, summary } = await loadOne(driver, database, result, { aliases, text: article.text });
    if (status === 'failed') {
      const why = summary.errors.map((e) => e.message).join('; ') || 'the loader refused it';
      throw badInput(`ingestArticle: the article could not be loaded: ${why}`);
    }
  }, aliases);
}
