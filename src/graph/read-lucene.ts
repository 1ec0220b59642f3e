/**
 * Turns a user's search string into a safe Lucene query for Neo4j's full-text indexes.
 * The string is cut into words (letters and digits only), so no query syntax survives: quotes,
 * parentheses, `*`, `:`, `AND`/`OR`/`NOT` and the like are plain text, never operators or errors.
 * Each word matches itself (boosted) or as a prefix, so "Lav" finds Lavrov.
 */

const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** Backslash-escapes every character Lucene's query parser treats as syntax. */
export function escapeLucene(s: string): string {
  return s.replace(SPECIAL, (c) => `\\${c}`);
}

/** The words of a search string, lower-cased (so AND/OR/NOT are words, not operators). */
export function searchWords(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

/** A Lucene query for the words of `s`, or null when it has none (the caller then returns nothing). */
export function luceneQuery(s: string): string | null {
  const words = searchWords(s);
  if (words.length === 0) return null;
  return words.map((w) => `(${escapeLucene(w)}^2 OR ${escapeLucene(w)}*)`).join(' ');
}
