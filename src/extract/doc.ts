/**
 * The Doc: text + sentences + tokens with character offsets (spaCy-like). Built once per article
 * with wink-nlp; later stages only add annotations to it.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { lemmaOf } from './lexicon.js';

/**
 * wink-nlp adds every word it has not seen before to its vocabulary and never forgets it: over
 * millions of articles (numbers, names, typos) that grows without bound (~250 bytes a word). The
 * instance is therefore replaced, with a fresh vocabulary, after this many tokens. Results do not
 * depend on it: an article extracts the same whatever was read before it.
 */
let vocabularyLimit = 2_000_000;
let nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
let tokensRead = 0;
let resets = 0;

/** Tokens read before wink-nlp is replaced (tests set it low); returns the previous limit. */
export function setVocabularyLimit(tokens: number): number {
  const previous = vocabularyLimit;
  vocabularyLimit = Math.max(1, tokens);
  return previous;
}
/** How many times wink-nlp has been replaced in this process. */
export function vocabularyResets(): number {
  return resets;
}

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

const POSSESSIVE = /^([\p{L}][\p{L}.-]*)(['\u2019]s)$/u;
const WORDISH = /^[\p{L}\p{N}][\p{L}\p{N}.']*$/u;

/**
 * Tokenise with wink-nlp, recover character offsets from the preceding-space stream, fold line breaks
 * into paragraph flags, and merge hyphen compounds written without spaces ("Ki-moon", "Western-backed"),
 * all in one pass.
 */
/** Longest run of non-space characters handed to the tokeniser (it slows down badly on huge "words"). */
const MAX_WORD = 200;

/** Blank out runs of non-space characters longer than MAX_WORD, keeping every offset in place. */
function tameLongRuns(text: string): string {
  let out: string[] | null = null;
  let last = 0;
  let runStart = -1;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 32;
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 160;
    if (!space) {
      if (runStart < 0) runStart = k;
      continue;
    }
    if (runStart >= 0 && k - runStart > MAX_WORD) {
      out ??= [];
      out.push(text.slice(last, runStart), ' '.repeat(k - runStart));
      last = k;
    }
    runStart = -1;
  }
  if (!out) return text;
  out.push(text.slice(last));
  return out.join('');
}

export function buildDoc(original: string): Doc {
  const text = tameLongRuns(original);
  if (tokensRead >= vocabularyLimit) {
    nlp = winkNLP(model, ['sbd', 'pos']);
    tokensRead = 0;
    resets++;
  }
  const wdoc = nlp.readDoc(text);
  const values = wdoc.tokens().out() as string[];
  const pres = wdoc.tokens().out(its.precedingSpaces) as string[];
  const poss = wdoc.tokens().out(its.pos) as string[];
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  const n = values.length;
  tokensRead += n;
  const sentStart = new Uint8Array(n + 1);
  for (const sp of spans) sentStart[sp[0]] = 1;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sent = -1;
  let paragraph = 0;
  let pos = 0;
  let pendingPre = '';
  let pendingStart = false;
  for (let k = 0; k < n; k++) {
    const v = values[k];
    const pre = pres[k];
    pos += pre.length;
    // (a token that starts with printable ASCII is no white space: only others need the trim)
    const c0 = v.charCodeAt(0);
    if (!(c0 > 32 && c0 < 127) && v.trim() === '') {
      // line breaks and tabs are tokens in wink-nlp: fold them into the next token's preceding space
      pendingPre += pre + v;
      pos += v.length;
      if (sentStart[k]) pendingStart = true;
      continue;
    }
    let start = pos;
    if (text.startsWith(v, pos)) pos += v.length;
    else {
      // wink normalised something: search forward a little
      const rel = text.slice(pos, pos + 16 + v.length).indexOf(v);
      if (rel >= 0) start = pos + rel;
      pos = start + v.length;
    }
    const fullPre = pendingPre + pre;
    pendingPre = '';
    const isStart = sentStart[k] === 1 || pendingStart;
    pendingStart = false;
    const prev = tokens[tokens.length - 1];
    // hyphen compound: prev "-" next, no spaces, word characters on both sides
    if (
      prev &&
      v === '-' &&
      pre === '' &&
      fullPre === '' &&
      k + 1 < n &&
      pres[k + 1] === '' &&
      WORDISH.test(prev.text) &&
      WORDISH.test(values[k + 1]) &&
      values[k + 1].trim() !== ''
    ) {
      const next = values[k + 1];
      const nextPos = poss[k + 1];
      const parts = prev.parts ?? [prev.text];
      parts.push(next);
      const firstCap = isUpper(prev.text[0] ?? '');
      prev.parts = parts;
      prev.text = `${prev.text}-${next}`;
      prev.lower = prev.text.toLowerCase();
      prev.end = pos + next.length;
      prev.lemma = `${parts.slice(0, -1).join('-').toLowerCase()}-${lemmaOf(next.toLowerCase())}`;
      // "shake-up", "crack-down", "stand-off": a verb and its particle make a noun, not a preposition
      prev.pos = firstCap
        ? isUpper(next[0] ?? '')
          ? 'PROPN'
          : 'ADJ'
        : nextPos === 'VERB'
          ? 'ADJ'
          : nextPos === 'ADP' || nextPos === 'ADV' || nextPos === 'PART'
            ? 'NOUN'
            : nextPos;
      pos += next.length;
      sentences[sent].end = prev.end;
      k++;
      continue;
    }
    const nl = fullPre.includes('\n');
    if (nl) paragraph++;
    const ti = tokens.length;
    if (ti === 0 || isStart || nl) {
      sent++;
      sentences.push({ i: sent, start, end: pos, t0: ti, t1: ti + 1, text: '', paragraph });
    }
    const s = sentences[sent];
    s.end = pos;
    s.t1 = ti + 1;
    // wink-nlp's cache learns words as it goes and may later keep "Blunkett's" whole: split the
    // possessive ourselves so that results do not depend on what was read before
    const pm =
      v.length > 2 && v[v.length - 1] === 's' && (v.endsWith("'s") || v.endsWith('\u2019s'))
        ? POSSESSIVE.exec(v)
        : null;
    if (pm && pm[1].length > 1) {
      const head = pm[1];
      const hl = head.toLowerCase();
      tokens.push({
        i: ti,
        text: head,
        lower: hl,
        lemma: lemmaOf(hl),
        pos: poss[k] === 'PART' ? 'PROPN' : (poss[k] ?? 'PROPN'),
        start,
        end: start + head.length,
        sent,
        nl,
        space: fullPre.length > 0,
        cap: isUpper(head[0] ?? ''),
        inQuote: false,
        quote: -1,
        parts: undefined,
      });
      tokens.push({
        i: ti + 1,
        text: pm[2],
        lower: pm[2].toLowerCase().replace('\u2019', "'"),
        lemma: "'s",
        pos: 'PART',
        start: start + head.length,
        end: pos,
        sent,
        nl: false,
        space: false,
        cap: false,
        inQuote: false,
        quote: -1,
        parts: undefined,
      });
      s.t1 = ti + 2;
      continue;
    }
    const lower = v.toLowerCase();
    tokens.push({
      i: ti,
      text: v,
      lower,
      lemma: lemmaOf(lower),
      pos: poss[k] ?? 'X',
      start,
      end: pos,
      sent,
      nl,
      space: fullPre.length > 0,
      cap: isUpper(v[0] ?? ''),
      inQuote: false,
      quote: -1,
      parts: undefined,
    });
  }
  for (const s of sentences) s.text = original.slice(s.start, s.end);
  const quotes = findQuotes(tokens, sentences);
  return { text: original, tokens, sentences, quotes };
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
    if (t.text.length !== 1 || !QUOTE_CHARS.has(t.text)) continue; // (quote marks are one character)
    const next = tokens[k + 1];
    const nextTight = next !== undefined && !next.space && paraOf(next) === para && next.text !== '.';
    const prevTight = k > 0 && !t.space && tokens[k - 1].sent === t.sent && !t.nl;
    let closing: boolean;
    if (t.text === '\u201d') closing = true;
    else if (t.text === '\u201c') closing = false;
    // '... is tackled. "I would like ...': after a sentence's end, a mark with a space before and a
    // word right after opens the next quotation (the last one's closing mark was left out)
    else if (open >= 0) closing = !(!prevTight && nextTight && /^[.?!]$/.test(tokens[k - 1]?.text ?? ''));
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
