/**
 * Linguistic knowledge, loaded once at module load from data/extract/*.json and world-countries, and
 * precompiled into Maps and a token trie so that every stage stays linear in the text.
 */
import { readFileSync } from 'node:fs';
import countriesModule, { type Country } from 'world-countries';
import type { ActorKind, StanceKind } from '../types.js';

// the package is CommonJS with a default export; normalise both interop shapes
const countries: Country[] =
  (countriesModule as unknown as { default?: Country[] }).default ??
  (countriesModule as unknown as Country[]);

const dataDir = new URL('../../data/extract/', import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: JSON data files
const load = (name: string): any => JSON.parse(readFileSync(new URL(name, dataDir), 'utf8'));

const extra = load('countries-extra.json');
const orgs = load('orgs.json');
const companies = load('companies.json');
const groups = load('groups.json');
const roles = load('roles.json');
const preds = load('predicates.json');
const cues = load('cues.json');

export type EntryType =
  | 'country'
  | 'demonym'
  | 'metonym'
  | 'org'
  | 'orgShort'
  | 'group'
  | 'pluralDemonym'
  | 'role'
  | 'hon'
  | 'gov'
  | 'body'
  | 'location';

export interface Entry {
  type: EntryType;
  /** Actor id (countries, orgs, groups, locations) or the role/noun text. */
  id: string;
  /** The form as written in the lexicon, for case checks. */
  form: string;
  n: number;
  /** A name other bodies carry too (orgs.json `generic`, "Security Council"). */
  generic: boolean;
  /** After a compass word, a region, not this body (orgs.json `regional`: "western Europe"). */
  regional: boolean;
}

export interface KnownActor {
  id: string;
  name: string;
  kind: ActorKind;
}

export const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Split a lexicon phrase the way the Doc tokenises: on spaces, with "'s" as its own token. */
export function phraseTokens(phrase: string): string[] {
  const out: string[] = [];
  for (const w of phrase.split(/\s+/)) {
    if (!w) continue;
    const m = /^(.+?)(['\u2019]s)$/.exec(w);
    if (m) out.push(m[1], m[2]);
    else out.push(w);
  }
  return out;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}
const newNode = (): TrieNode => ({ next: new Map(), entries: [] });
const trie = newNode();

export const known = new Map<string, KnownActor>();

function add(form: string, type: EntryType, id: string, generic = false, regional = false): void {
  const toks = phraseTokens(form);
  if (!toks.length) return;
  let node = trie;
  for (const t of toks) {
    const k = t.toLowerCase();
    let nx = node.next.get(k);
    if (!nx) {
      nx = newNode();
      node.next.set(k, nx);
    }
    node = nx;
  }
  // one entry per spelling: "NATO" (matched in capitals only) does not hide "Nato"
  if (!node.entries.some((e) => e.type === type && e.id === id && e.form === form))
    node.entries.push({ type, id, form, n: toks.length, generic, regional });
}

// ---- countries (world-countries) ----
const countryIdByCca3 = new Map<string, string>();
const aliasesFor = extra.aliases as Record<string, string[]>;
const metonymsFor = extra.metonyms as Record<string, string[]>;
const demonymsFor = extra.demonyms as Record<string, string[]>;
const notMetonym = new Set<string>(extra.notCapitalMetonyms);
const notAltSpelling = new Set<string>(extra.notAltSpellings ?? []);
const actingCapital = new Set<string>(extra.actingCapitals ?? []);
/** Location id of a capital read as a place -> the state it stands for when it acts ("Damascus accused"). */
export const capitalState = new Map<string, string>();
export const countryDemonym = new Map<string, string>();
export const countryName = new Map<string, string>();
// sovereign states first, so that a shared demonym or capital ("American") goes to the state
const ordered = [...countries].sort(
  (a, b) => Number(b.independent ?? false) - Number(a.independent ?? false),
);
const seenForm = new Set<string>();
const addOnce = (form: string, type: EntryType, id: string) => {
  const k = `${type}|${form.toLowerCase()}`;
  if (seenForm.has(k)) return;
  seenForm.add(k);
  add(form, type, id);
};
const rename = (extra.rename ?? {}) as Record<string, string>;
for (const c of ordered) {
  const common = rename[c.cca3] ?? c.name.common;
  const id = slug(common);
  countryIdByCca3.set(c.cca3, id);
  known.set(id, { id, name: common, kind: 'COUNTRY' });
  countryName.set(id, common);
  add(common, 'country', id);
  if (common !== c.name.common) add(c.name.common, 'country', id);
  if (c.name.official.length < 40) add(c.name.official, 'country', id);
  for (const a of c.altSpellings) {
    // two-letter ISO codes collide with words (IN, IT, NO, ME); only longer spellings in Latin script
    if (a.length >= 4 && /^[A-Za-z .'-]+$/.test(a) && !a.includes(',') && !notAltSpelling.has(a))
      add(a, 'country', id);
  }
  const dem = c.demonyms?.eng;
  if (dem) {
    addOnce(dem.m, 'demonym', id);
    if (dem.f !== dem.m) addOnce(dem.f, 'demonym', id);
    addOnce(`${dem.m}s`, 'demonym', id);
    countryDemonym.set(id, dem.m);
  }
  for (const cap of c.capital ?? []) {
    if (actingCapital.has(cap) && !capitalState.has(slug(cap))) capitalState.set(slug(cap), id);
    if (notMetonym.has(cap)) addOnce(cap, 'location', slug(cap));
    else addOnce(cap, 'metonym', id);
  }
}
for (const [id, list] of Object.entries(aliasesFor)) {
  if (!known.has(id)) known.set(id, { id, name: list[0], kind: 'COUNTRY' });
  for (const a of list) add(a, 'country', id);
}
for (const [id, list] of Object.entries(metonymsFor)) for (const a of list) add(a, 'metonym', id);
for (const [id, list] of Object.entries(demonymsFor)) {
  for (const a of list) {
    removeEntries(a, 'demonym');
    add(a, 'demonym', id);
  }
  if (!countryDemonym.has(id)) countryDemonym.set(id, list[0]);
}
for (const f of extra.pluralDemonyms as string[]) {
  const dem = f.replace(/^the /, '');
  const e = lookupExact(dem, 'demonym');
  if (e) add(f, 'pluralDemonym', e.id);
}
function removeEntries(form: string, type: EntryType): void {
  let node: TrieNode | undefined = trie;
  for (const t of phraseTokens(form)) {
    node = node?.next.get(t.toLowerCase());
    if (!node) return;
  }
  node.entries = node.entries.filter((e) => e.type !== type);
}
function lookupExact(form: string, type: EntryType): Entry | undefined {
  let node: TrieNode | undefined = trie;
  for (const t of phraseTokens(form)) {
    node = node?.next.get(t.toLowerCase());
    if (!node) return undefined;
  }
  return node.entries.find((e) => e.type === type);
}

// ---- organisations, parties, media; companies (companies.json) ----
export const orgParent = new Map<string, string>();
/** Political parties (orgs.json `party`): "his party" after a person who represents one. */
export const partyIds = new Set<string>();
for (const o of [...orgs.entries, ...companies.entries]) {
  known.set(o.id, { id: o.id, name: o.name, kind: o.kind });
  if (o.party) partyIds.add(o.id);
  if (o.parent) orgParent.set(o.id, o.parent);
  add(o.name, 'org', o.id);
  for (const a of o.aliases ?? []) add(a, 'org', o.id);
  for (const a of o.generic ?? []) add(a, 'org', o.id, true);
  for (const a of o.regional ?? []) add(a, 'org', o.id, false, true);
  for (const a of o.short ?? []) add(a, 'orgShort', o.id);
}

// ---- groups ----
export const westAdjective = new Map<string, string>();
/** Groups that are no actor after a possessive ("his peers" are his equals, not members of the Lords). */
export const groupsNotAfterPossessive = new Set<string>();
for (const g of groups.entries) {
  known.set(g.id, { id: g.id, name: g.name, kind: g.kind });
  if (g.notAfterPossessive) groupsNotAfterPossessive.add(g.id);
  for (const f of g.forms) add(f, 'group', g.id);
  if (g.adjective) {
    add(g.adjective, 'demonym', g.id);
    westAdjective.set(g.adjective.toLowerCase(), g.id);
  }
}

// ---- roles ----
export const honorifics = new Set<string>((roles.honorifics as string[]).map((h) => h.toLowerCase()));
const givenNames = load('given-names.json');
const femaleGiven = new Set<string>(givenNames.female as string[]);
const maleGiven = new Set<string>(givenNames.male as string[]);
/** The gender a given name states ("Angela" f, "Sergei" m), for names used by one sex only. */
export const givenGender = (first: string): 'f' | 'm' | undefined =>
  femaleGiven.has(first) ? 'f' : maleGiven.has(first) ? 'm' : undefined;
export const femaleHon = new Set<string>((roles.female as string[]).map((h) => h.toLowerCase()));
export const maleHon = new Set<string>((roles.male as string[]).map((h) => h.toLowerCase()));
for (const h of roles.honorifics as string[]) add(h, 'hon', h.toLowerCase());
for (const r of roles.roles as string[]) add(r, 'role', r.toLowerCase());
// short forms of a role ("the PM"): the role they stand for
for (const [short, r] of Object.entries(roles.roleShortForms as Record<string, string>))
  add(short, 'role', r);
for (const g of roles.government as string[]) add(g, 'gov', g.toLowerCase());
for (const b of roles.stateBodies as string[]) add(b, 'body', b.toLowerCase());
export const regimeNouns = new Set<string>(roles.regime);
export const orgHeads = new Set<string>(roles.orgHeads);
export const documentHeads = new Set<string>(roles.documentHeads);
export const orgTails = new Set<string>(roles.orgTails);
/** Organisation heads that name one alone ("the Guardian", "Congress"), unlike "the Commission". */
export const orgHeadsAlone = new Set<string>(roles.orgHeadsAlone);
/** Lower-case nouns that make the capitalised name after them an organisation ("think tank Demos"). */
export const orgDescriptors = new Set<string>(roles.orgDescriptors);
/** Members' titles after a constituency ("the Glasgow Kelvin MP"). */
export const memberTitles = new Set<string>(roles.memberTitles);
/** Roles that speak for the country named before them ("Iraq's prime minister"). */
export const stateRoles = new Set<string>(roles.stateRoles);
/** Titles that are surnames too ("John Major", "Ms King"). */
export const surnameTitles = new Set<string>(roles.surnameTitles);
export const placeNouns = new Set<string>(roles.placeNouns);
export const locPreps = new Set<string>(roles.locPreps);
export const motionVerbs = new Set<string>(roles.motionVerbs);
export const motionPreps = new Set<string>(roles.motionPreps);

export function trieRoot(): TrieNode {
  return trie;
}
export type { TrieNode };

// ---- stance predicates ----
export type Frame = 'obj' | 'objInf' | 'accuse' | 'blame' | 'onObj' | 'with' | 'want' | 'concern' | 'self';
export interface Predicate {
  lemma: string;
  particles: string[];
  kind: StanceKind;
  polarity: -1 | 0 | 1;
  frame: Frame;
  actorOnly?: boolean;
  topicOnly?: boolean;
  needsInf?: boolean;
  needsInfAfter?: boolean;
  /** Words one of which must follow the object when no infinitive does ("warned X against"). */
  objThen?: string[];
  accuses?: boolean;
  /**
   * The verb also takes a clause without "that" ("accepted his side had lost"): an object followed
   * by an auxiliary is that clause's subject, not a target.
   */
  clause?: boolean;
  /** Persons never hold it ("keep": a state keeps a veto, a player keeps his place). */
  notPersons?: boolean;
  /** No stance in an article about sport ("Hewitt will meet Clement" is a match). */
  notInSport?: boolean;
  /**
   * The verb ends an activity ("stop", "halt", "end"): the holder's own ("stop making", "halt its
   * flights") is no stance; in "stop X doing Y" the doing is the target.
   */
  ownAction?: boolean;
  /** Words that make the verb an idiom when they are in its object ("keep pace", "keep X alive"). */
  notWith?: string[];
  /** Words that end its object: "defended the plans against criticism from ..." defends the plans. */
  objStop?: string[];
  /** Words one of which must head its object ("summoned the Japanese ambassador", not "summoned a meeting"). */
  objHeads?: string[];
  /** Kinds of actor that may be the whole object instead ('suspended Mali'). */
  objKinds?: string[];
  confidence?: number;
}
/** lemma -> predicates, longest particle list first. */
export const verbPredicates = new Map<string, Predicate[]>();
for (const v of preds.verbs) {
  const p: Predicate = { particles: [], ...v };
  const list = verbPredicates.get(p.lemma) ?? [];
  list.push(p);
  list.sort((a, b) => b.particles.length - a.particles.length);
  verbPredicates.set(p.lemma, list);
}
export interface NounPredicate {
  word: string;
  kind: StanceKind;
  polarity: -1 | 0 | 1;
  /** Prepositions before the target when a possessive or modifier names the holder ("Russia's opposition to"). */
  holderPreps?: string[];
  /** Words one of which must come right before it ("strike action", "industrial action"). */
  after?: string[];
}
export const nounPredicates = new Map<string, NounPredicate>();
for (const n of preds.nouns) nounPredicates.set(n.word, n);
/** Verbs that state the stance a noun names: "expressed support for", "voiced opposition to". */
export const lightVerbs = new Set<string>(preds.lightVerbs ?? []);
/** Nouns of relation ("ally", "critic"): said of an actor, its stance toward whom it relates to. */
export const relationNouns = new Map<string, { kind: StanceKind; polarity: -1 | 1 }>(
  Object.entries(preds.relationNouns as Record<string, { kind: StanceKind; polarity: -1 | 1 }>),
);
export interface AdjPredicate {
  words: string[];
  kind: StanceKind;
  polarity: -1 | 0 | 1;
}
/** first word -> adjectival predicates */
export const adjPredicates = new Map<string, AdjPredicate[]>();
for (const a of preds.adjectives) {
  const list = adjPredicates.get(a.words[0]) ?? [];
  list.push(a);
  adjPredicates.set(a.words[0], list);
}
export const readiness = new Set<string>(preds.readiness);
/** Verbs after "ready to" that take no side ("keen to know", "ready to listen"). */
export const readinessNeutral = new Set<string>(preds.readinessNeutral ?? []);
export const compoundSuffix = new Map<string, { kind: StanceKind; polarity: -1 | 0 | 1 }>();
for (const c of preds.compounds) compoundSuffix.set(c.suffix, c);

// ---- cues ----
export const negation = new Set<string>(cues.negation);
export const hypothetical = new Set<string>(cues.hypothetical);
/** "denied (that)": what follows in the clause is denied, no stance. */
export const denialVerbs = new Set<string>(cues.denialVerbs);
/** "hopes (that)", "expects", "fears" with a clause: what follows is not stated, no stance. */
export const wishVerbs = new Set<string>(cues.wishVerbs);
/** "unlikely", "little chance": what follows in the clause is improbable, no stance. */
export const improbable: string[][] = (cues.improbable as string[]).map((p) => p.split(' '));
export const modals = new Set<string>(cues.modals);
export const normative = new Set<string>(cues.normative);
export const reporting = new Set<string>(cues.reporting);
export const skipInSubject = new Set<string>(cues.skipInSubject);
export const positiveEval = new Set<string>(cues.positive);
export const negativeEval = new Set<string>(cues.negative);
export const interestWords = new Set<string>(cues.againstInterests);
export const firstPerson = new Set<string>(cues.firstPerson);
export const days = new Set<string>(cues.days);
/** Adjectives of necessity or judgement in "it is ADJ to/that": the stance is the speaker's. */
export const impersonalAdjectives = new Set<string>(cues.impersonalAdjectives);
/** Adjectives against the act in "it is ADJ to V" ("it was wrong to back the war"): the speaker opposes it. */
export const impersonalAgainst = new Set<string>(cues.impersonalAgainst);
export const timeWords = new Set<string>(cues.timeWords);
/** Phrases of manner that end a target ("in the strongest terms"), as word lists. */
export const mannerPhrases: string[][] = (cues.mannerPhrases as string[]).map((p) => p.split(' '));
export const timeDeterminers = new Set<string>(cues.timeDeterminers);
export const timeUnits = new Set<string>(cues.timeUnits);
export const nonNameCaps = new Set<string>(cues.nonNameCaps);
/** Nouns whose "that" clause is someone else's claim ("claims that the law was unenforceable"). */
export const claimNouns = new Set<string>(cues.claimNouns);
/** Verbs whose subject receives the stance of the noun after them ("faced criticism from"). */
export const receiveVerbs = new Set<string>(cues.receiveVerbs);
/** Words of armed forces: "came under fire from" them, or for them, is literal. */
export const armedWords = new Set<string>(cues.armedWords);
/** Verbs that give up a stance named after them ("abandoned its support for"). */
export const abandonVerbs = new Set<string>(cues.abandonVerbs);
/** Documents ("a motion opposing the bill") whose maker (cues.json makerVerbs) holds what they say. */
export const documentNouns = new Set<string>(cues.documentNouns);
export const makerVerbs = new Set<string>(cues.makerVerbs);
/** After "should be", a forecast, not an urging ("Ireland should be favourites"). */
export const forecastWords = new Set<string>(cues.forecastWords);
/** Words of sport: an article with three or more of them is about sport. */
export const sportWords = new Set<string>(cues.sportWords);
/** Verbs of harm: "the plans would undermine justice" in reported speech criticises the plans. */
export const harmVerbs = new Set<string>(cues.harmVerbs);
/** Verbs that harm with a particle after them or their object: "let the country down", "sold out". */
export const harmParticles = new Map<string, string[]>(
  Object.entries(cues.harmParticles as Record<string, string[]>),
);
/** Verbs that harm with one of their objects ("sends the wrong message"): as harmVerbs. */
export const harmWithObject = new Map<string, string[]>(
  Object.entries(cues.harmWithObject as Record<string, string[]>),
);
/** Verbs that state a judgement of their object: "called the change pragmatic", "found the policies abhorrent". */
export const judgingVerbs = new Set<string>(cues.judgingVerbs);
/** Of those, the ones that need "as" or "to be" before the judgement: "sees the ban as politically driven". */
export const judgingVerbsWithAs = new Set<string>(cues.judgingVerbsWithAs);
/** After "should"/"must": what, done to the subject, the speaker is against ("should be scrapped", "must go"). */
export const normativeAgainst = new Set<string>(cues.normativeAgainst);
/** ... or for ("should be kept", "should stay"). */
export const normativeFor = new Set<string>(cues.normativeFor);
/** Of both, the ones that count without a passive: "must go", "should stay". */
export const normativeIntransitive = new Set<string>(cues.normativeIntransitive);
/** "refused to back", "declined to support", "his refusal to accept": the verb after them is negated. */
export const refusalWords = new Set<string>(cues.refusalWords);
/** Words in a holder's name that make its strikes industrial action ("the TUC", "the PCS union"). */
export const labourWords = new Set<string>(cues.labourWords);
/** Words that alone make no topic: general verbs ("do so") and the names of months ("February"). */
export const emptyTopicWords = new Set<string>(cues.emptyTopicWords);
/** Adverbs a topic never ends with ("the Tory proposals even before ..."). */
export const trailingAdverbs = new Set<string>(cues.trailingAdverbs);
/** Role phrases ("prime minister", "home secretary"): a person, never a topic. */
export const rolePhrases = new Set<string>((roles.roles as string[]).map((r) => r.toLowerCase()));
/** Nouns that name people ("people", "voters", and the last word of every role): no topic before "to". */
export const peopleNouns = new Set<string>([
  ...(cues.peopleNouns as string[]),
  ...(roles.roles as string[]).map((r) => r.split(/\s+/).pop()!),
]);
/** Words that make a regional form a region ("western Europe", "Eastern Europe"). */
export const compassWords = new Set<string>(cues.compass);
export const notNamesAlone = new Set<string>(cues.notNamesAlone);
/** All-caps words that are never an organisation, even when they seem to speak ("the PM said"). */
export const notOrgAcronyms = new Set<string>(cues.notOrgAcronyms);

// ---- verb lemmas: a closed map over the verbs the stages look at (cheaper than a general lemmatiser) ----
const lemmaMap = new Map<string, string>(Object.entries(cues.irregular as Record<string, string>));
const VOWEL = /[aeiou]/;
function inflect(base: string): string[] {
  const out = [base];
  const last = base[base.length - 1];
  const prev = base[base.length - 2] ?? '';
  const prev2 = base[base.length - 3] ?? '';
  if (/(s|x|z|ch|sh)$/.test(base)) out.push(`${base}es`);
  else if (last === 'y' && !VOWEL.test(prev)) out.push(`${base.slice(0, -1)}ies`);
  else out.push(`${base}s`);
  let stem = base;
  if (last === 'e') stem = base.slice(0, -1);
  else if (last === 'y' && !VOWEL.test(prev)) stem = `${base.slice(0, -1)}i`;
  // consonant doubling for short stressed stems: stop -> stopped, ban -> banned
  const doubled =
    !VOWEL.test(last) && VOWEL.test(prev) && !VOWEL.test(prev2) && !/[wxy]/.test(last) && base.length <= 5;
  if (last === 'y' && !VOWEL.test(prev)) out.push(`${stem}ed`, `${base}ing`);
  else if (last === 'e') out.push(`${base}d`, `${stem}ing`);
  else {
    out.push(`${base}ed`, `${base}ing`);
    if (doubled) out.push(`${base}${last}ed`, `${base}${last}ing`);
  }
  return out;
}
function addLemma(base: string): void {
  for (const f of inflect(base)) if (!lemmaMap.has(f)) lemmaMap.set(f, base);
}
for (const v of preds.verbs) addLemma(v.lemma);
for (const v of cues.reporting as string[]) addLemma(v);
for (const v of cues.coreVerbs as string[]) addLemma(v);
for (const v of roles.motionVerbs as string[]) addLemma(v);
for (const v of (preds.lightVerbs ?? []) as string[]) addLemma(v);
for (const v of cues.harmVerbs as string[]) addLemma(v);
for (const v of Object.keys(cues.harmWithObject)) addLemma(v);
for (const v of Object.keys(cues.harmParticles)) addLemma(v);
for (const v of cues.refusalWords as string[]) addLemma(v);
for (const v of [...cues.normativeAgainst, ...cues.normativeFor] as string[]) addLemma(v);
for (const v of cues.receiveVerbs as string[]) addLemma(v);
for (const v of cues.makerVerbs as string[]) addLemma(v);
for (const v of cues.abandonVerbs as string[]) addLemma(v);
lemmaMap.set('criticised', 'criticise');
/** Lemma of a lower-cased word form (the word itself when unknown). */
export function lemmaOf(lower: string): string {
  return lemmaMap.get(lower) ?? lower;
}

// ---- people: prominent political figures (data/extract/people.json) ----
// Within an article a short form goes to the full name stated there ("Lavrov" -> "Sergei Lavrov").
// These entries make the same person one actor across articles: an article naming only "Mr Blair"
// or "Foreign Minister Lavrov", or a variant ("Bashar Assad"), gets the canonical id.
export interface FamousPerson {
  id: string;
  name: string;
  from: number;
  to: number;
  /** The bare surname means this person in news of their years (else the surname never resolves). */
  distinctive: boolean;
  /** Titles of nobility the person is named with ("lord" for "Lord Falconer"). */
  peerTitles: string[];
}
const famousByFullName = new Map<string, FamousPerson[]>();
const famousBySurnameKey = new Map<string, FamousPerson[]>();
/** The Arabic article written onto a name: "al-Assad", "el-Sisi", "ash-Sharaa". */
const ARABIC_ARTICLE = '(?:al|el|ad|as|ash|an|ar|at|az)';
const LEADING_ARTICLE = new RegExp(`^${ARABIC_ARTICLE}-`);
const ANY_ARTICLE = new RegExp(`(^|[\\s-])${ARABIC_ARTICLE}-`, 'g');
/** A name word for comparison: lower case, without its Arabic article ("al-Assad" -> "assad"). */
export const stripAl = (w: string): string => w.toLowerCase().replace(LEADING_ARTICLE, '');
/** Comparison key of a name: no diacritics, case, punctuation or Arabic article ("al-Assad" = "Assad"). */
export const personKey = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(ANY_ARTICLE, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const pushTo = (m: Map<string, FamousPerson[]>, k: string, p: FamousPerson) => {
  const list = m.get(k) ?? [];
  if (!list.includes(p)) list.push(p);
  m.set(k, list);
};
/** First-name variants (data/extract/nicknames.json): "vince" -> "vincent". */
const nicknames = new Map<string, string>(
  Object.entries(load('nicknames.json').variants as Record<string, string>),
);
/**
 * A full name with its first name in canonical form ("Vince Cable" -> "vincent Cable", "Yassir
 * Arafat" -> "yasser Arafat"), to find a listed person whichever form an article uses. A name of one
 * word is returned as it is.
 */
export function canonicalPersonName(text: string): string {
  const m = /^(\S+)(\s.*)$/.exec(text);
  const v = m && nicknames.get(m[1].toLowerCase());
  return v ? v + m[2] : text;
}
/** Ids of the prominent people in people.json. */
export const famousIds = new Set<string>();
/** The country a prominent person serves (people.json `country`): "Mr Blair's government" is the UK's. */
export const famousCountry = new Map<string, string>();
/** An office a prominent person held (people.json `offices`): "the prime minister" after "Tony Blair". */
export interface Office {
  role: string;
  from: number;
  to: number;
  body: string;
}
/** Offices by person id. */
export const famousOffices = new Map<string, Office[]>();
for (const x of load('people.json').people as {
  name: string;
  surname: string;
  aliases?: string[];
  years: [number, number | null];
  distinctive: boolean;
  country?: string;
  offices?: [string, number, number | null, string][];
}[]) {
  const p: FamousPerson = {
    id: slug(x.name),
    name: x.name,
    from: x.years[0],
    to: x.years[1] ?? 9999,
    distinctive: x.distinctive,
    peerTitles: [x.name, ...(x.aliases ?? [])]
      .map((n) => n.match(/^(Lord|Lady|Baroness|Baron|Sir|Dame)\s/)?.[1].toLowerCase())
      .filter((t): t is string => !!t),
  };
  famousIds.add(p.id);
  if (x.country) famousCountry.set(p.id, x.country);
  if (x.offices)
    famousOffices.set(
      p.id,
      x.offices.map(([role, from, to, body]) => ({ role, from, to: to ?? 9999, body })),
    );
  for (const n of [x.name, ...(x.aliases ?? [])]) {
    pushTo(famousByFullName, personKey(n), p);
    pushTo(famousByFullName, personKey(canonicalPersonName(n)), p);
  }
  pushTo(famousBySurnameKey, personKey(x.surname), p);
}
/** The one candidate prominent in `year` (a year either side allowed); any single one when the year is unknown. */
function onlyOne(list: FamousPerson[] | undefined, year: number | undefined): FamousPerson | undefined {
  if (!list) return undefined;
  const fit = year === undefined ? list : list.filter((p) => year >= p.from - 1 && year <= p.to + 1);
  return fit.length === 1 ? fit[0] : undefined;
}
/**
 * The listed people a full name, as written or with its first name in canonical form, is theirs.
 * Remembered by name: an article asks about each of its names several times (personFor, at every
 * mention), the next article about many of the same, and personKey is costly. The memo is emptied
 * whenever it holds CANDIDATES_MEMO names, so it stays small over any number of articles. (The
 * names are the mention chunker's, joined from token texts: no key is a slice that would keep an
 * article's text alive.)
 */
const candidatesMemo = new Map<string, FamousPerson[] | undefined>();
const CANDIDATES_MEMO = 20_000;
function famousCandidates(text: string): FamousPerson[] | undefined {
  if (candidatesMemo.has(text)) return candidatesMemo.get(text);
  if (candidatesMemo.size >= CANDIDATES_MEMO) candidatesMemo.clear();
  const list =
    famousByFullName.get(personKey(text)) ?? famousByFullName.get(personKey(canonicalPersonName(text)));
  candidatesMemo.set(text, list);
  return list;
}
/** A full name ("Bashar Assad", "George Bush" in 2004) -> the prominent person it names, if only one. */
export function famousByName(text: string, year?: number): FamousPerson | undefined {
  return onlyOne(famousCandidates(text), year);
}
/**
 * The id of a person named in full who is no prominent person of the article's year: a listed
 * person's id when the name, or its first-name variant, is theirs in another year ("Vincent Cable"
 * in 2004 is `vince-cable`), else the slug of the name as written. Variants join listed people
 * only: for anyone else "Andy Scott" and "Andrew Scott" may well be two people (in BBC they were).
 */
export function personId(text: string): string {
  const list = famousCandidates(text);
  if (list?.length === 1) return list[0].id;
  return slug(text);
}
/**
 * A surname named with a title ("Mr Blair", "Foreign Minister Lavrov", "Lord Falconer") -> the
 * prominent person it names: the surname is distinctive and only one listed person fits the year.
 * A bare surname with no title never resolves here ("Ban on hunting", "a Mori poll", "his wife
 * Sharon"), nor does a title of nobility the person does not carry ("Lord Osborne").
 */
export function famousBySurname(
  word: string,
  year: number | undefined,
  title: string | undefined,
): FamousPerson | undefined {
  if (!title) return undefined;
  const p = onlyOne(famousBySurnameKey.get(personKey(word)), year);
  if (!p?.distinctive) return undefined;
  const t = title.toLowerCase().replace(/\.$/, '');
  if (/^(lord|lady|baroness|baron|sir|dame)$/.test(t) && !p.peerTitles.includes(t)) return undefined;
  return p;
}
