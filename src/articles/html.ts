import { createRequire } from 'node:module';
import type { Readability } from '@mozilla/readability';
import type { parseHTML } from 'linkedom';
import type { ArticleFields } from './article.js';
import { normaliseDate } from './dates.js';
import { InputProblem } from './errors.js';

// linkedom and Readability load on the first HTML page, not with every command (~0.25 s of start-up).
const require = createRequire(import.meta.url);
let libs: { parseHTML: typeof parseHTML; Readability: typeof Readability } | null = null;
function htmlLibs(): NonNullable<typeof libs> {
  libs ??= {
    parseHTML: require('linkedom').parseHTML,
    Readability: require('@mozilla/readability').Readability,
  };
  return libs;
}

// The few DOM members used here (the project compiles without the DOM lib).
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}
interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIELDSET FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(
    ' ',
  ),
);
/** Never text of the article: code, captions, controls and page furniture (menus, footers, forms). */
const SKIP = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE FIGCAPTION SVG BUTTON NAV FOOTER ASIDE FORM SELECT MENU DIALOG'.split(' '),
);
/** Also skipped when Readability finds nothing and the whole body is read. */
const SKIP_OUTSIDE_ARTICLE = new Set([...SKIP, 'HEADER', 'HEAD']);

/** Does this content look like HTML rather than plain text? */
export function looksLikeHtml(content: string): boolean {
  return /^\s*</.test(content.replace(/^\uFEFF/, ''));
}

/** The text of a DOM subtree as paragraphs: one per block element, whitespace collapsed. */
export function blockParagraphs(root: DomNode, skip: Set<string> = SKIP): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    const p = buf.replace(/\s+/g, ' ').trim();
    if (p) out.push(p);
    buf = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      buf += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (skip.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ??
      doc.querySelector(`meta[name="${key}"]`) ??
      doc.querySelector(`meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/**
 * Parses an HTML page: the main text through Readability (over linkedom), title, date, publisher
 * and URL from the usual meta tags (Open Graph, article:*, Dublin Core, JSON-LD via Readability,
 * `<link rel=canonical>`, `<time datetime>`). Throws when no article text is found.
 */
export function parseHtml(html: string): ArticleFields {
  // A fragment (no <html> or <body>) gets a document around it, as a browser would give it.
  const page = /<(?:html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { parseHTML, Readability } = htmlLibs();
  const { document } = parseHTML(page) as unknown as { document: DomDocument };
  // Meta data first: Readability rewrites the document as it goes.
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ||
    meta(document, 'og:url') ||
    null;
  const date =
    meta(
      document,
      'article:published_time',
      'datePublished',
      'date',
      'pubdate',
      'dc.date',
      'DC.date.issued',
    ) ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const publisher = meta(document, 'og:site_name', 'publisher', 'application-name');
  const ogTitle = meta(document, 'og:title', 'twitter:title');

  let parsed: ReturnType<Readability<DomNode>['parse']>;
  try {
    // Readability's types name the DOM lib's Document; linkedom's document is its stand-in.
    parsed = new Readability<DomNode>(document as never, {
      serializer: (n) => n as unknown as DomNode,
    }).parse();
  } catch (err) {
    throw new InputProblem(`HTML could not be read: ${(err as Error).message}`);
  }
  let paragraphs = parsed?.content ? blockParagraphs(parsed.content) : [];
  // Readability gives up on short pages (a JSON Lines `html` snippet); then the body's own text is used.
  if (paragraphs.length === 0) {
    const body = parseHTML(page).document.querySelector('body') as unknown as DomNode | null;
    paragraphs = body ? blockParagraphs(body, SKIP_OUTSIDE_ARTICLE) : [];
  }
  const title = (ogTitle ?? parsed?.title ?? '').replace(/\s+/g, ' ').trim() || null;
  // Readability often repeats the headline as the first block.
  if (title && paragraphs[0] === title) paragraphs.shift();
  if (paragraphs.join('').length === 0) throw new InputProblem('no article text found in the HTML');
  return {
    title,
    publisher: parsed?.siteName?.trim() || publisher,
    publishedAt: normaliseDate(parsed?.publishedTime ?? date) ?? normaliseDate(date),
    url: url && /^https?:\/\//i.test(url) ? url : null,
    paragraphs,
  };
}
