/**
 * The extraction engine: a pure function from an Article to an ExtractionResult.
 * Pipeline over one Doc: sentences/tokens (doc) -> mentions + actor resolution (mentions) ->
 * pronouns (coref) -> attribution + stances (stances) -> result.
 */
import { englishRatio } from '../articles/language.js';
import type { Article, ExtractedActor, ExtractedStance, ExtractionResult, Warning } from '../types.js';
import { resolvePronouns } from './coref.js';
import { buildDoc } from './doc.js';
import { capitalState, famousIds, known } from './lexicon.js';
import type { MentionLayer } from './mentions.js';
import { buildMentions, newActor } from './mentions.js';
import { findStances } from './stances.js';

export interface ExtractOptions {
  /** User alias (surface form, case-insensitive) -> canonical actor id; wins over built-in resolution. */
  aliases?: Record<string, string>;
}

export const EXTRACTOR = 'stancegraph-extract/0.1';
/** Longer texts are cut (at a paragraph break) so that one article cannot stall a batch. */
export const MAX_CHARS = 200_000;
/** Sentences longer than this (run-on text, lists, tables) are not searched for stances. */
export const MAX_SENTENCE_TOKENS = 200;

const KIND_ORDER = { PERSON: 0, GOVERNMENT: 1, ORGANIZATION: 2, GROUP: 3, COUNTRY: 4, LOCATION: 5 } as const;
export function extract(article: Article, options: ExtractOptions = {}): ExtractionResult {
  const warnings: Warning[] = [];
  const result: ExtractionResult = {
    article: {
      id: article.id,
      source: article.source,
      title: article.title,
      publisher: article.publisher,
      publishedAt: article.publishedAt,
      url: article.url,
      sha256: article.sha256,
      extractor: EXTRACTOR,
    },
    actors: [],
    stances: [],
    warnings,
  };
  let text = typeof article.text === 'string' ? article.text : '';
  if (!text.trim()) {
    warnings.push({ message: 'empty text: nothing extracted' });
    return result;
  }
  // The reader has usually just judged this very text: englishRatio remembers its last answer.
  const lang = englishRatio(text);
  if (lang.words >= 20 && lang.ratio < 0.08) {
    warnings.push({
      message: `text does not look like English (function-word ratio ${lang.ratio.toFixed(2)}): nothing extracted`,
    });
    return result;
  }
  if (text.length > MAX_CHARS) {
    let cut = text.lastIndexOf('\n', MAX_CHARS);
    if (cut < MAX_CHARS / 2) cut = text.lastIndexOf(' ', MAX_CHARS);
    if (cut < MAX_CHARS / 2) cut = MAX_CHARS;
    warnings.push({
      message: `text is ${text.length} characters; only the first ${cut} were read`,
      start: cut,
      end: text.length,
    });
    text = text.slice(0, cut);
  }

  const doc = buildDoc(text);
  const layer = buildMentions(doc, options.aliases, article.publishedAt);
  resolvePronouns(doc, layer);
  const stances = findStances(doc, layer);
  capitalsAsStates(stances, layer);
  for (const s of doc.sentences) {
    if (s.t1 - s.t0 > MAX_SENTENCE_TOKENS)
      warnings.push({
        message: `sentence of ${s.t1 - s.t0} tokens skipped for stances`,
        start: s.start,
        end: s.end,
      });
  }

  result.actors = resultActors(layer, stances, !!options.aliases);
  result.stances = stances;
  return result;
}

/**
 * The actors of the result: those mentioned or in a stance, most prominent kinds first, then by
 * mentions. (`userAliases`: the user gave aliases, which keeps every person named.)
 */
function resultActors(
  layer: MentionLayer,
  stances: ExtractedStance[],
  userAliases: boolean,
): ExtractedActor[] {
  const used = new Set<string>();
  for (const s of stances) {
    used.add(s.source);
    if (s.speaker) used.add(s.speaker);
    if (typeof s.target === 'string') used.add(s.target);
  }
  for (const a of layer.actors.values()) for (const r of a.represents.keys()) if (r) used.add(r);
  const actors: ExtractedActor[] = [];
  for (const a of layer.actors.values()) {
    if (a.mentions === 0 && !used.has(a.id)) continue;
    // a capitalised pair seen once, with no title, role, short form or part in a stance, is as likely a
    // headline phrase or an event ("Christmas Midnight Mass") as a person: leave it out
    if (
      a.kind === 'PERSON' &&
      a.mentions <= 1 &&
      !famousIds.has(a.id) &&
      !a.role &&
      a.represents.size === 0 &&
      !used.has(a.id) &&
      [...a.aliases].every((x) => x === a.name) &&
      !userAliases
    )
      continue;
    const aliases = [...a.aliases].filter((x) => x !== a.name);
    const out: ExtractedActor = {
      id: a.id,
      name: a.name,
      kind: a.kind,
      aliases,
      mentions: Math.max(a.mentions, 1),
    };
    const reps = [...a.represents.entries()].filter(([id]) => id && layer.actors.has(id));
    if (reps.length) out.represents = reps.map(([actor, role]) => ({ actor, role }));
    if (a.role) out.role = a.role;
    actors.push(out);
  }
  actors.sort(
    (x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || y.mentions - x.mentions || x.id.localeCompare(y.id),
  );
  return actors;
}

/**
 * A capital read as a place ("in Damascus") stands for its state when it holds a stance ("Damascus
 * accused Ankara") or is its target, other than of an attack ("Washington blamed Damascus"). The
 * list of such capitals is actingCapitals in countries-extra.json.
 */
function capitalsAsStates(stances: ExtractedStance[], layer: MentionLayer): void {
  const state = (id: string | null): string | null => {
    if (!id || layer.actors.get(id)?.kind !== 'LOCATION') return null;
    const country = capitalState.get(id);
    if (!country) return null;
    const city = layer.actors.get(id)!;
    let a = layer.actors.get(country);
    if (!a) {
      a = newActor(country, known.get(country)?.name ?? city.name, 'COUNTRY');
      layer.actors.set(country, a);
    }
    a.aliases.add(city.name);
    a.mentions = Math.max(a.mentions, 1);
    return country;
  };
  for (const s of stances) {
    s.source = state(s.source) ?? s.source;
    s.speaker = state(s.speaker) ?? s.speaker;
    if (typeof s.target === 'string' && s.kind !== 'ATTACK') s.target = state(s.target) ?? s.target;
  }
}
