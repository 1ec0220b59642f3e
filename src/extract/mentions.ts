/**
 * Mentions and actor resolution: gazetteer matches (countries, demonyms, metonyms, organisations,
 * groups), proper-noun chunks, titles and roles, acronym definitions, government descriptions,
 * short names and pronouns, all resolved to one canonical actor per real-world actor.
 */
import type { ActorKind } from '../types.js';
import type { Doc, Token } from './doc.js';
import {
  compassWords,
  countryDemonym,
  countryName,
  days,
  documentHeads,
  type Entry,
  type EntryType,
  famousByName,
  famousBySurname,
  famousCountry,
  famousOffices,
  femaleHon,
  givenGender,
  groupsNotAfterPossessive,
  known,
  locPreps,
  maleHon,
  memberTitles,
  motionPreps,
  motionVerbs,
  nonNameCaps,
  notNamesAlone,
  notOrgAcronyms,
  orgDescriptors,
  orgHeads,
  orgHeadsAlone,
  orgParent,
  orgTails,
  personId,
  placeNouns,
  regimeNouns,
  reporting,
  slug,
  stateRoles,
  stripAl,
  surnameTitles,
  type TrieNode,
  timeWords,
  trieRoot,
  verbPredicates,
} from './lexicon.js';

export interface Mention {
  t0: number;
  t1: number;
  /** Actor id; '' for an unresolved pronoun. */
  actor: string;
  text: string;
  sent: number;
  /** Pronoun form (lower-case) when the mention is a pronoun. */
  pron?: string;
  /** A modifier (demonym adjective, "UN" in "UN resolution"), not an NP head. */
  adj?: boolean;
  /** "his party", "her party": the party of the person the pronoun resolves to (coref.ts). */
  partyOf?: boolean;
  /** For a person: where the titles, roles and affiliation written before the name start
   * ("Mr" in "Mr Smith", "Labour" in "Labour MP Oona King", "Foreign" in "Foreign Secretary Jack Straw"). */
  pre?: number;
}

export interface ActorRec {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: Set<string>;
  mentions: number;
  represents: Map<string, string | null>;
  gender?: 'm' | 'f';
  role?: string;
  /** For persons: lower-cased name tokens (al- prefixes stripped) for short-name lookup. */
  nameKeys?: string[];
  country?: string;
}

/**
 * A new actor record. Every field is present from the start, so that all records share one object
 * shape: V8 then compiles the many reads of them once instead of deoptimising on each new shape.
 */
export function newActor(id: string, name: string, kind: ActorKind): ActorRec {
  return {
    id,
    name,
    kind,
    aliases: new Set(),
    mentions: 0,
    represents: new Map(),
    gender: undefined,
    role: undefined,
    nameKeys: undefined,
    country: undefined,
  };
}

/** A new mention, every field present from the start (one object shape, as newActor). */
function newMention(
  t0: number,
  t1: number,
  actor: string,
  text: string,
  sent: number,
  extra: Partial<Mention> = {},
): Mention {
  return {
    t0,
    t1,
    actor,
    text,
    sent,
    pron: extra.pron,
    adj: extra.adj,
    partyOf: extra.partyOf,
    pre: extra.pre,
  };
}

export interface MentionLayer {
  mentions: Mention[];
  /** token index -> mention index covering it */
  at: Int32Array;
  actors: Map<string, ActorRec>;
  /** Opening mention order for pronoun resolution. */
  userAliases: Map<string, string>;
}

type Item =
  | { k: 'entry'; t0: number; t1: number; e: Entry; all: Entry[] }
  | { k: 'name'; t0: number; t1: number; text: string }
  | { k: 'pron'; t0: number; t1: number; p: string };

const PRONOUNS = new Set([
  'he',
  'she',
  'him',
  'his',
  'her',
  'it',
  'its',
  'they',
  'them',
  'their',
  'we',
  'us',
  'our',
  'i',
  'me',
  'my',
]);
const NAME_PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'abu',
  'de',
  'van',
  'von',
  'da',
  'di',
  'du',
  'der',
  'den',
  'la',
  'le',
  'ben',
  'del',
  'della',
  'dos',
  'das',
  'des',
  'ter',
]);
const PARTICLES_BEFORE = new RegExp(`^((${[...NAME_PARTICLES].join('|')})\\s+)+`);
const PLACE_TYPES = new Set<EntryType>(['country', 'metonym', 'location', 'demonym']);
const TYPE_RANK: Record<string, number> = {
  org: 0,
  country: 1,
  metonym: 2,
  location: 3,
  pluralDemonym: 4,
  demonym: 5,
  group: 6,
  orgShort: 7,
  role: 8,
  hon: 9,
  gov: 10,
  body: 11,
};

function caseOk(form: string, tokens: Token[], i: number, n: number): boolean {
  // compare word by word where counts line up (possessive splits are rare in lexicon forms); the
  // form is walked in place (this runs for every gazetteer hit)
  let from = 0;
  for (let k = 0; k < n; k++) {
    let to = form.indexOf(' ', from);
    if (to < 0) to = form.length;
    const c0 = form.charCodeAt(from);
    if (c0 >= 65 && c0 <= 90) {
      const f = form.slice(from, to);
      const tok = tokens[i + k];
      if (f.length <= 5 && f === f.toUpperCase() && /[A-Z]/.test(f)) {
        const t = tok.text;
        if (t !== f && t.replace(/\./g, '') !== f.replace(/\./g, '')) return false;
      } else if (!tok.cap) return false;
    }
    // lower-case lexicon word: any case
    if (to === form.length) break;
    from = to + 1;
  }
  return true;
}

function trieMatch(tokens: Token[], i: number, end: number): { t1: number; entries: Entry[] } | null {
  let node: TrieNode | undefined = trieRoot().next.get(tokens[i].lower);
  if (!node) return null;
  let best: { t1: number; entries: Entry[] } | null = null;
  for (let k = i; ; ) {
    if (node.entries.length) {
      const ok = node.entries.filter((e) => caseOk(e.form, tokens, i, k - i + 1));
      if (ok.length) best = { t1: k + 1, entries: ok };
    }
    k++;
    if (k >= end || node.next.size === 0) break;
    node = node.next.get(tokens[k].lower);
    if (!node) break;
  }
  if (best && best.entries.length > 1) best.entries.sort((a, b) => TYPE_RANK[a.type] - TYPE_RANK[b.type]);
  return best;
}

const chunkText = (tokens: Token[], i: number, j: number): string =>
  tokens
    .slice(i, j)
    .map((x, n) => (n && x.space ? ' ' : '') + x.text)
    .join('');

/** The end of a run of one to three lower-case name particles at j ("von der"), or j if there is none. */
function particlesEnd(tokens: Token[], j: number, t1: number): number {
  let k = j;
  while (k < t1 && k - j < 3 && !tokens[k].nl && NAME_PARTICLES.has(tokens[k].text)) k++;
  return k < t1 && !tokens[k].nl ? k : j;
}

/** A noun after a name makes the name its modifier ("Syria talks"), a time word does not ("Syria yesterday"). */
const nounNext = (t: Token | undefined): boolean => t?.pos === 'NOUN' && !timeWords.has(t.lower);

/** The gender a title states: "Mrs" f, "Mr" m, "Dr" none. */
const honGender = (hon: string | undefined): 'f' | 'm' | undefined =>
  hon && femaleHon.has(hon) ? 'f' : hon && maleHon.has(hon) ? 'm' : undefined;

const isNameWord = (t: Token | undefined): t is Token =>
  !!t &&
  t.cap &&
  /^\p{Lu}/u.test(t.text) &&
  !days.has(t.text) &&
  // "US-based", "British-born": a description before the name, not part of it
  !/-(based|born|bred|made|style)$/.test(t.text);
/** A name word at k, with no line break before it: the name runs on to k. */
const nameWordAt = (tokens: Token[], k: number) => isNameWord(tokens[k]) && !tokens[k].nl;

/** The item when it is a gazetteer entry of one of these types. */
const followEntry = (x: Item | undefined, ...types: EntryType[]) =>
  x && x.k === 'entry' && types.includes(x.e.type) ? x : undefined;

/** Items of one sentence: gazetteer entries, proper-noun chunks, pronouns. */
function sentenceItems(tokens: Token[], t0: number, t1: number): Item[] {
  const items: Item[] = [];
  let i = t0;
  while (i < t1) {
    const t = tokens[i];
    if ((t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'PRP') && PRONOUNS.has(t.lower)) {
      // "US" is never a pronoun when written in capitals
      if (!(t.text === 'US')) {
        items.push({ k: 'pron', t0: i, t1: i + 1, p: t.lower });
        i++;
        continue;
      }
    }
    // "western Europe", "Eastern Europe": a region, not the body the form also names (orgs.json `regional`)
    if (compassWords.has(t.lower)) {
      const r = trieMatch(tokens, i + 1, t1);
      if (r?.entries.every((e) => e.regional)) {
        i = r.t1;
        continue;
      }
    }
    let m = trieMatch(tokens, i, t1);
    // "the World Trade Organisation": a longer name starting one word later wins over "the world"
    if (m && m.t1 - i > 1) {
      const m2 = trieMatch(tokens, i + 1, t1);
      if (m2 && m2.t1 > m.t1) {
        i++;
        m = m2;
      }
    }
    // "the Russian Security Council", "US General Assembly": a name other bodies carry too, right
    // after a capitalised word, is that word's body, not the gazetteer's (after a proper-noun
    // chunk, "Supreme National Security Council", the chunk took it whole: trieStartsStrong)
    if (
      m &&
      onlyGeneric(m) &&
      i > t0 &&
      !tokens[i].nl &&
      isNameWord(tokens[i - 1]) &&
      tokens[i - 1].pos !== 'DET'
    ) {
      i = m.t1;
      continue;
    }
    const prev = items[items.length - 1];
    const afterHon = prev?.k === 'entry' && prev.e.type === 'hon' && prev.t1 === i;
    // "Mr Holland", "Mrs Jordan": one place word after an honorific is a surname
    const surname =
      m && m.t1 === i + 1 && afterHon && (PLACE_TYPES.has(m.entries[0].type) || surnameTitles.has(t.text));
    if (m && !surname) {
      items.push({ k: 'entry', t0: i, t1: m.t1, e: m.entries[0], all: m.entries });
      i = m.t1;
      continue;
    }
    // "Mr van der Veer", "Mrs von der Leyen": a surname that starts with particles
    const pEnd = afterHon ? particlesEnd(tokens, i, t1) : i;
    if (pEnd > i && isNameWord(tokens[pEnd]) && !nonNameCaps.has(tokens[pEnd].text)) {
      let j = pEnd + 1;
      while (j < t1 && !tokens[j].nl && isNameWord(tokens[j]) && !trieStartsStrong(tokens, j, t1)) j++;
      items.push({ k: 'name', t0: i, t1: j, text: chunkText(tokens, i, j) });
      i = j;
      continue;
    }
    const sentInitial = i === t0 || tokens[i - 1].text === '"' || tokens[i - 1].text === '\u201c';
    if (
      isNameWord(t) &&
      !nonNameCaps.has(t.text) &&
      (t.pos === 'PROPN' ||
        (!sentInitial && (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X' || t.pos === 'VERB')))
    ) {
      const j = nameChunkEnd(tokens, i, t1);
      items.push({ k: 'name', t0: i, t1: j, text: chunkText(tokens, i, j) });
      i = j;
      continue;
    }
    i++;
  }
  return items;
}

/**
 * The end of the proper-noun chunk that starts with the name word at i ("Association of Chief
 * Police Officers", "Osama bin Laden"): name words, name particles, and "of"/"for" after the head
 * of an organisation or document.
 */
function nameChunkEnd(tokens: Token[], i: number, t1: number): number {
  let j = i + 1;
  while (j < t1) {
    const u = tokens[j];
    if (u.nl) break;
    // after "of" in a name, a title or role word goes on with it: "Association of Chief Police Officers"
    const afterOf = j - 1 > i && /^(of|for)$/.test(tokens[j - 1].lower);
    if (isNameWord(u) && (afterOf || !trieStartsStrong(tokens, j, t1))) {
      j++;
      continue;
    }
    const low = u.lower;
    if (u.parts && NAME_PARTICLES.has(low.split('-')[0])) {
      j++;
      continue;
    }
    // "bin Laden", "von der Leyen", "van der Veer", "de la Rua": particles, then a name word
    const after = particlesEnd(tokens, j, t1);
    if (after > j && isNameWord(tokens[after])) {
      j = after + 1;
      continue;
    }
    if (
      (low === 'of' || low === 'for') &&
      j + 1 < t1 &&
      isNameWord(tokens[j + 1]) &&
      (orgHeads.has(tokens[j - 1].text) || documentHeads.has(tokens[j - 1].text))
    ) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** A hyphenated given name of two short syllables ("Ki-moon", "Jong-un"), not an English compound ("Idol-type"). */
const KOREAN_GIVEN =
  /^\p{Lu}\p{Ll}{1,4}-(?!(?:type|led|run|born|made|like|free|based|style|owned|wide|long|old|year|size|time|back|up|in|off|out|on|day|era)$)\p{Ll}{2,5}$/u;

/** A match whose every entry is a name other bodies carry too ("Security Council"). */
const onlyGeneric = (m: { entries: Entry[] }) => m.entries.every((e) => e.generic);

/** A gazetteer entry of a kind that should end a running proper-noun chunk. */
function trieStartsStrong(tokens: Token[], j: number, t1: number): boolean {
  const m = trieMatch(tokens, j, t1);
  if (!m || onlyGeneric(m)) return false;
  const e = m.entries[0];
  // "John Major", "Oona King": a title that is a surname too, ending the name, is its surname
  if (m.t1 === j + 1 && surnameTitles.has(tokens[j].text) && !nameWordAt(tokens, j + 1)) return false;
  return (
    e.type === 'org' ||
    e.type === 'role' ||
    e.type === 'hon' ||
    e.type === 'demonym' ||
    (e.type === 'country' && m.t1 - j > 1)
  );
}

/** Items by the token they end at (itemAt: t1 -> item index) and start at (itemStart). */
function itemIndex(allItems: Item[]): { itemAt: Map<number, number>; itemStart: Map<number, number> } {
  const itemAt = new Map<number, number>();
  const itemStart = new Map<number, number>();
  allItems.forEach((it, n) => {
    itemAt.set(it.t1, n);
    itemStart.set(it.t0, n);
  });
  return { itemAt, itemStart };
}

/** User aliases by lower-cased surface form. */
function lowerCaseAliases(userAliases: Record<string, string> | undefined): Map<string, string> {
  const user = new Map<string, string>();
  for (const [k, v] of Object.entries(userAliases ?? {})) user.set(k.toLowerCase(), v);
  return user;
}

/** Pass 1: the items of every sentence, in order. */
function articleItems(doc: Doc): Item[] {
  const allItems: Item[] = [];
  for (const s of doc.sentences) for (const it of sentenceItems(doc.tokens, s.t0, s.t1)) allItems.push(it);
  return allItems;
}

/** Acronym definitions: "Palestinian Authority (PA)" -> PA -> the item it stands for. */
function acronymDefinitions(tokens: Token[], allItems: Item[]): Map<string, Item> {
  const acronyms = new Map<string, Item>();
  for (let n = 0; n < allItems.length; n++) {
    const it = allItems[n];
    const open = tokens[it.t1];
    const ac = tokens[it.t1 + 1];
    const close = tokens[it.t1 + 2];
    if (
      open?.text === '(' &&
      close?.text === ')' &&
      ac &&
      /^[A-Z][A-Z.&]{1,7}$/.test(ac.text) &&
      it.k !== 'pron'
    ) {
      acronyms.set(ac.text, it);
    }
  }
  return acronyms;
}

/** The final mention layer: mentions sorted and without overlaps, the token index map, mention counts. */
function finalLayer(
  mentions: Mention[],
  tokenCount: number,
  actors: Map<string, ActorRec>,
  user: Map<string, string>,
): MentionLayer {
  const final = mentions.filter((m) => m.actor !== '' || m.pron).sort((x, y) => x.t0 - y.t0 || y.t1 - x.t1);
  const kept: Mention[] = [];
  let lastEnd = -1;
  for (const m of final) {
    if (m.t0 < lastEnd) continue;
    kept.push(m);
    lastEnd = m.t1;
  }
  const at = new Int32Array(tokenCount).fill(-1);
  kept.forEach((m, k) => {
    for (let t = m.t0; t < m.t1; t++) at[t] = k;
  });
  for (const m of kept) {
    if (!m.actor) continue;
    const a = actors.get(m.actor);
    if (a) a.mentions++;
  }
  return { mentions: kept, at, actors, userAliases: user };
}

export function buildMentions(
  doc: Doc,
  userAliases: Record<string, string> | undefined,
  publishedAt?: string | null,
): MentionLayer {
  // The loops over the article run in helpers and local functions (classifyNames, mentionItems,
  // ...), not in this body: V8 optimises a body that creates this many closures and also loops
  // several times more slowly, and recompiles it whenever a callee inlined there deoptimises.
  const { tokens } = doc;
  /** The article's year, when known: it picks between people who share a name in different eras. */
  const year = /^\d{4}/.test(publishedAt ?? '') ? Number(publishedAt!.slice(0, 4)) : undefined;
  const actors = new Map<string, ActorRec>();
  const mentions: Mention[] = [];
  const user = lowerCaseAliases(userAliases);

  const ensure = (id: string, name: string, kind: ActorKind): ActorRec => {
    let a = actors.get(id);
    if (!a) {
      a = newActor(id, name, kind);
      // "Angela Merkel" is "she" though no title says so (a one-word name is a surname)
      const words = name.split(/\s+/);
      if (kind === 'PERSON' && words.length > 1) a.gender = givenGender(words[0]);
      actors.set(id, a);
    }
    return a;
  };
  /** Words the article writes in lower case (built when first needed). */
  let lowerSet: Set<string> | undefined;
  const lowerWords = (): Set<string> => {
    if (!lowerSet) {
      lowerSet = new Set();
      for (const t of tokens) if (t.text === t.lower) lowerSet.add(t.lower);
    }
    return lowerSet;
  };
  /** A capitalised word follows: the name is longer than the chunk. */
  const nameGoesOn = (t: number) => tokens[t]?.cap === true && tokens[t].pos === 'PROPN' && !tokens[t].nl;
  /**
   * A titled surname with no full name in the article ("Mr Blair", "Foreign Minister Lavrov", not
   * "Sir Cameron Mackintosh"): the prominent person it names (famousBySurname) as a PERSON actor,
   * which later short forms of that surname go to.
   */
  const famousFromSurname = (
    it: { t1: number; text: string },
    title: string | undefined,
  ): ActorRec | undefined => {
    if (nameGoesOn(it.t1)) return undefined;
    // "von der Leyen": the lexicon's surname drops lower-case particles
    const famous = famousBySurname(it.text.replace(PARTICLES_BEFORE, ''), year, title);
    if (!famous) return undefined;
    const a = ensure(famous.id, famous.name, 'PERSON');
    a.kind = 'PERSON';
    personByKey.set(stripAl(it.text), famous.id);
    return a;
  };
  /** A person's id from a surname alone; "Mrs Jordan" must not become the node of Jordan, the country. */
  const personSlug = (text: string): string => {
    const id = slug(text);
    const k = known.get(id);
    return k && k.kind !== 'PERSON' ? `${id}-person` : id;
  };
  const textOf = (t0: number, t1: number) => doc.text.slice(tokens[t0].start, tokens[t1 - 1].end);
  const add = (t0: number, t1: number, actor: string, extra: Partial<Mention> = {}): Mention => {
    const m = newMention(t0, t1, actor, textOf(t0, t1), tokens[t0].sent, extra);
    mentions.push(m);
    return m;
  };
  /** Kind of an actor named by a user alias: the built-in kind when the id is known. */
  const userKind = (id: string, fallback: ActorKind): ActorKind =>
    known.get(id)?.kind ?? (id.endsWith('-government') ? 'GOVERNMENT' : fallback);
  const knownActor = (id: string): ActorRec => {
    const k = known.get(id);
    return ensure(id, k?.name ?? id, k?.kind ?? 'ORGANIZATION');
  };

  // ---- pass 1: items per sentence ----
  const allItems = articleItems(doc);
  const acronyms = acronymDefinitions(tokens, allItems);

  // persons first (so short names can be resolved in any order)
  interface PersonDraft {
    item: Item & { k: 'name' };
    role?: string;
    aff?: string;
    gender?: 'm' | 'f';
    hon?: string;
  }
  const drafts: PersonDraft[] = [];
  const { itemAt, itemStart } = itemIndex(allItems);
  const affId = (it: Item | undefined): string | undefined => {
    if (it?.k !== 'entry') return undefined;
    const e = it.e;
    if (e.type === 'country' || e.type === 'demonym' || e.type === 'metonym' || e.type === 'org') return e.id;
    return undefined;
  };

  /** Role + affiliation to the left of token position p (exclusive). */
  const leftRole = (
    p: number,
  ): { role?: string; aff?: string; hon?: string; start: number; honStart: number } => {
    // nothing before a line break describes the name ("... Shell boss" in a headline, then "Shell is")
    if (tokens[p]?.nl) return { start: p, honStart: p };
    let q = p;
    let honStart = p;
    let hon: string | undefined;
    let role: string | undefined;
    let aff: string | undefined;
    let n = itemAt.get(q);
    if (n !== undefined && allItems[n].k === 'entry' && (allItems[n] as { e: Entry }).e.type === 'hon') {
      hon = (allItems[n] as { e: Entry }).e.id;
      q = allItems[n].t0;
      honStart = q;
      n = itemAt.get(q);
    }
    // "Russia's deputy foreign minister, Gennady Gatilov"
    if (n === undefined && tokens[q - 1]?.text === ',') {
      const n2 = itemAt.get(q - 1);
      if (
        n2 !== undefined &&
        allItems[n2].k === 'entry' &&
        (allItems[n2] as { e: Entry }).e.type === 'role'
      ) {
        n = n2;
        q = q - 1;
      }
    }
    const roles: string[] = [];
    while (n !== undefined && allItems[n].k === 'entry' && (allItems[n] as { e: Entry }).e.type === 'role') {
      // "will captain England": a role word used as a verb
      if (allItems[n].t1 - allItems[n].t0 === 1 && tokens[allItems[n].t0].pos === 'VERB') break;
      roles.unshift(textOf(allItems[n].t0, allItems[n].t1).toLowerCase());
      q = allItems[n].t0;
      n = itemAt.get(q);
    }
    // "deputy" etc. written before a role (only before one: "the former England forward" names no role)
    while (
      roles.length &&
      q > 0 &&
      /^(deputy|former|acting|senior|junior|shadow|chief)$/i.test(tokens[q - 1].text)
    ) {
      roles.unshift(tokens[q - 1].lower);
      q--;
      n = itemAt.get(q);
    }
    // "best actor Oscar", "best actress nomination": an award category, not a person's role
    if (roles.length && /^(best|worst)$/.test(tokens[q - 1]?.lower ?? '')) roles.length = 0;
    if (roles.length) role = roles.join(' ');
    if (role || hon) {
      let n2 = itemAt.get(q);
      if (n2 === undefined && tokens[q - 1]?.lower === "'s") n2 = itemAt.get(q - 1);
      const a = n2 !== undefined ? affId(allItems[n2]) : undefined;
      if (a) {
        aff = a;
        q = allItems[n2!].t0;
      }
    }
    return { role, aff, hon, start: q, honStart };
  };

  /** The `pre` of a person mention starting at t0, when titles or roles stand before it. */
  const prefix = (lr: { start: number }, t0: number): Partial<Mention> =>
    lr.start < t0 ? { pre: lr.start } : {};

  /** Appositive role to the right: "Gennady Gatilov, Russia's deputy foreign minister," / "Brad Adams, from the UK's Human Rights Watch". */
  const rightRole = (p: number): { role?: string; aff?: string } => {
    if (tokens[p]?.text !== ',') return {};
    let q = p + 1;
    if (tokens[q]?.lower === 'from') {
      q++;
      let last: string | undefined;
      for (let k = 0; k < 8 && q < tokens.length && tokens[q].sent === tokens[p].sent; k++) {
        const n = itemStart.get(q);
        if (n !== undefined) {
          const it = allItems[n];
          if (it.k === 'entry' && affId(it)) last = affId(it);
          if (it.k === 'name') last = `name:${it.text}`;
          q = it.t1;
        } else if (/^(the|'s)$/i.test(tokens[q].lower)) q++;
        else break;
      }
      return last ? { aff: last } : {};
    }
    if (tokens[q]?.lower === 'the' || tokens[q]?.lower === 'a') q++;
    let aff: string | undefined;
    let n = itemStart.get(q);
    if (n !== undefined && affId(allItems[n])) {
      aff = affId(allItems[n]);
      q = allItems[n].t1;
      if (tokens[q]?.lower === "'s") q++;
      n = itemStart.get(q);
    } else if (n !== undefined && followEntry(allItems[n], 'location')) {
      // "Ken Livingstone, the London mayor,": a place before the role
      q = allItems[n].t1;
      n = itemStart.get(q);
    }
    const roles: string[] = [];
    while (q < tokens.length && /^(deputy|former|acting|senior|shadow|chief)$/i.test(tokens[q].text)) {
      roles.push(tokens[q].lower);
      q++;
      n = itemStart.get(q);
    }
    while (n !== undefined && allItems[n].k === 'entry' && (allItems[n] as { e: Entry }).e.type === 'role') {
      roles.push(textOf(allItems[n].t0, allItems[n].t1).toLowerCase());
      q = allItems[n].t1;
      n = itemStart.get(q);
    }
    if (!roles.length) return {};
    // "Ken Livingstone, the mayor of London,", "..., leader of the Conservative Party,"
    if (tokens[q]?.lower === 'of') {
      let r = q + 1;
      if (tokens[r]?.lower === 'the') r++;
      const of = itemStart.get(r);
      if (of !== undefined && (affId(allItems[of]) || followEntry(allItems[of], 'location'))) {
        aff ??= affId(allItems[of]);
        q = allItems[of].t1;
      }
    }
    const end = tokens[q]?.text;
    if (end === ',' || end === '.' || end === undefined || end === ')') return { role: roles.join(' '), aff };
    return {};
  };

  /**
   * Acronyms the article never defines that speak or take a stance as "the ONS said", "the RAC
   * welcomed", "said the IAAF": organisations (not member titles, "the MP said", nor cues.json
   * notOrgAcronyms). Every use of one in the article is then that organisation.
   */
  let acting: Set<string> | undefined;
  function actingAcronyms(): Set<string> {
    if (acting) return acting;
    acting = new Set();
    for (const it of allItems) {
      if (it.k !== 'name' || it.t1 !== it.t0 + 1 || !/^[A-Z][A-Z&]{1,7}$/.test(it.text)) continue;
      if (acronyms.has(it.text) || memberTitles.has(it.text) || notOrgAcronyms.has(it.text)) continue;
      if (tokens[it.t0 - 1]?.lower !== 'the') continue;
      let v = it.t1;
      while (tokens[v] && (tokens[v].pos === 'AUX' || tokens[v].pos === 'ADV') && v < it.t1 + 3) v++;
      const verb = tokens[v];
      const speaks =
        (!!verb &&
          verb.pos === 'VERB' &&
          !/ing$/.test(verb.lower) &&
          (reporting.has(verb.lemma) || verbPredicates.has(verb.lemma))) ||
        tokens[it.t0 - 2]?.lemma === 'say';
      if (speaks) acting.add(it.text);
    }
    return acting;
  }

  // classify name chunks
  const nameKind = new Map<Item, 'person' | 'org' | 'loc' | 'skip' | 'short'>();
  classifyNames();
  function classifyNames(): void {
    for (const it of allItems) if (it.k === 'name') classifyName(it);
  }

  /** Person, organisation, place, short form, or nothing: what a capitalised name chunk is. */
  function classifyName(it: Extract<Item, { k: 'name' }>): void {
    // "General Election", "General Motors": never a person, whatever the title before
    if (!/\s/.test(it.text) && notNamesAlone.has(it.text)) {
      nameKind.set(it, 'skip');
      return;
    }
    const words = it.text.split(/\s+/);
    const ofIdx = words.findIndex((w) => w === 'of' || w === 'for');
    const head = ofIdx > 0 ? words[ofIdx - 1] : words[words.length - 1];
    const prev = tokens[it.t0 - 1];
    const lr = leftRole(it.t0);
    // "civil rights group Liberty", "think tank Demos", "the charity Shelter": a descriptor names an organisation
    if (
      prev &&
      prev.sent === tokens[it.t0].sent &&
      !prev.cap &&
      orgDescriptors.has(prev.lower) &&
      !/^(of|for)$/.test(words[0])
    ) {
      nameKind.set(it, 'org');
      return;
    }
    if (user.has(it.text.toLowerCase())) {
      nameKind.set(it, 'org');
      return;
    }
    if (/^[A-Z][A-Z.&]{1,7}$/.test(it.text)) {
      nameKind.set(it, acronyms.has(it.text) ? 'short' : actingAcronyms().has(it.text) ? 'org' : 'skip');
      return;
    }
    if (documentHeads.has(head)) {
      nameKind.set(
        it,
        /^(Square|Street|Road|Avenue|Province|Region|Island|Islands|River|Valley|Mountain|Mountains)$/.test(
          head,
        )
          ? 'loc'
          : 'skip',
      );
      return;
    }
    if (
      orgHeads.has(head) ||
      orgHeads.has(words[0]) ||
      (words.length > 1 && orgTails.has(words[words.length - 1]))
    ) {
      nameKind.set(it, 'org');
      return;
    }
    // "the Glasgow Kelvin MP": a constituency, no actor (not "Andrew Tyrie MP", a person)
    if (!lr.role && !lr.hon && prev?.lower === 'the' && memberTitles.has(tokens[it.t1]?.text ?? '')) {
      nameKind.set(it, 'skip');
      return;
    }
    if (lr.role || lr.hon) {
      nameKind.set(it, 'person');
      drafts.push({ item: it, role: lr.role, aff: lr.aff, hon: lr.hon });
      return;
    }
    const afterLoc =
      !!prev &&
      (locPreps.has(prev.lower) ||
        (prev.lower === 'of' && placeNouns.has(tokens[it.t0 - 2]?.lower ?? '')) ||
        (motionPreps.has(prev.lower) && motionVerbs.has(tokens[it.t0 - 2]?.lemma ?? '')));
    // a bare capitalised sequence is a person's name only if it looks like one: no common nouns
    // ("New Year", "Falklands War"), no plurals ("Scottish Colonels"), no compass words ("West Sussex")
    let nameLike = true;
    for (let k = it.t0; k < it.t1; k++) {
      const tk = tokens[k];
      if (
        tk.pos === 'NUM' ||
        /^(North|South|East|West|Central|Upper|Lower|New|Old|Great|Royal|National|General)$/.test(tk.text)
      )
        nameLike = false;
      // (a hyphenated given name the tagger calls an adjective is one: "Ban Ki-moon", "Kim Jong-un")
      if (k === it.t1 - 1 && (tk.pos === 'NOUN' || tk.pos === 'ADJ') && !KOREAN_GIVEN.test(tk.text))
        nameLike = false;
    }
    // "at Jack Straw's country house": a name-like chunk owning something is a person even after "at"
    // (not "at St Mary's": a saint's name is a church, a ground, a hospital)
    const owns = tokens[it.t1]?.lower === "'s" && !/^(St\.?|Saint)$/.test(words[0]);
    if (words.length >= 2 && words.length <= 5 && (!afterLoc || owns) && nameLike) {
      const rr = rightRole(it.t1);
      nameKind.set(it, 'person');
      drafts.push({ item: it, role: rr.role, aff: rr.aff });
      return;
    }
    nameKind.set(it, afterLoc ? 'loc' : 'short');
  }

  // person actors from full names
  const personByKey = new Map<string, string>(); // single name token -> person id
  const personAmbiguous = new Set<string>();
  const firstKey = new Map<string, string>();
  personsFromFullNames();
  function personsFromFullNames(): void {
    for (const d of drafts) {
      const words = d.item.text.split(/\s+/);
      // a surname with its particles ("Mr van der Veer") is no full name
      if (words.length < 2 || NAME_PARTICLES.has(words[0])) continue;
      // a prominent person's variant ("Bashar Assad", "George Bush" in 2004) gets the canonical id
      const famous = famousByName(d.item.text, year);
      const id = famous?.id ?? personId(d.item.text);
      const a = ensure(id, famous?.name ?? d.item.text, 'PERSON');
      a.nameKeys = words.map(stripAl);
      a.gender = honGender(d.hon) ?? a.gender;
      const last = stripAl(words[words.length - 1]);
      // two people sharing a surname ("Tony Blair", "Cherie Blair"): the short form goes to the one
      // named first, the article's main referent, rather than becoming a third node
      if (!personByKey.has(last)) personByKey.set(last, id);
      const first = stripAl(words[0]);
      if (firstKey.has(first) && firstKey.get(first) !== id) personAmbiguous.add(`first:${first}`);
      firstKey.set(first, id);
    }
  }
  /** Surname -> the person whose full name came last so far ("Sir Ian Blair ... Tony Blair ... Mr Blair"). */
  const lastNamed = new Map<string, string>();
  const personFor = (text: string, hon?: string): string | undefined => {
    const words = text.split(/\s+/);
    // "van der Veer" after "Jeroen van der Veer": a surname with its particles
    if (words.length >= 2 && NAME_PARTICLES.has(words[0])) {
      const key = stripAl(words[words.length - 1]);
      const cand = personByKey.get(key);
      const name = cand ? actors.get(cand)?.name.toLowerCase() : undefined;
      if (cand && !personAmbiguous.has(key) && name?.endsWith(` ${text.toLowerCase()}`)) return cand;
    }
    if (words.length >= 2) {
      const id = personId(text);
      if (actors.has(id)) return id;
      const famous = famousByName(text, year);
      if (famous && actors.has(famous.id)) return famous.id;
      // "Bashar Assad" for "Bashar al-Assad"
      const last = stripAl(words[words.length - 1]);
      const cand = personByKey.get(last);
      if (cand && !personAmbiguous.has(last) && actors.get(cand)?.nameKeys?.[0] === stripAl(words[0]))
        return cand;
      return undefined;
    }
    const key = stripAl(words[0]);
    const recent = lastNamed.get(key);
    const g = honGender(hon);
    const rg = recent ? actors.get(recent)?.gender : undefined;
    if (recent && !personAmbiguous.has(key) && !(g && rg && g !== rg)) return recent;
    if (personByKey.has(key) && !personAmbiguous.has(key)) return personByKey.get(key);
    // Korean-style family name first ("Ban" for "Ban Ki-moon")
    if (firstKey.has(key) && !personAmbiguous.has(`first:${key}`)) {
      const id = firstKey.get(key)!;
      if (actors.get(id)?.nameKeys?.some((k) => k.includes('-'))) return id;
    }
    return undefined;
  };

  /** "Sir Phil" after "Sir Phil Watts": a knight or dame is named by the first name. */
  const knightFor = (text: string, hon: string | undefined): string | undefined => {
    if (!hon || !/^(sir|dame)$/i.test(hon) || /\s/.test(text)) return undefined;
    const key = stripAl(text);
    return personAmbiguous.has(`first:${key}`) ? undefined : firstKey.get(key);
  };

  // ---- pass 2: mentions ----
  const govMentions: {
    m: Mention;
    country?: string;
    viaPerson?: string;
    descriptive: boolean;
    body: boolean;
  }[] = [];
  const countryCount = new Map<string, number>();
  const lastRole = new Map<string, string>(); // role -> person id
  /** The prominent person held `role` (for `body`, if given) in the article's year, or ever when undated. */
  const heldOffice = (id: string, role: string, body?: string): boolean =>
    !!famousOffices
      .get(id)
      ?.some(
        (o) =>
          o.role === role &&
          (!body || o.body === body) &&
          (year === undefined || (year >= o.from && year <= o.to)),
      );
  /**
   * The one person named before token `t0` who held `role`, unless the article gave them another
   * office they held at other times ("Chancellor Gordon Brown" is not "the prime minister").
   */
  const officeHolder = (role: string, body: string | undefined, t0: number): string | undefined => {
    let found: string | undefined;
    for (const a of actors.values()) {
      if (a.kind !== 'PERSON' || !heldOffice(a.id, role, body)) continue;
      if (!mentions.some((m) => m.actor === a.id && m.t0 < t0)) continue;
      if (a.role && a.role !== role) {
        const offices = famousOffices.get(a.id)!;
        const named = offices.filter((o) => o.role === a.role);
        const meant = offices.filter((o) => o.role === role);
        if (named.length && !named.some((x) => meant.some((y) => x.from < y.to && y.from < x.to))) continue;
      }
      if (found) return undefined;
      found = a.id;
    }
    return found;
  };
  let lastOpposition: string | undefined;
  mentionItems();

  /** Every item's mention, in order. */
  function mentionItems(): void {
    for (let n = 0; n < allItems.length; n++) {
      const it = allItems[n];
      if (it.k === 'pron') {
        // "his party would oppose": the person's party, once coref.ts knows who "his" is
        if ((it.p === 'his' || it.p === 'her') && tokens[it.t1]?.lower === 'party' && !itemStart.has(it.t1))
          add(it.t0, it.t1 + 1, '', { pron: it.p, partyOf: true });
        else add(it.t0, it.t1, '', { pron: it.p });
        continue;
      }
      if (it.k === 'entry') n = entryMention(n, it);
      else nameMention(it);
    }
  }

  /** A gazetteer entry at item n (country, body, role, description ...); returns the last item it used. */
  function entryMention(n: number, it: Extract<Item, { k: 'entry' }>): number {
    const nextTok = tokens[it.t1];
    const nextItem = itemStart.get(it.t1) !== undefined ? allItems[itemStart.get(it.t1)!] : undefined;
    const possItem =
      nextTok?.lower === "'s" && itemStart.get(it.t1 + 1) !== undefined
        ? allItems[itemStart.get(it.t1 + 1)!]
        : undefined;
    const e = it.e;
    const userId = user.get(textOf(it.t0, it.t1).toLowerCase());
    if (userId) {
      const a = ensure(
        userId,
        known.get(userId)?.name ?? textOf(it.t0, it.t1),
        userKind(userId, 'ORGANIZATION'),
      );
      a.aliases.add(textOf(it.t0, it.t1));
      add(it.t0, it.t1, userId);
      return n;
    }
    if (e.type === 'country' || e.type === 'demonym' || e.type === 'metonym' || e.type === 'pluralDemonym') {
      const id = e.id;
      // country/demonym + government noun / state body / opposition
      const gov = followEntry(nextItem, 'gov') ?? followEntry(possItem, 'gov');
      // a state body ("Russia's foreign ministry") or an official with no name given ("Iraq's prime
      // minister hailed"; with a name after it, the person is the actor) speaks for the country
      const role = followEntry(nextItem, 'role') ?? followEntry(possItem, 'role');
      const body =
        followEntry(nextItem, 'body') ??
        followEntry(possItem, 'body') ??
        (role && stateRoles.has(role.e.id) && !nameWordAt(tokens, role.t1) ? role : undefined);
      const oppTok =
        nextTok?.lower === 'opposition'
          ? it.t1
          : nextTok?.lower === "'s" && tokens[it.t1 + 1]?.lower === 'opposition'
            ? it.t1 + 1
            : -1;
      if (known.get(id)?.kind === 'COUNTRY' || countryName.has(id))
        countryCount.set(id, (countryCount.get(id) ?? 0) + 1);
      if (gov && known.get(id)?.kind === 'COUNTRY') {
        const m = add(it.t0, gov.t1, id);
        govMentions.push({ m, country: id, descriptive: regimeNouns.has(gov.e.id), body: false });
        return allItems.indexOf(gov, n);
      }
      if (body && known.get(id)?.kind === 'COUNTRY') {
        const m = add(it.t0, body.t1, id);
        govMentions.push({ m, country: id, descriptive: false, body: true });
        return allItems.indexOf(body, n);
      }
      if (
        oppTok >= 0 &&
        !/^(to|from)$/.test(tokens[oppTok + 1]?.lower ?? '') &&
        known.get(id)?.kind === 'COUNTRY'
      ) {
        const gid = `${id}-opposition`;
        const a = ensure(gid, `${countryDemonym.get(id) ?? countryName.get(id)} opposition`, 'GROUP');
        const m = add(it.t0, oppTok + 1, gid);
        a.aliases.add(m.text);
        lastOpposition = gid;
        if (possItem) n++;
        return n;
      }
      // demonym/country + unknown organisation name: "Syrian Human Rights Committee"
      if (nextItem?.k === 'name' && nameKind.get(nextItem) === 'org') {
        nameKind.set(nextItem, 'skip');
        const name = textOf(it.t0, nextItem.t1);
        const oid = slug(name);
        const a = ensure(oid, name.replace(/^the /i, ''), 'ORGANIZATION');
        a.aliases.add(name);
        add(it.t0, nextItem.t1, oid);
        n++;
        return n;
      }
      const a = knownActor(id);
      // a singular demonym is an adjective ("Russian policy", "American and Western statements")
      const isAdj =
        e.type === 'demonym' &&
        !!nextTok &&
        ((/^(NOUN|PROPN|ADJ)$/.test(nextTok.pos) && nextTok.lower !== "'s") ||
          ((nextTok.lower === 'and' || nextTok.lower === 'or' || nextTok.text === ',') &&
            !/s$/.test(it.e.form)));
      // "The American had cast doubt", "the Briton said": one person of that country, not the
      // country ("the French", "the Chinese", "the Swiss" are its people, and stand for it)
      if (
        e.type === 'demonym' &&
        !isAdj &&
        tokens[it.t0 - 1]?.lower === 'the' &&
        !/(sh|ch|ese|ss|s)$/i.test(textOf(it.t0, it.t1))
      )
        return n;
      const isMod =
        e.type !== 'demonym' &&
        e.type !== 'pluralDemonym' &&
        !!nextTok &&
        (nounNext(nextTok) || (nextTok.pos === 'PROPN' && nextItem?.k !== 'name'));
      a.aliases.add(textOf(it.t0, it.t1));
      add(it.t0, it.t1, id, { adj: isAdj || isMod });
      return n;
    }
    if (e.type === 'org' || e.type === 'group') {
      // "US Congress" names the United States too (which country "the administration" is)
      const parent = orgParent.get(e.id);
      if (parent && known.get(parent)?.kind === 'COUNTRY')
        countryCount.set(parent, (countryCount.get(parent) ?? 0) + 1);
      // "the world's", "protesters camp": modifiers
      if (
        e.type === 'group' &&
        e.id === 'international-community' &&
        textOf(it.t0, it.t1).toLowerCase() === 'the world' &&
        (nextTok?.lower === "'s" || nextTok?.pos === 'NOUN')
      )
        return n;
      if (
        groupsNotAfterPossessive.has(e.id) &&
        /^(his|her|their|its|our|my|your)$/.test(tokens[it.t0 - 1]?.lower ?? '')
      )
        return n;
      const a = knownActor(e.id);
      a.aliases.add(textOf(it.t0, it.t1));
      const isMod =
        !!nextTok &&
        (nounNext(nextTok) ||
          (nextTok.pos === 'PROPN' && nextItem?.k !== 'name' && !followEntry(nextItem, 'role')));
      add(it.t0, it.t1, e.id, { adj: isMod });
      return n;
    }
    if (e.type === 'orgShort') {
      if (actors.has(e.id)) {
        actors.get(e.id)!.aliases.add(textOf(it.t0, it.t1));
        add(it.t0, it.t1, e.id);
      }
      return n;
    }
    if (e.type === 'location') {
      const a = ensure(e.id, textOf(it.t0, it.t1), 'LOCATION');
      a.aliases.add(textOf(it.t0, it.t1));
      add(it.t0, it.t1, e.id, { adj: nounNext(nextTok) });
      return n;
    }
    if (e.type === 'gov') {
      const prev = tokens[it.t0 - 1];
      const body = followEntry(nextItem, 'body');
      const isRegime = regimeNouns.has(e.id);
      // "Assad's government"
      if (prev?.lower === "'s") {
        const pn = itemAt.get(it.t0 - 1);
        const pit = pn !== undefined ? allItems[pn] : undefined;
        if (pit?.k === 'name') {
          const pid = personFor(pit.text);
          if (pid) {
            const m = add(pit.t0, body ? body.t1 : it.t1, '');
            govMentions.push({ m, viaPerson: pid, descriptive: true, body: false });
            if (body) n++;
            return n;
          }
        }
        return n;
      }
      const det = prev?.lower;
      const modifierUse =
        !body &&
        nextTok &&
        (nextTok.pos === 'NOUN' || nextTok.pos === 'PROPN') &&
        !/^(forces|troops)$/.test(nextTok.lower);
      if (
        (det === 'the' ||
          det === 'his' ||
          det === 'its' ||
          det === 'her' ||
          det === 'their' ||
          body ||
          (isRegime && (!det || !/^(a|an)$/.test(det)))) &&
        !modifierUse
      ) {
        if (!isRegime && !body && det !== 'the') return n;
        if (e.id === 'governments' || e.id === 'authorities' || e.id === 'leadership' || e.id === 'cabinet') {
          if (det !== 'the') return n;
        }
        const m = add(det === 'the' ? it.t0 - 1 : it.t0, body ? body.t1 : it.t1, '');
        govMentions.push({
          m,
          descriptive: true,
          body: false,
          viaPerson: det === 'his' || det === 'her' ? 'PRON' : undefined,
        });
        if (body) n++;
      }
      return n;
    }
    if (e.type === 'role') {
      // "the Prime Minister" (no name follows): the last person with that role, else the one
      // person named so far who held it (people.json offices: "Tony Blair ... the prime minister")
      const prev = tokens[it.t0 - 1];
      if (nextItem?.k === 'name' || nextTok?.lower === ',') return n;
      if (nextTok && nextTok.pos === 'NOUN') return n;
      const role = e.id; // (the role itself for a short form: "the PM" is "prime minister")
      // "the Syrian president": demonym before the role narrows it; "the Tory leader", "the Labour
      // chairman": the last person with that role who represents that body
      const an = itemAt.get(it.t0);
      const aff = an !== undefined ? affId(allItems[an]) : undefined;
      const fitsFor = (id: string) =>
        prev?.lower === 'the' ||
        prev?.lower === "'s" ||
        (!!aff &&
          tokens[allItems[an!].t0 - 1]?.lower === 'the' &&
          (actors.get(id)!.represents.has(aff) || heldOffice(id, role, aff)));
      let pid = lastRole.get(role);
      // ("the president of the Law Society" is someone else)
      // (but "accused the prime minister of lying": "of" and a gerund is what he is accused of)
      const ofOther = nextTok?.lower === 'of' && !/ing$/.test(tokens[it.t1 + 1]?.lower ?? '');
      if ((!pid || !fitsFor(pid)) && !ofOther) pid = officeHolder(role, aff, it.t0);
      if (pid && fitsFor(pid)) {
        actors.get(pid)!.aliases.add(textOf(it.t0, it.t1));
        add(it.t0, it.t1, pid);
      }
      return n;
    }
    if (e.type === 'hon') {
      // honorific before a name is handled with the name
      return n;
    }
    return n;
  }

  /** A capitalised name chunk: an organisation, a place, a short form of a person, or a person. */
  function nameMention(it: Extract<Item, { k: 'name' }>): void {
    // ---- name chunks ----
    const kind = nameKind.get(it);
    const text = it.text;
    if (kind === 'skip') return;
    if (kind === 'org') {
      const userId = user.get(text.toLowerCase());
      const name = text.replace(/^The\s+/, '');
      // "the Commission", "the Bank": the organisation last named with that word, or no actor
      if (!userId && orgHeads.has(name) && !orgHeadsAlone.has(name) && !known.has(slug(name))) {
        const word = name.toLowerCase();
        for (let k = mentions.length - 1; k >= 0; k--) {
          const a = mentions[k].actor ? actors.get(mentions[k].actor) : undefined;
          if (a && a.kind !== 'PERSON' && a.name.toLowerCase().split(/\s+/).includes(word)) {
            a.aliases.add(text);
            add(it.t0, it.t1, a.id, { adj: nounNext(tokens[it.t1]) });
            return;
          }
        }
        // "the Musicians' Union", "the Police Federation", "the European People's Party": a name
        // the chunk lost its start of (a possessive, a word the lexicon knows): the whole name
        let b = it.t0;
        while (
          b > 0 &&
          tokens[b - 1].sent === tokens[it.t0].sent &&
          !tokens[b].nl &&
          tokens[b - 1].pos !== 'DET' &&
          (isNameWord(tokens[b - 1]) ||
            tokens[b - 1].lower === "'s" ||
            (tokens[b - 1].text === "'" && !tokens[b - 1].space))
        )
          b--;
        if (b === it.t0 || !isNameWord(tokens[b])) return;
        const full = textOf(b, it.t1);
        const a = ensure(slug(full), full, 'ORGANIZATION');
        a.aliases.add(full);
        add(it.t0, it.t1, a.id, { adj: nounNext(tokens[it.t1]) });
        return;
      }
      const id = userId ?? slug(name);
      const a = ensure(id, name, known.get(id)?.kind ?? 'ORGANIZATION');
      a.aliases.add(text);
      add(it.t0, it.t1, id, { adj: nounNext(tokens[it.t1]) });
      return;
    }
    if (kind === 'loc') {
      // "at Jack Straw's house": a prominent person's full name is never a place
      const famous = famousByName(text, year);
      const pid = personFor(text) ?? famous?.id;
      if (famous && pid === famous.id) ensure(pid, famous.name, 'PERSON');
      if (pid) {
        actors.get(pid)!.aliases.add(text);
        add(it.t0, it.t1, pid);
        return;
      }
      const id = slug(text);
      const a = ensure(id, text, 'LOCATION');
      a.aliases.add(text);
      add(it.t0, it.t1, id);
      return;
    }
    if (kind === 'short') {
      // acronym defined in the text
      const def = acronyms.get(text);
      if (def) {
        const target = mentions.find((m) => m.t0 === def.t0 && m.actor);
        if (target) {
          actors.get(target.actor)?.aliases.add(text);
          add(it.t0, it.t1, target.actor);
        }
        return;
      }
      const userId = user.get(text.toLowerCase());
      if (userId) {
        const a = ensure(userId, known.get(userId)?.name ?? text, userKind(userId, 'PERSON'));
        a.aliases.add(text);
        add(it.t0, it.t1, userId);
        return;
      }
      const lr = leftRole(it.t0);
      const pid = personFor(text, lr.hon) ?? knightFor(text, lr.hon);
      if (pid) {
        const a = actors.get(pid)!;
        a.aliases.add(text);
        if (lr.hon) a.aliases.add(textOf(lr.honStart, it.t1));
        add(it.t0, it.t1, pid, prefix(lr, it.t0));
        return;
      }
      // with no title, a distinctive surname that acts ("Lavrov criticised", "said Lavrov.") or is
      // acted on ("urged Assad to quit") is the prominent person too ("Ban on hunting", "a Mori
      // poll" do neither)
      const next = tokens[it.t1];
      const before = tokens[it.t0 - 1];
      // (not a word the article also writes in lower case: "Cable offers ..." above "cable TV"; not
      // the first name of someone it names: "Sharon Osbourne ... Sharon said")
      /** A finite verb right after the comma closing an appositive that opens at the comma at c. */
      const verbAfterAppositive = (c: number): boolean => {
        for (let k = c + 1; k < c + 12 && tokens[k] && tokens[k].sent === tokens[c].sent; k++) {
          if (/^["'\u201c\u201d]$/.test(tokens[k].text)) return false;
          if (tokens[k].text !== ',') continue;
          const v = tokens[k + 1];
          return !!v && (v.pos === 'VERB' || v.pos === 'AUX') && !/ing$/.test(v.lower);
        }
        return false;
      };
      const acts = (): boolean => {
        if (!next) return false;
        const sameSentence = !!before && before.sent === tokens[it.t0].sent;
        const opensClause =
          !sameSentence || /^(PUNCT|CCONJ|SCONJ)$/.test(before!.pos) || before!.lemma === 'say';
        const said = before?.lemma === 'say';
        const subject =
          opensClause &&
          (((next.pos === 'VERB' || next.pos === 'AUX') && !/ing$/.test(next.lower) && !said) ||
            (said && next.pos === 'PUNCT') ||
            // "Lavrov, speaking in Moscow, said", "Putin, who was in Paris, criticised"
            (next.text === ',' && !said && verbAfterAppositive(it.t1)));
        // or is acted on: "urged Assad to quit", "turned against Assad"
        const object =
          sameSentence &&
          ((before!.pos === 'VERB' && !said) ||
            (before!.pos === 'ADP' && !/^(as|than|like)$/.test(before!.lower))) &&
          !next.cap;
        return (
          (subject || object) &&
          !lowerWords().has(text.toLowerCase()) &&
          ![...actors.values()].some((x) => x.kind === 'PERSON' && x.name.split(/\s+/)[0] === text)
        );
      };
      const a = famousFromSurname(it, lr.hon ?? lr.role ?? (acts() ? 'acting' : undefined));
      if (a) {
        a.nameKeys = a.name.split(/\s+/).map(stripAl);
        a.aliases.add(text);
        if (lr.hon) a.aliases.add(textOf(lr.honStart, it.t1));
        if (lr.role && !a.role) a.role = lr.role;
        add(it.t0, it.t1, a.id, prefix(lr, it.t0));
        return;
      }
      // honorific + single name with no full name in the text ("Mr Davis" before "David Davis" never appears)
      if (lr.hon && /^(mr|mrs|ms|dr|sir|lord|lady|baroness)\.?$/.test(lr.hon)) {
        const id = personSlug(text);
        const a = ensure(id, text, 'PERSON');
        a.nameKeys = [stripAl(text)];
        personByKey.set(stripAl(text), id);
        a.aliases.add(text);
        a.aliases.add(textOf(lr.honStart, it.t1));
        add(it.t0, it.t1, id, prefix(lr, it.t0));
      }
      return;
    }
    // person
    const userId = user.get(text.toLowerCase());
    const lr = leftRole(it.t0);
    const rr = rightRole(it.t1);
    const role = lr.role ?? rr.role;
    const resolved = userId ?? personFor(text, lr.hon) ?? knightFor(text, lr.hon);
    // "Prime Minister Blair" with no full name in the article: a prominent person, if one fits
    const famous =
      resolved || /\s/.test(text.replace(PARTICLES_BEFORE, ''))
        ? undefined
        : famousFromSurname(it, lr.hon ?? lr.role);
    const pid = resolved ?? famous?.id ?? personSlug(text);
    const a = famous ?? ensure(pid, text, 'PERSON');
    if (famous) a.nameKeys ??= famous.name.split(/\s+/).map(stripAl);
    a.aliases.add(text);
    let aff = lr.aff ?? rr.aff;
    if (aff?.startsWith('name:')) {
      const on = slug(aff.slice(5));
      aff = actors.has(on) ? on : undefined;
    }
    if (lr.hon) a.aliases.add(textOf(lr.honStart, it.t1));
    a.gender = honGender(lr.hon) ?? a.gender;
    if (role && !a.role) a.role = role;
    if (role) lastRole.set(role, pid);
    const words = text.split(/\s+/);
    // (a name, not a capitalised word before one: "Goalscorer Toure", "Classy Henman")
    if (words.length >= 2 && tokens[it.t0].pos === 'PROPN' && !NAME_PARTICLES.has(words[0]))
      lastNamed.set(stripAl(words[words.length - 1]), pid);
    if (aff) {
      if (!a.represents.has(aff) || (role && !a.represents.get(aff)))
        a.represents.set(aff, role ?? a.represents.get(aff) ?? null);
      if (known.get(aff)?.kind === 'COUNTRY' && !a.country) a.country = aff;
      if (role && countryDemonym.has(aff))
        lastRole.set(`${countryDemonym.get(aff)!.toLowerCase()} ${role}`, pid);
    } else if (role && !a.represents.size) {
      a.represents.set('', role);
    }
    add(it.t0, it.t1, pid, prefix(lr, it.t0));
  }

  // "the opposition" -> the country's opposition group named earlier
  theOpposition();
  function theOpposition(): void {
    for (let k = 0; k < tokens.length; k++) {
      if (tokens[k].lower !== 'opposition' || tokens[k - 1]?.lower !== 'the') continue;
      const nx = tokens[k + 1];
      if (nx && (/^(from|of|in|'s)$/.test(nx.lower) || nx.cap || nx.pos === 'NOUN')) continue;
      if (nx?.lower === 'to' && tokens[k + 2]?.pos !== 'VERB') continue;
      const opp = lastOpposition ?? [...actors.values()].find((a) => a.id.endsWith('-opposition'))?.id;
      if (!opp) continue;
      actors.get(opp)!.aliases.add('the opposition');
      add(k - 1, k + 1, opp);
    }
  }

  // ---- governments: separate node only when the article describes it ("the regime", "Assad's government") ----
  resolveGovernments();
  function resolveGovernments(): void {
    const sorted = mentions.slice().sort((x, y) => x.t0 - y.t0);
    // (a person's own country, else the one people.json gives: "Mr Blair's government")
    const countryOf = (id: string) => actors.get(id)?.country ?? famousCountry.get(id);
    // the country the article names most; in one that names none ("Tony Blair ... the government"),
    // the country its people serve most often
    const topOf = (counts: Map<string, number>) => [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    const peopleCountries = () => {
      const counts = new Map<string, number>();
      for (const m of mentions) {
        const c =
          m.actor && !m.pron && actors.get(m.actor)?.kind === 'PERSON' ? countryOf(m.actor) : undefined;
        if (c && known.get(c)?.kind === 'COUNTRY') counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      return counts;
    };
    // the countries named, and those the people named serve: "Charles Clarke ... the Madrid rail
    // bombing ... the government" is the UK's
    const combined = (): Map<string, number> => {
      const counts = new Map(countryCount);
      for (const [c, n] of peopleCountries()) counts.set(c, (counts.get(c) ?? 0) + n);
      return counts;
    };
    const topCountry = govMentions.length ? topOf(combined()) : topOf(countryCount);
    for (const g of govMentions) {
      if (g.country) continue;
      if (g.viaPerson && g.viaPerson !== 'PRON') {
        g.country = countryOf(g.viaPerson);
      } else if (g.viaPerson === 'PRON') {
        // "his regime": the last person before it
        const prevP = sorted
          .filter((m) => m.t0 < g.m.t0 && m.actor && actors.get(m.actor)?.kind === 'PERSON')
          .pop();
        g.country = prevP ? countryOf(prevP.actor) : undefined;
      }
      if (!g.country) {
        const prevG = govMentions.filter((x) => x.m.t0 < g.m.t0 && x.country && x.descriptive).pop();
        g.country = prevG?.country;
      }
      if (!g.country) g.country = topCountry;
    }
    const separate = new Set<string>();
    for (const g of govMentions) if (g.descriptive && g.country) separate.add(g.country);
    for (const g of govMentions) {
      if (!g.country) {
        g.m.actor = '';
        continue;
      }
      const c = g.country;
      if (separate.has(c) && (!g.body || separate.has(c))) {
        const gid = `${c}-government`;
        const dem = countryDemonym.get(c) ?? countryName.get(c) ?? c;
        const a = ensure(gid, `${dem} government`, 'GOVERNMENT');
        a.aliases.add(g.m.text);
        a.represents.set(c, null);
        g.m.actor = gid;
      } else {
        knownActor(c).aliases.add(g.m.text);
        g.m.actor = c;
      }
    }
  }

  return finalLayer(mentions, tokens.length, actors, user);
}
