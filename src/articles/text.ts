import { type ArticleFields, splitParagraphs } from './article.js';
import { normaliseDate } from './dates.js';

/** A photo caption line as agencies print them: "Russia's Foreign Minister Sergei Lavrov (Photo:Reuters)". */
const PHOTO_CAPTION = /\((?:photo|picture|image)\s*:[^)]*\)\s*$/i;
/** The footer some sites append: "Short link: http://...". */
const SHORT_LINK = /^short\s*link\s*:/i;
/** "AFP , Tuesday 31 Jan 2012": a publisher, a comma, a date; nothing else on the line. */
const PUBLISHER_DATE = /^([^,\n]{1,60}?)\s*,\s*([^,\n]*\d{4})$/;
/** A title is one line of reasonable length. */
const MAX_TITLE = 300;

/** Recognises a publisher/date line such as `AFP , Tuesday 31 Jan 2012`. */
export function parsePublisherLine(line: string): { publisher: string; publishedAt: string } | null {
  const m = PUBLISHER_DATE.exec(line.trim());
  if (!m) return null;
  const publishedAt = normaliseDate(m[2]);
  const publisher = m[1].trim();
  if (!publishedAt || !/\p{L}/u.test(publisher)) return null;
  return { publisher, publishedAt };
}

/**
 * Parses a plain-text article: the first line is the title (when it is a single line followed by
 * more text); an optional publisher/date line follows; photo captions and a trailing
 * "Short link:" are dropped. BBC-style files (title, blank line, body) are the same format
 * without the publisher line; their publisher stays null.
 */
export function parsePlainText(raw: string): ArticleFields {
  let paragraphs = splitParagraphs(raw);
  let title: string | null = null;
  let publisher: string | null = null;
  let publishedAt: string | null = null;

  if (paragraphs.length > 1 && !paragraphs[0].includes('\n') && paragraphs[0].length <= MAX_TITLE) {
    title = paragraphs[0];
    paragraphs = paragraphs.slice(1);
  } else if (paragraphs.length === 1 && paragraphs[0].includes('\n')) {
    // No blank lines at all: the first line is the title, every further line a paragraph.
    const lines = paragraphs[0].split('\n').filter((l) => l.trim() !== '');
    if (lines[0].length <= MAX_TITLE) {
      title = lines[0];
      paragraphs = lines.slice(1);
    }
  }
  if (title && paragraphs.length > 0) {
    const pub = parsePublisherLine(paragraphs[0]);
    if (pub) {
      ({ publisher, publishedAt } = pub);
      paragraphs = paragraphs.slice(1);
    }
  }
  while (paragraphs.length > 0 && SHORT_LINK.test(paragraphs[paragraphs.length - 1])) paragraphs.pop();
  paragraphs = paragraphs.filter((p) => !(PHOTO_CAPTION.test(p) && !p.includes('\n')));
  return { title, publisher, publishedAt, url: null, paragraphs };
}
