import { createHash } from 'node:crypto';
import type { Article } from '../types.js';
import { InputProblem } from './errors.js';
import { assertEnglish } from './language.js';

/** What a parser finds in one input, before ids and hashes. */
export interface ArticleFields {
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  url: string | null;
  /** Explicit id (JSON Lines `id`), used when no URL is known. */
  id?: string | null;
  /** Body paragraphs, each already normalised (no blank lines inside). */
  paragraphs: string[];
}

/** Strips a BOM, turns CRLF/CR into LF and trims trailing whitespace on every line. */
export function normaliseNewlines(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line) => line.trimEnd())
    .join('\n');
}

/**
 * Splits text into paragraphs: blocks separated by blank lines, leading indentation removed.
 * Line breaks inside a block are kept; lines are never merged or reflowed.
 */
export function splitParagraphs(text: string): string[] {
  return normaliseNewlines(text)
    .split(/\n{2,}/)
    .map((p) => p.replace(/^[ \t]+/gm, '').replace(/^\n+|\n+$/g, ''))
    .filter((p) => p !== '');
}

/** Builds the Article: text = title line, blank line, body paragraphs separated by blank lines. */
export function buildArticle(fields: ArticleFields, source: string): Article {
  const title = fields.title?.replace(/\s+/g, ' ').trim() || null;
  const paragraphs = fields.paragraphs.filter((p) => p.trim() !== '');
  if (paragraphs.length === 0)
    throw new InputProblem(title ? 'article has a title but no body text' : 'no text');
  const text = (title ? [title, ...paragraphs] : paragraphs).join('\n\n');
  assertEnglish(text);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const url = fields.url?.trim() || null;
  const id = url ? `url:${url}` : fields.id ? `id:${fields.id}` : `sha256:${sha256}`;
  return {
    id,
    source,
    title,
    publisher: fields.publisher?.trim() || null,
    publishedAt: fields.publishedAt ?? null,
    url,
    text,
    sha256,
  };
}
