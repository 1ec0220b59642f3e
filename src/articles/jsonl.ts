import { type ArticleFields, splitParagraphs } from './article.js';
import { normaliseDate } from './dates.js';
import { InputProblem } from './errors.js';
import { parseHtml } from './html.js';
import { parsePlainText } from './text.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Parses one JSON Lines record `{id?, url?, title?, publisher?, publishedAt?, text | html}`.
 * Fields given in the record win over what the text or HTML says. Without a title, a `text` is
 * read like a plain-text file (first line the title).
 */
export function parseJsonRecord(line: string): ArticleFields {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    throw new InputProblem(`invalid JSON: ${(err as Error).message}`);
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
    throw new InputProblem('invalid record: expected a JSON object');
  }
  const r = rec as Record<string, unknown>;
  const text = str(r.text);
  const html = str(r.html);
  if (!text && !html) throw new InputProblem('record has neither a "text" nor an "html" field');
  const title = str(r.title);
  let fields: ArticleFields;
  if (html && !text) fields = parseHtml(html);
  else if (title)
    fields = { title, publisher: null, publishedAt: null, url: null, paragraphs: splitParagraphs(text!) };
  else fields = parsePlainText(text!);
  if (title && fields.paragraphs[0] === title) fields.paragraphs.shift();
  const id = r.id;
  const publishedAt = str(r.publishedAt) ?? str(r.published) ?? str(r.date);
  return {
    title: title ?? fields.title,
    publisher: str(r.publisher) ?? fields.publisher,
    publishedAt: publishedAt ? (normaliseDate(publishedAt) ?? publishedAt) : fields.publishedAt,
    url: str(r.url) ?? fields.url,
    id: typeof id === 'number' || str(id) ? String(id).trim() : null,
    paragraphs: fields.paragraphs,
  };
}
