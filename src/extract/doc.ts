/**
 * The Doc: text + sentences + tokens with character offsets (spaCy-like). Built once per article
 * with wink-nlp; later stages only add annotations to it.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

export interface Token {
  i: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  sent: number;
  /** Whitespace before the token holds a line break (paragraph boundary). */
  nl: boolean;
  /** Whitespace before the token. */
  space: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Inside a direct quotation. */
  inQuote: boolean;
  /** Index of the quotation this token is in (into Doc.quotes), or -1. */
  quote: number;
  /** Parts of a hyphen compound ("Western-backed" -> ["Western", "backed"]). */
  parts?: string[];
}

export interface Sentence {
  i: number;
  start: number;
  end: number;
  /** Token range [t0, t1). */
  t0: number;
  t1: number;
  text: string;
  paragraph: number;
}

export interface Quote {
  /** Token range of the quoted words (quote marks excluded), [t0, t1). */
  t0: number;
  t1: number;
  open: number;
  close: number;
  paragraph: number;
}

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  quotes: Quote[];
}

const QUOTE_CHARS = new Set(['"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb']);
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

interface RawTok {
  text: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  pre: string;
  sentStart: boolean;
}

/** Tokenise with wink-nlp and recover character offsets from the preceding-space stream. */
function rawTokens(text: string): RawTok[] {
  const wdoc = nlp.readDoc(text);
  const values = wdoc.tokens().out() as string[];
  const pres = wdoc.tokens().out(its.precedingSpaces) as string[];
  const poss = wdoc.tokens().out(its.pos) as string[];
  const lemmas = wdoc.tokens().out(its.lemma as never) as unknown as string[];
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  const sentStarts = new Set<number>();
  for (const s of spans) sentStarts.add(s[0]);
  const out: RawTok[] = [];
  let pos = 0;
  let pendingPre = '';
  let pendingStart = false;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    pos += pres[k].length;
    if (!v.trim()) {
      // line breaks and tabs are tokens in wink-nlp: fold them into the next token's preceding space
      pendingPre += pres[k] + v;
      pos += v.length;
      if (sentStarts.has(k)) pendingStart = true;
      continue;
    }
    let start = pos;
    if (text.startsWith(v, pos)) {
      pos += v.length;
    } else {
      // wink normalised something: search forward a little.
      const found = text.indexOf(v, pos);
      if (found >= 0 && found - pos < 16) {
        start = found;
        pos = found + v.length;
      } else {
        pos += v.length;
      }
    }
    out.push({
      text: v,
      lemma: lemmas[k] ?? v.toLowerCase(),
      pos: poss[k] ?? 'X',
      start,
      end: pos,
      pre: pendingPre + pres[k],
      sentStart: sentStarts.has(k) || pendingStart,
    });
    pendingPre = '';
    pendingStart = false;
  }
  return out;
}

const WORDISH = /^[\p{L}\p{N}][\p{L}\p{N}.']*$/u;

/** Merge hyphen compounds written without spaces ("Ki-moon", "Al-Assad", "Western-backed"). */
function mergeHyphens(raw: RawTok[]): (RawTok & { parts?: string[] })[] {
  const out: (RawTok & { parts?: string[] })[] = [];
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k];
    const prev = out[out.length - 1];
    if (
      prev &&
      t.text === '-' &&
      t.pre === '' &&
      k + 1 < raw.length &&
      raw[k + 1].pre === '' &&
      WORDISH.test(prev.text) &&
      WORDISH.test(raw[k + 1].text)
    ) {
      const next = raw[k + 1];
      const parts = prev.parts ?? [prev.text];
      parts.push(next.text);
      const firstCap = isUpper(prev.text[0] ?? '');
      prev.parts = parts;
      prev.text = text2(prev, next);
      prev.end = next.end;
      prev.lemma = `${parts.slice(0, -1).join('-').toLowerCase()}-${next.lemma}`;
      prev.pos = firstCap
        ? isUpper(next.text[0] ?? '')
          ? 'PROPN'
          : 'ADJ'
        : next.pos === 'VERB'
          ? 'ADJ'
          : next.pos;
      k++;
      continue;
    }
    out.push({ ...t });
  }
  return out;
}
function text2(a: RawTok, b: RawTok): string {
  return `${a.text}-${b.text}`;
}

export function buildDoc(text: string): Doc {
  const raw = mergeHyphens(rawTokens(text));
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sent = -1;
  let paragraph = 0;
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k];
    const nl = r.pre.includes('\n');
    if (nl) paragraph++;
    if (k === 0 || r.sentStart || nl) {
      sent++;
      sentences.push({ i: sent, start: r.start, end: r.end, t0: k, t1: k + 1, text: '', paragraph });
    }
    const s = sentences[sent];
    s.end = r.end;
    s.t1 = k + 1;
    tokens.push({
      i: k,
      text: r.text,
      lower: r.text.toLowerCase(),
      lemma: r.lemma.toLowerCase(),
      pos: r.pos,
      start: r.start,
      end: r.end,
      sent,
      nl,
      space: r.pre.length > 0,
      cap: isUpper(r.text[0] ?? ''),
      inQuote: false,
      quote: -1,
      parts: r.parts,
    });
  }
  // wink sometimes splits after a closing quote mark or leaves one at the start of the next sentence.
  for (const s of sentences) s.text = text.slice(s.start, s.end);
  const quotes = findQuotes(tokens, sentences);
  return { text, tokens, sentences, quotes };
}

/**
 * Direct quotations per paragraph. Quote marks are classified as opening (space before, word after) or
 * closing (word before, space/punctuation after); an unmatched closing mark quotes back to the start of
 * its sentence (a quotation continued from an earlier paragraph).
 */
function findQuotes(tokens: Token[], sentences: Sentence[]): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  let para = -1;
  const paraOf = (t: Token) => sentences[t.sent].paragraph;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (paraOf(t) !== para) {
      if (open >= 0) {
        // quotation runs to the end of the paragraph
        quotes.push({ t0: open + 1, t1: k, open, close: k, paragraph: para });
      }
      open = -1;
      para = paraOf(t);
    }
    if (!QUOTE_CHARS.has(t.text)) continue;
    const next = tokens[k + 1];
    const nextTight = next !== undefined && !next.space && paraOf(next) === para && next.text !== '.';
    const prevTight = k > 0 && !t.space && tokens[k - 1].sent === t.sent && !t.nl;
    let closing: boolean;
    if (t.text === '\u201d') closing = true;
    else if (t.text === '\u201c') closing = false;
    else if (open >= 0) closing = true;
    else closing = prevTight && !nextTight;
    if (!closing) {
      if (open >= 0) quotes.push({ t0: open + 1, t1: k, open, close: k, paragraph: para });
      open = k;
    } else if (open >= 0) {
      quotes.push({ t0: open + 1, t1: k, open, close: k, paragraph: para });
      open = -1;
    } else {
      // unmatched closing mark: quote back to the sentence start
      const s = sentences[t.sent];
      quotes.push({ t0: s.t0, t1: k, open: -1, close: k, paragraph: para });
    }
  }
  if (open >= 0)
    quotes.push({ t0: open + 1, t1: tokens.length, open, close: tokens.length, paragraph: para });
  quotes.forEach((q, qi) => {
    for (let k = q.t0; k < q.t1; k++) {
      tokens[k].inQuote = true;
      tokens[k].quote = qi;
    }
  });
  return quotes;
}
