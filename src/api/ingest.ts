/**
 * The ingestArticle mutation's work: the input becomes an Article through the articles reader's own
 * parsers, the extraction engine finds its stances, and the loader writes them (idempotently).
 */

import type { ArticleFields } from '../articles/index.js';
import {
  buildArticle,
  InputProblem,
  normaliseDate,
  parseHtml,
  parsePlainText,
  splitParagraphs,
} from '../articles/index.js';
import { extract } from '../extract/index.js';
import type { Article, ExtractionResult } from '../types.js';
import type { IngestInput } from './context.js';
import { badInput } from './pagination.js';

/** Largest `text` or `html` accepted (characters). */
export const MAX_INGEST_CHARS = 2_000_000;

/** The Article that an ingestArticle input describes; bad input is a GraphQL error naming the field. */
export function articleFromInput(input: IngestInput): Article {
  const text = input.text?.trim() ? input.text : null;
  const html = input.html?.trim() ? input.html : null;
  if (!text && !html) throw badInput('ingestArticle: give the article as `text` or `html` (both are empty)');
  if (text && html) throw badInput('ingestArticle: give either `text` or `html`, not both');
  const body = (text ?? html)!;
  if (body.length > MAX_INGEST_CHARS) {
    throw badInput(
      `ingestArticle: ${text ? 'text' : 'html'} is too long (${body.length} characters; the limit is ${MAX_INGEST_CHARS})`,
    );
  }
  let publishedAt: string | null = null;
  if (input.publishedAt?.trim()) {
    publishedAt = normaliseDate(input.publishedAt);
    if (!publishedAt)
      throw badInput(
        `ingestArticle: publishedAt ${JSON.stringify(input.publishedAt)} is not a date (use YYYY-MM-DD)`,
      );
  }
  try {
    let fields: ArticleFields;
    if (html) fields = parseHtml(html);
    else if (input.title?.trim())
      fields = {
        title: null,
        publisher: null,
        publishedAt: null,
        url: null,
        paragraphs: splitParagraphs(text!),
      };
    else fields = parsePlainText(text!);
    fields = {
      ...fields,
      title: input.title?.trim() || fields.title,
      publisher: input.publisher?.trim() || fields.publisher,
      publishedAt: publishedAt ?? fields.publishedAt,
      url: input.url?.trim() || fields.url,
    };
    return buildArticle(fields, fields.url ?? 'api:ingestArticle');
  } catch (err) {
    if (err instanceof InputProblem) throw badInput(`ingestArticle: ${err.message}`);
    throw err;
  }
}

export type LoadFn = (article: Article, result: ExtractionResult) => Promise<void>;

/** Builds the ingest function the server's context carries. */
export function makeIngest(load: LoadFn, aliases: Record<string, string> = {}) {
  return async (input: IngestInput): Promise<{ id: string }> => {
    const article = articleFromInput(input);
    const result = extract(article, { aliases });
    await load(article, result);
    return { id: article.id };
  };
}
