/**
 * Stances: attribution (reported speech, quotations), predicate lexicon matching, holder and target
 * finding over the token/mention layer, negation, hypotheticals, evaluative predications.
 */
import type { ExtractedStance, StanceKind, TopicTarget } from '../types.js';
import type { Doc, Sentence, Token } from './doc.js';
import type { NounPredicate } from './lexicon.js';
import {
  abandonVerbs,
  adjPredicates,
  armedWords,
  capitalState,
  claimNouns,
  compoundSuffix,
  countryName,
  days,
  denialVerbs,
  documentNouns,
  emptyTopicWords,
  firstPerson,
  forecastWords,
  harmParticles,
  harmVerbs,
  harmWithObject,
  honorifics,
  hypothetical,
  impersonalAdjectives,
  impersonalAgainst,
  improbable,
  judgingVerbs,
  judgingVerbsWithAs,
  known,
  labourWords,
  lightVerbs,
  makerVerbs,
  mannerPhrases,
  modals,
  negation,
  negativeEval,
  normativeAgainst,
  normativeFor,
  normativeIntransitive,
  nounPredicates,
  type Predicate,
  peopleNouns,
  phraseTokens,
  positiveEval,
  readiness,
  readinessNeutral,
  receiveVerbs,
  refusalWords,
  relationNouns,
  reporting,
  rolePhrases,
  skipInSubject,
  slug,
  sportWords,
  timeDeterminers,
  timeUnits,
  timeWords,
  trailingAdverbs,
  verbPredicates,
  westAdjective,
  wishVerbs,
} from './lexicon.js';
import { type Mention, type MentionLayer, newActor } from './mentions.js';

type Target = { actor: string } | { topic: TopicTarget };

interface Attribution {
  speaker: string; // actor id
  /** token range of the reported content */
  c0: number;
  c1: number;
}

const isTimeUnit = (t: Token | undefined) => !!t && (timeUnits.has(t.lower) || days.has(t.text));
const STOP_NP = new Set([
  'that',
  'which',
  'who',
  'whom',
  'because',
  'while',
  'whilst',
  'when',
  'but',
  'as',
  'if',
  'after',
  'before',
  'since',
  'so',
  'unless',
  'until',
  'whether',
  'although',
  'though',
  'where',
  'despite',
  'amid',
  'by',
  'than',
]);
const _NP_PREPS = new Set([
  'of',
  'on',
  'for',
  'against',
  'to',
  'in',
  'from',
  'with',
  'over',
  'about',
  'towards',
  'toward',
  'into',
  'at',
  'between',
]);
const DETS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'any',
  'some',
  'such',
  'all',
  'every',
  'each',
  'no',
]);
const VAGUE = new Set([
  'new',
  'latest',
  'similar',
  'such',
  'other',
  'many',
  'more',
  'most',
  'recent',
  'current',
  'further',
  'same',
  'certain',
  'various',
  'own',
  'similarly',
  'worded',
  'last',
  'next',
]);
const POSSESSIVE = new Set(['its', 'his', 'her', 'their', 'our', 'my']);
/** "came under fire from": criticism. */
const UNDER_FIRE: NounPredicate = { word: 'fire', kind: 'CRITICIZE', polarity: -1 };
const CONTROL_NOUNS = new Set([
  'refusal',
  'effort',
  'efforts',
  'plan',
  'plans',
  'bid',
  'attempt',
  'attempts',
  'charge',
  'campaign',
  'drive',
  'move',
  'moves',
  'pressure',
  'push',
  'decision',
  'way',
]);
/** Words that open an indirect question or a free relative: no noun phrase follows. */
const WH = new Set(['what', 'how', 'whether', 'why', 'where', 'when', 'who', 'whom', 'which', 'if']);
const QUOTE = new Set(['"', '\u201c', '\u201d', "'", '\u2018', '\u2019']);
/** "is expected to", "would be able to": forecasts and capacities, not stances. */
const HEDGED = new Set([
  'failed',
  'fail',
  'fails',
  'failing',
  'tried',
  'trying',
  'attempted',
  'expected',
  'likely',
  'able',
  'unable',
  'set',
  'due',
  'supposed',
  'reported',
  'said',
  'thought',
  'believed',
]);
const _HARD_BOUNDARY = new Set([';', ':', '(', ')', '?', '!']);

/** Words that can start a stance pattern (precompiled once). */
const TRIGGERS = new Set<string>([
  ...verbPredicates.keys(),
  ...adjPredicates.keys(),
  ...nounPredicates.keys(),
  ...readiness,
  ...harmVerbs,
  ...harmWithObject.keys(),
  ...harmParticles.keys(),
  ...relationNouns.keys(),
  ...judgingVerbs,
  'fire',
  'be',
  "'s",
  'must',
  'should',
  'no',
  'need',
  'have',
  'up',
  'alleged',
  'suspected',
  ...negativeEval,
  ...positiveEval,
]);

export interface StanceOptions {
  maxStances?: number;
}

/**
 * token index -> the person mention whose titles, roles or affiliation cover it ("Foreign" in
 * "Foreign Secretary Jack Straw"), else -1
 */
function titleOwners(mentions: Mention[], tokenCount: number): Int32Array {
  const preAt = new Int32Array(tokenCount).fill(-1);
  mentions.forEach((m, i) => {
    if (m.pre !== undefined) for (let t = m.pre; t < m.t0; t++) preAt[t] = i;
  });
  return preAt;
}

export function findStances(doc: Doc, layer: MentionLayer): ExtractedStance[] {
  // The passes over the article run in local functions (attributeSpeech, stancesBySentence), not in
  // this body: V8 optimises a body that creates this many closures and also loops several times
  // more slowly, and recompiles it whenever a callee inlined there deoptimises (measured: ~1.8 CPU
  // s per thread over the BBC corpus).
  const { tokens, sentences } = doc;
  const { mentions, at, actors } = layer;
  const out: ExtractedStance[] = [];
  const seen = new Set<string>();

  const mentionAt = (t: number): Mention | undefined =>
    t >= 0 && t < tokens.length && at[t] >= 0 ? mentions[at[t]] : undefined;
  const kindOf = (id: string) => actors.get(id)?.kind;
  /** Whether the article is about sport: three or more of cues.json sportWords in it (computed once). */
  let sport: boolean | undefined;
  const aboutSport = (): boolean => {
    if (sport === undefined) {
      const seen = new Set<string>();
      for (const t of tokens) if (sportWords.has(t.lower)) seen.add(t.lower);
      sport = seen.size >= 3;
    }
    return sport;
  };
  /** The kind of a stance noun for this holder: a union's strikes are industrial action, opposition. */
  const nounKind = (np: { kind: StanceKind; polarity: -1 | 0 | 1 }, holder: string): StanceKind => {
    if (np.kind !== 'ATTACK') return np.kind;
    const name = actors.get(holder)?.name ?? holder;
    return name.split(/[\s-]+/).some((w) => labourWords.has(w.toLowerCase())) ? 'OPPOSE' : 'ATTACK';
  };
  const preAt = titleOwners(mentions, tokens.length);
  /** The person a noun phrase starting at h names after its titles and roles ("Mr Smith",
   * "London mayor Ken Livingstone", "Labour MP Oona King"), or the mention at h. */
  const headMentionAt = (h: number): Mention | undefined => {
    const m = mentionAt(h);
    if (m && !m.adj && kindOf(m.actor) === 'PERSON') return m;
    if (preAt[h] >= 0) return mentions[preAt[h]];
    // a place or party before the roles ("London mayor Ken Livingstone")
    if (m && preAt[m.t1] >= 0) return mentions[preAt[m.t1]];
    // "Britain's Kelly Holmes": the person the possessive introduces
    if (m && !m.pron && tokens[m.t1]?.lower === "'s") {
      const pm = mentionAt(m.t1 + 1);
      if (pm && pm.t0 === m.t1 + 1 && !pm.adj && !pm.pron && kindOf(pm.actor) === 'PERSON') return pm;
    }
    return m;
  };

  // ---------------- attribution ----------------
  const speakerAt: (string | undefined)[] = new Array(tokens.length);
  const contentStart = new Int32Array(tokens.length).fill(-1);
  const quoteSpeaker: (string | undefined)[] = new Array(doc.quotes.length);
  const relAnte = new Map<number, Mention>();

  const _actorOfMention = (m: Mention | undefined): string | undefined => {
    if (!m?.actor) return undefined;
    return m.actor;
  };

  /** The actor heading the NP that ends at token e (inclusive), e.g. "Clinton's office" -> Clinton. */
  const headActorLeft = (e: number, lo: number): { actor?: string; m?: Mention } => {
    let k = e;
    let steps = 0;
    while (k >= lo && steps < 6) {
      const m = mentionAt(k);
      if (m) {
        if (m.pron && !m.actor) return { m };
        // "a poll in the Daily Telegraph suggested": the object of a preposition is not the speaker
        const before = tokens[m.t0 - 1]?.pos === 'DET' ? tokens[m.t0 - 2] : tokens[m.t0 - 1];
        if (before?.pos === 'ADP' && before.lower !== 'that') return {};
        if (!m.adj) return { actor: m.actor, m };
        return {};
      }
      const t = tokens[k];
      // "Clinton's office announced", "A spokesman for Mr Blair said"
      if (/^(office|spokesman|spokeswoman|spokesperson|aides|aide)$/.test(t.lower)) {
        if (tokens[k - 1]?.lower === "'s") {
          const m2 = mentionAt(k - 2);
          if (m2 && !m2.adj) return { actor: m2.actor, m: m2 };
        }
        return {};
      }
      if (t.pos === 'ADV' || t.pos === 'AUX' || skipInSubject.has(t.lower)) {
        k--;
        steps++;
        continue;
      }
      // "has in the past said"
      if ((t.pos === 'DET' || t.pos === 'ADP') && steps > 0 && steps < 4 && t.text !== ',') {
        k--;
        steps++;
        continue;
      }
      // appositive before the verb: "Russia's deputy foreign minister, Gennady Gatilov, said"
      if (t.text === ',' && steps === 0) {
        const am = mentionAt(k - 1);
        if (am && !am.adj && am.actor && tokens[mentionStart(am) - 1]?.text === ',')
          return { actor: am.actor, m: am };
        // "Sergei Lavrov, speaking in Moscow, said", "Mr Blair, who was in Paris, said"
        for (let j = k - 2; j >= lo && j > k - 12; j--) {
          if (tokens[j].text !== ',') continue;
          const open = tokens[j + 1];
          const sm = mentionAt(j - 1);
          if (
            sm &&
            !sm.adj &&
            sm.actor &&
            ((open.pos === 'VERB' && /ing$/.test(open.lower)) || /^(who|while)$/.test(open.lower))
          )
            return { actor: sm.actor, m: sm };
          break;
        }
        return {};
      }
      // short adverbial PP: "has in the past said", "said on Tuesday"
      if ((t.pos === 'NOUN' || t.pos === 'PROPN') && !mentionAt(k)) {
        let j = k - 1;
        if (tokens[j]?.pos === 'DET') j--;
        if (tokens[j]?.pos === 'ADP' && /^(in|on|at|during|for)$/.test(tokens[j].lower)) {
          k = j - 1;
          steps++;
          continue;
        }
      }
      return {};
    }
    return {};
  };
  /** Start of a mention including a preceding honorific ("Mr Abbas"). */
  function mentionStart(m: Mention): number {
    let k = m.t0;
    while (k > 0 && honorifics.has(tokens[k - 1].lower)) k--;
    return k;
  }

  /** "accused critics of spreading fears by claiming ...": the claiming is the accused's, not the subject's. */
  const accusedBefore = (a: number, b: number): boolean => {
    for (let x = a; x < b; x++)
      if (tokens[x].pos === 'VERB' && verbPredicates.get(tokens[x].lemma)?.some((p) => p.frame === 'accuse'))
        return true;
    return false;
  };

  const addAttribution = (a: Attribution) => {
    for (let t = a.c0; t < a.c1; t++) {
      if (speakerAt[t] === undefined) {
        speakerAt[t] = a.speaker;
        contentStart[t] = a.c0;
      }
    }
  };
  const quoteAt = (t: number) => (t >= 0 && t < tokens.length ? tokens[t].quote : -1);

  const reports: { r: number; speaker: string; c0: number; c1: number }[] = [];
  attributeSpeech();

  /** Who speaks where: reported speech, then quotations. */
  function attributeSpeech(): void {
    // reporting verbs, innermost (latest in the sentence) handled first
    for (const s of sentences) {
      for (let r = s.t0; r < s.t1; r++) {
        if (reportingVerbAt(r)) reportAt(s, r);
        accordingTo(s, r);
      }
    }
    for (const rp of reports.sort((x, y) => x.c1 - x.c0 - (y.c1 - y.c0))) addAttribution(rp);
    // quotations: attributed, or continuing the previous quotation's speaker in the next paragraph
    let lastSpeaker: string | undefined;
    let lastPara = -1;
    doc.quotes.forEach((qt, qi) => {
      let sp = quoteSpeaker[qi];
      if (!sp && lastSpeaker && qt.paragraph <= lastPara + 1 && qt.t1 - qt.t0 >= 4) {
        // a quotation opening a paragraph continues the last speaker's words
        const opensPara =
          qt.open >= 0 && (tokens[qt.open].nl || qt.open === sentences[tokens[qt.open].sent].t0);
        // '"... tackled. "I would like ...': a quotation right after the speaker's last one goes on with it
        const prevQ = doc.quotes[qi - 1];
        const adjacent =
          !!prevQ && quoteSpeaker[qi - 1] === lastSpeaker && qt.open >= 0 && qt.open - prevQ.close <= 1;
        if (opensPara || qt.open < 0 || adjacent) sp = lastSpeaker;
      }
      if (sp) {
        quoteSpeaker[qi] = sp;
        addAttribution({ speaker: sp, c0: qt.t0, c1: qt.t1 });
        lastSpeaker = sp;
        lastPara = qt.paragraph;
      }
    });
    // sentence-level attributions (reported clauses) may also hold quotes; speakers of reports already set
  }
  /** "According to the SNC, the regime must stop ..." / "..., according to Mr Smith.": the source speaks. */
  function accordingTo(s: Sentence, r: number): void {
    if (tokens[r].lower !== 'according' || tokens[r + 1]?.lower !== 'to' || tokens[r].inQuote) return;
    let j = r + 2;
    if (tokens[j]?.lower === 'the') j++;
    const m = headMentionAt(j);
    if (!m || m.adj || m.pron || !m.actor) return;
    const end = m.t1;
    if (r === s.t0 && tokens[end]?.text === ',') reports.push({ r, speaker: m.actor, c0: end + 1, c1: s.t1 });
    else if (tokens[r - 1]?.text === ',' && tokens[end]?.pos === 'PUNCT')
      reports.push({ r, speaker: m.actor, c0: s.t0, c1: r - 1 });
  }
  /** A reporting verb at token r, outside quotations ("said", "warned", "fired back"). */
  function reportingVerbAt(r: number): boolean {
    const t = tokens[r];
    return (
      !t.inQuote &&
      ((reporting.has(t.lemma) && (t.pos === 'VERB' || t.lower === 'said' || t.lower === 'says')) ||
        (t.lemma === 'fire' && tokens[r + 1]?.lower === 'back'))
    );
  }
  /**
   * The reporting verb at token r (reportingVerbAt): who speaks, and which tokens (or quotation)
   * carry their words. (Apart from the test every token goes through, V8 optimises it once it has
   * seen many reports, and recompiles it far less often: 2 compiles instead of 8 on the BBC corpus.)
   */
  function reportAt(s: Sentence, r: number): void {
    const t = tokens[r];
    // a passive reporting verb names no speaker: "It is thought the plans ...", "he is said to";
    // "Ms Simonetti was told her suspension was ...": the subject of a passive "told" hears, not says
    if (
      /^(was|were|is|are|been|being|be|'s)$/.test(tokens[r - 1]?.lower ?? '') &&
      t.lower !== t.lemma &&
      !/ing$/.test(t.lower)
    )
      return;
    // subject before (skip adverbials) or inverted after
    let speaker: string | undefined;
    const left = headActorLeft(r - 1, s.t0);
    if (left.m?.pron && !left.m.actor) speaker = undefined;
    else speaker = left.actor;
    let after = r + 1;
    if (t.lemma === 'fire') after++;
    // ", saying ...", ", telling delegates ...": a participle, whose subject is the sentence's
    const participle = /ing$/.test(t.lower);
    if (!speaker && !participle) {
      const prev = tokens[r - 1];
      if (!prev || prev.text === ',' || QUOTE.has(prev.text) || r === s.t0) {
        let q = r + 1;
        while (q < s.t1 && (tokens[q].lower === 'the' || tokens[q].lower === 'an' || tokens[q].lower === 'a'))
          q++;
        // skip role words before the name ("said foreign minister Sergei Lavrov")
        for (let k = 0; k < 6 && q + k < s.t1; k++) {
          const m = mentionAt(q + k);
          if (m && !m.adj && m.actor) {
            speaker = m.actor;
            after = m.t1;
            break;
          }
          if (m?.adj) continue;
          if (tokens[q + k].pos === 'VERB' || tokens[q + k].text === ',') break;
        }
      }
    }
    if (!speaker) {
      // participial "..., saying/insisting/stressing ..." -> the sentence subject
      if (/ing$/.test(t.lower) && tokens[r - 1]?.text === ',') speaker = clauseSubject(s.t0, r)[0];
      else if (/ing$/.test(t.lower) && tokens[r - 1]?.lower === 'by' && !accusedBefore(s.t0, r))
        speaker = clauseSubject(s.t0, r)[0];
    }
    if (!speaker) return;
    // content
    const prevTok = tokens[r - 1];
    const leftQuote = (() => {
      // '"...," X said' / '"...," said X'
      let k = r - 1;
      if (left.m) k = mentionStart(left.m) - 1;
      // a speaker opening a paragraph does not own the quotation that ended the one before
      if (tokens[k + 1]?.nl) return -1;
      while (
        k >= s.t0 - 2 &&
        k >= 0 &&
        (tokens[k].text === ',' || QUOTE.has(tokens[k].text) || tokens[k].pos === 'PUNCT')
      ) {
        const qi = quoteAt(k - 1) >= 0 ? quoteAt(k - 1) : -1;
        if (QUOTE.has(tokens[k].text) && qi >= 0) return qi;
        k--;
      }
      return -1;
    })();
    if (leftQuote >= 0 && quoteSpeaker[leftQuote] === undefined) {
      quoteSpeaker[leftQuote] = speaker;
      return;
    }
    // 'X said: "..."'
    let q = after;
    if (t.lemma === 'tell' || t.lemma === 'add' || t.lemma === 'say') {
      // skip the addressee / adverbials: "told MPs", "told the national broadcaster ABC", "said on Tuesday"
      q = skipObject(q, s.t1, t.lemma === 'tell');
    }
    // 'told BBC One's Breakfast with Frost: "...': the addressee may run on to the colon
    for (let x = q; x < Math.min(s.t1 - 1, q + 8); x++) {
      if (tokens[x].pos === 'VERB' || QUOTE.has(tokens[x].text)) break;
      if (tokens[x].text === ':' && QUOTE.has(tokens[x + 1].text)) {
        q = x;
        break;
      }
    }
    while (q < s.t1 && (tokens[q].text === ':' || tokens[q].text === ',')) q++;
    if (q < s.t1 && QUOTE.has(tokens[q].text) && tokens[q + 1]?.quote >= 0) {
      const qi = tokens[q + 1].quote;
      if (quoteSpeaker[qi] === undefined) quoteSpeaker[qi] = speaker;
      return;
    }
    if (prevTok?.text === ',' && !left.actor && !participle) {
      // "Russia will not back ..., said foreign minister Sergei Lavrov"
      reports.push({ r, speaker, c0: s.t0, c1: r - 1 });
      return;
    }
    if (prevTok?.text !== ',' && left.actor && left.m && tokens[mentionStart(left.m) - 1]?.text === ',') {
      // "The Council, he said, must be ..." / "..., Mr Abbas added."
      const endOfSent = q >= s.t1 - 1;
      if (endOfSent) reports.push({ r, speaker, c0: s.t0, c1: mentionStart(left.m) - 1 });
      else reports.push({ r, speaker, c0: s.t0, c1: s.t1 });
      return;
    }
    if (tokens[q]?.lower === 'that') q++;
    if (left.m && /^(which|who)$/.test(tokens[left.m.t0 - 1]?.lower ?? '')) {
      let j = left.m.t0 - 2;
      while (j > s.t0 && tokens[j].text === ',') j--;
      const ante = mentionAt(j);
      if (ante && !ante.adj) relAnte.set(q, ante);
    }
    if (q < s.t1 - 1) reports.push({ r, speaker, c0: q, c1: s.t1 });
  }

  function skipObject(q: number, end: number, isTell: boolean): number {
    let k = q;
    // adverbials: "on Tuesday", "in a statement", "in Australia on Tuesday"
    for (let guard = 0; guard < 3; guard++) {
      if (
        k < end &&
        /^(on|in|at|during|after|earlier|later|last|this|yesterday|today)$/.test(tokens[k].lower)
      ) {
        let j = k + 1;
        while (
          j < end &&
          j - k < 6 &&
          tokens[j].pos !== 'VERB' &&
          tokens[j].text !== ',' &&
          !QUOTE.has(tokens[j].text) &&
          tokens[j].lower !== 'that' &&
          !(
            mentionAt(j) &&
            !mentionAt(j)!.adj &&
            tokens[j - 1].pos !== 'ADP' &&
            tokens[j - 1].lower !== 'the'
          )
        )
          j++;
        k = j;
      } else break;
    }
    if (!isTell) return k;
    const m = mentionAt(k);
    if (m && !m.adj) return m.t1;
    if (k < end && DETS.has(tokens[k].lower)) {
      let j = k + 1;
      while (
        j < end &&
        (tokens[j].pos === 'ADJ' ||
          tokens[j].pos === 'NOUN' ||
          tokens[j].pos === 'PROPN' ||
          (mentionAt(j) && mentionAt(j)!.adj))
      )
        j++;
      // "the national broadcaster ABC"
      const m2 = mentionAt(j - 1);
      if (m2) j = m2.t1;
      return j;
    }
    // a bare noun addressee before the clause: "told reporters the draft was unacceptable",
    // "told parliament that Syria would pay"
    const nx = tokens[k + 1];
    if (
      k + 1 < end &&
      (tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN') &&
      nx &&
      (nx.lower === 'that' ||
        nx.pos === 'DET' ||
        nx.pos === 'PRON' ||
        !!mentionAt(k + 1) ||
        QUOTE.has(nx.text) ||
        nx.text === ':')
    )
      return k + 1;
    return k;
  }

  // ---------------- holders ----------------
  function resolveHolder(m: Mention, t: number): string | undefined {
    if (m.pron) {
      if (firstPerson.has(m.pron)) return speakerAt[t];
      return m.actor || undefined;
    }
    return m.actor;
  }
  /** Coordinated mentions to the left of mention m: "Russia and China". */
  function coordinatedLeft(m: Mention): Mention[] {
    const list = [m];
    // (past titles and roles: "Tony Blair and Mr Brown")
    // (past "the": "the Tories and the Lib Dems")
    const before = (x: Mention) => {
      const b = (x.pre ?? x.t0) - 1;
      return tokens[b]?.lower === 'the' ? b - 1 : b;
    };
    let k = before(m);
    // (a list ends with "and": "In Paris, President Kirchner" is none; or "nor": "neither Russia nor China")
    if (tokens[k]?.lower !== 'and' && tokens[k]?.lower !== 'nor') return list;
    while (k >= 0 && (tokens[k].lower === 'and' || tokens[k].lower === 'nor' || tokens[k].text === ',')) {
      const prev = mentionAt(k - 1);
      if (!prev || prev.adj || prev.pron) break;
      list.unshift(prev);
      k = before(prev);
    }
    return list;
  }
  /** Whether a list of coordinated mentions is the object of a preposition ("in Japan, the US and Canada"). */
  function listInPP(list: Mention[]): boolean {
    let b = (list[0].pre ?? list[0].t0) - 1;
    if (tokens[b]?.pos === 'DET') b--;
    return tokens[b]?.pos === 'ADP' && tokens[b].lower !== 'that';
  }
  /** The actors of coordinated mentions ("Russia and China"), those that resolve. */
  function actorsOf(ms: Mention[]): string[] {
    return ms.map((x) => resolveHolder(x, x.t0)).filter((x): x is string => !!x);
  }

  function coordinatedRight(m: Mention, end: number): Mention[] {
    const list = [m];
    let k = m.t1;
    // items joined by commas only count when an "and" closes the list ("Russia, China and Iran")
    let closed = 1;
    while (k < end && (tokens[k].lower === 'and' || tokens[k].text === ',')) {
      let j = k + 1;
      if (tokens[j]?.lower === 'the') j++;
      const nx = headMentionAt(j);
      const titled = nx?.pre !== undefined && nx.pre <= j && nx.t0 > j;
      if (!nx || nx.adj || (nx.t0 !== j && nx.t0 !== k + 1 && !titled)) break;
      list.push(nx);
      if (tokens[k].lower === 'and') closed = list.length;
      k = nx.t1;
    }
    return list.slice(0, closed);
  }

  /** The subject of the clause starting at c0: head of the first NP, skipping fronted adverbials and appositives. */
  function clauseSubject(c0: number, limit: number): string[] {
    let k = c0;
    while (k < limit && (QUOTE.has(tokens[k].text) || tokens[k].text === ',')) k++;
    // fronted adverbial segment ending in a comma ("On Monday,", "Meanwhile,", "Asked about the initiative,")
    for (let guard = 0; guard < 3; guard++) {
      const t = tokens[k];
      if (!t) break;
      if (
        t.pos === 'ADP' ||
        t.pos === 'ADV' ||
        t.pos === 'SCONJ' ||
        (t.pos === 'VERB' && /ed$|ing$/.test(t.lower) && !mentionAt(k))
      ) {
        let j = k;
        while (j < limit && tokens[j].text !== ',') j++;
        if (j < limit && j - k < 12) {
          k = j + 1;
          continue;
        }
      }
      break;
    }
    // NP up to the first verb / comma
    const start = k;
    let end = k;
    while (end < limit) {
      const t = tokens[end];
      const m = mentionAt(end);
      if (m && !m.adj) {
        end = m.t1;
        continue;
      }
      // "the Law Lords' ruling": a possessive apostrophe, not a quotation mark
      if (possessiveMark(end)) {
        end++;
        continue;
      }
      if (
        t.pos === 'VERB' ||
        t.pos === 'AUX' ||
        t.text === ',' ||
        t.text === '-' ||
        QUOTE.has(t.text) ||
        t.lower === 'which' ||
        t.lower === 'who'
      )
        break;
      if (t.pos === 'ADP' && t.lower !== "'s") break;
      end++;
    }
    // "He also attacked": an adverb between the subject and its verb
    while (end - 1 > start && tokens[end - 1].pos === 'ADV' && !mentionAt(end - 1)) end--;
    if (end <= start) return [];
    // the head is the last token before end; it must be an actor mention
    const m = mentionAt(end - 1);
    if (!m || m.adj) return [];
    if (m.t0 < start) return [];
    const holder = resolveHolder(m, end - 1);
    if (!holder) return [];
    return actorsOf(coordinatedLeft(m));
  }

  /**
   * The actor an appositive ending with the comma at k describes: "Sir Digby Jones, CBI director
   * general, warned" (no verb between the commas; not the object of a preposition).
   */
  function appositiveSubject(k: number, lo: number): { m: Mention; inner: boolean } | undefined {
    let j = k - 1;
    while (j > lo && k - j <= 8 && tokens[j].text !== ',') {
      if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX' || tokens[j].lower === 'and') return undefined;
      j--;
    }
    if (tokens[j]?.text !== ',' || j >= k - 1) return undefined;
    // "the co-chairman of the Conservative Party, Liam Fox, said": the name is the appositive
    const inner = mentionAt(j + 1);
    const am = mentionAt(j - 1);
    // ("Alain Juppe, the French foreign minister, condemned": a role for a state is the person's)
    const personBefore = am && !am.adj && !am.pron && kindOf(am.actor) === 'PERSON';
    if (
      inner &&
      !inner.adj &&
      !inner.pron &&
      inner.t0 === j + 1 &&
      inner.t1 === k &&
      !(personBefore && kindOf(inner.actor) !== 'PERSON')
    )
      return { m: inner, inner: true };
    if (!am || am.adj || am.pron || !resolveHolder(am, j - 1)) return undefined;
    let b = mentionStart(am) - 1;
    if (tokens[b]?.pos === 'DET') b--;
    const before = tokens[b]?.lower ?? '';
    return /^(of|to|with|by|from|for|in|on|at|against|about|into|over|under)$/.test(before)
      ? undefined
      : { m: am, inner: false };
  }

  /** Holders for a predicate at token p; lo = lower bound of the clause (content start or sentence start). */
  function holdersFor(p: number, lo: number): { holders: string[]; controlled: boolean } {
    let k = p - 1;
    let crossedTo = false;
    let crossedVerb = false;
    for (let guard = 0; guard < 40 && k >= lo; guard++) {
      const t = tokens[k];
      const m = mentionAt(k);
      // "Labour plans to oppose the bill", "the Tory plan to cut taxes": the actor modifying the
      // effort holds what it is for (not "leading a Western charge to press": a describing one)
      if (
        m?.adj &&
        !m.pron &&
        m.actor &&
        !/^(a|an)$/.test(tokens[m.t0 - 1]?.lower ?? '') &&
        crossedTo &&
        !crossedVerb &&
        CONTROL_NOUNS.has(tokens[m.t1]?.lower ?? '') &&
        tokens[m.t1 + 1]?.lower === 'to'
      )
        return { holders: [m.actor], controlled: false };
      if (m && !(m.adj && !m.pron)) {
        if (crossedTo && !crossedVerb) {
          // "press Russia to back": the urged party is not a holder ("summoned the Israeli
          // ambassador to protest": nor is one after a determiner and adjectives)
          let vb = mentionStart(m) - 1;
          if (tokens[m.t1]?.lower === 'to')
            while (vb > lo && vb > mentionStart(m) - 4 && /^(DET|ADJ)$/.test(tokens[vb].pos)) vb--;
          const v = tokens[vb];
          if (v && (v.pos === 'VERB' || v.lower === 'on' || v.lower === 'for'))
            return { holders: [], controlled: true };
        }
        // relative "which" handled below; possessive NP ("its failure") is not a subject, but for
        // an effort it names ("Britain's bid to block", "its attempt to stop")
        const possessive = tokens[m.t1]?.lower === "'s" || POSSESSIVE.has(m.pron ?? '');
        if (possessive) {
          let c = tokens[m.t1]?.lower === "'s" ? m.t1 + 1 : m.t1;
          while (c < p && tokens[c].pos === 'ADJ') c++;
          const effort =
            crossedTo &&
            !crossedVerb &&
            CONTROL_NOUNS.has(tokens[c]?.lower ?? '') &&
            tokens[c + 1]?.lower === 'to';
          const h = effort ? resolveHolder(m, m.t0) : undefined;
          return h ? { holders: [h], controlled: false } : { holders: [], controlled: false };
        }
        // (past a determiner and adjectives: "sales in neighbouring Russia helped")
        // (a pronoun takes neither: "In the past I voted")
        let b = m.t0 - 1;
        // (past "the", adjectives and "their": "wrote to their MPs to raise concerns")
        while (
          !m.pron &&
          b > lo &&
          b > m.t0 - 4 &&
          (tokens[b].pos === 'DET' || tokens[b].pos === 'ADJ' || POSSESSIVE.has(tokens[b].lower))
        )
          b--;
        if (m.pron && tokens[b]?.pos === 'DET') b--;
        const prev = tokens[b];
        if (prev && prev.pos === 'ADP' && prev.lower !== 'that') {
          // object of a preposition: not a subject; keep looking left through the PP
          k = m.t0 - 2;
          continue;
        }
        // reason clauses are background: "because they want to buy arms"
        if (/^(because|since)$/.test(tokens[mentionStart(m) - 1]?.lower ?? ''))
          return { holders: [], controlled: false };
        const h = resolveHolder(m, k);
        if (!h) return { holders: [], controlled: false };
        const list = coordinatedLeft(m);
        // "Viewers in Japan, the US and Canada are embracing": the list is a preposition's object
        if (list.length > 1 && listInPP(list)) {
          k = (list[0].pre ?? list[0].t0) - 2;
          continue;
        }
        return {
          holders: actorsOf(list),
          controlled: crossedTo,
        };
      }
      const low = t.lower;
      // "Mr Blair this week defended", "Britain on Monday criticised": a time between subject and verb
      const timeDet = tokens[k - 1]?.lower ?? '';
      if (!crossedTo && isTimeUnit(t) && (timeDeterminers.has(timeDet) || timeDet === 'on')) {
        k -= 2;
        continue;
      }
      if (!crossedTo && timeWords.has(low) && k === p - 1) {
        k--;
        continue;
      }
      // "wrote to Mr McConnell on Tuesday accusing him"
      if (!crossedTo && days.has(t.text) && tokens[k - 1]?.lower === 'on') {
        k -= 2;
        continue;
      }
      // "Washington and its (European) allies are pressing": the actor before "and its"
      if (!crossedTo && t.pos === 'NOUN') {
        let j = k - 1;
        while (
          j > lo &&
          (tokens[j].pos === 'ADJ' ||
            (tokens[j].pos === 'PROPN' && !mentionAt(j)) ||
            (mentionAt(j)?.adj && !mentionAt(j)?.pron))
        )
          j--;
        if (POSSESSIVE.has(tokens[j]?.lower ?? '') && tokens[j - 1]?.lower === 'and') {
          const am = mentionAt(j - 2);
          if (am && !am.adj && !am.pron) return { holders: actorsOf(coordinatedLeft(am)), controlled: false };
        }
      }
      if (low === 'to' && (tokens[k + 1]?.pos === 'VERB' || k + 1 === p)) {
        crossedTo = true;
        k--;
        continue;
      }
      if (
        t.pos === 'AUX' ||
        t.pos === 'PART' ||
        modals.has(low) ||
        negation.has(low) ||
        skipInSubject.has(low) ||
        (t.pos === 'ADV' && low !== 'then')
      ) {
        k--;
        continue;
      }
      if (low === 'which' || low === 'who' || (low === 'that' && tokens[k - 1]?.pos === 'NOUN')) {
        // relative clause: the antecedent
        let j = k - 1;
        let comma = false;
        while (j >= lo && (tokens[j].text === ',' || tokens[j].text === '-')) {
          comma = true;
          j--;
        }
        const ante = mentionAt(j);
        if (!ante || ante.adj) return { holders: [], controlled: false };
        const before = tokens[ante.t0 - 1];
        if (!comma && before && before.pos === 'ADP') return { holders: [], controlled: false };
        // "the conflict between government forces and the Tamil Tigers, who want": a list inside a
        // prepositional phrase; the clause is about its last item
        const list = coordinatedLeft(ante);
        return {
          holders: actorsOf(listInPP(list) ? [ante] : list),
          controlled: false,
        };
      }
      // A past-tense verb after "and", in a reported clause, goes with the reporting verb when the
      // clause's own verb is modal ("Blair said Labour would set out plans and attacked the Tory
      // plans") or its subject is no actor ("Mrs Robinson said the ruling was sound and praised ...")
      if (low === 'and' && k === p - 1 && contentStart[p] >= 0 && speakerAt[p] && !tokens[p].inQuote) {
        const v = tokens[p];
        if (v.lower !== v.lemma && /ed$/.test(v.lower)) {
          const own = { holders: [speakerAt[p]!], controlled: false };
          for (let x = contentStart[p]; x < k; x++) if (modals.has(tokens[x].lower)) return own;
          if (!clauseSubject(contentStart[p], k).length) return own;
        }
      }
      if (
        t.text === ',' ||
        t.text === '-' ||
        low === 'and' ||
        low === 'but' ||
        low === 'or' ||
        low === 'then' ||
        // ("before attacking": a conjunction; "have never before overturned": an adverb)
        (low === 'before' && /ing$/.test(tokens[p].lower))
      ) {
        // "as Sir Digby Jones, CBI director general, warned": the actor before an appositive
        const appositive = t.text === ',' ? appositiveSubject(k, lo) : undefined;
        if (appositive)
          return {
            holders: actorsOf(appositive.inner ? [appositive.m] : coordinatedLeft(appositive.m)),
            controlled: false,
          };
        // coordinated or participial clause: the subject of the enclosing clause
        const subj = clauseSubject(lo, p);
        // "X fired back, saying ..., and again blaming Y": participles after a reporting
        // participle are the speaker's
        if (!subj.length && speakerAt[p] && /ing$/.test(tokens[p].lower) && /ing$/.test(tokens[lo].lower))
          return { holders: [speakerAt[p]!], controlled: true };
        return { holders: subj, controlled: true };
      }
      if (crossedTo && HEDGED.has(low)) return { holders: [], controlled: true };
      if (crossedTo && (QUOTE.has(t.text) || t.pos === 'NUM' || t.pos === 'SYM')) {
        k--;
        continue;
      }
      if (t.text === ')') {
        // "The Palestinian Authority (PA) was ...": skip the bracket
        let j = k - 1;
        while (j > lo && tokens[j].text !== '(' && k - j < 8) j--;
        if (tokens[j]?.text === '(') {
          k = j - 1;
          continue;
        }
      }
      if (crossedTo && t.pos === 'NOUN' && tokens[k - 1]?.lower === 'by') {
        // "is bound by law to help"
        k -= 2;
        continue;
      }
      if (
        crossedTo &&
        (t.pos === 'VERB' ||
          t.pos === 'NOUN' ||
          t.pos === 'ADJ' ||
          t.pos === 'DET' ||
          t.pos === 'ADP' ||
          t.pos === 'PROPN')
      ) {
        // "refuses to accept", "efforts to end", "is leading a charge to press"
        if (t.pos === 'NOUN' && !CONTROL_NOUNS.has(low)) return { holders: [], controlled: true };
        // "was urged to push for": the urged action is not the holder's stance
        if (t.pos === 'VERB' && lexVerb(t)?.some((x) => x.frame === 'objInf'))
          return { holders: [], controlled: true };
        if (t.pos === 'VERB') crossedVerb = true;
        k--;
        continue;
      }
      if (t.pos === 'VERB' && /ing$/.test(low) && tokens[k - 1]?.text === ',') {
        return { holders: clauseSubject(lo, p), controlled: true };
      }
      // "Nicola Sturgeon wrote to Mr McConnell on Tuesday accusing him": a participle after a
      // finite verb's complement is that verb's subject's
      if (
        !crossedTo &&
        /ing$/.test(tokens[p].lower) &&
        t.pos === 'VERB' &&
        t.lower !== t.lemma &&
        !/ing$/.test(low)
      ) {
        return { holders: clauseSubject(lo, k), controlled: true };
      }
      if (t.pos === 'VERB' && /ing$/.test(low) && tokens[k - 1]?.lower === 'by') {
        return { holders: clauseSubject(lo, p), controlled: true };
      }
      if (t.lower === 'by' && /ing$/.test(tokens[k + 1]?.lower ?? '')) {
        return { holders: clauseSubject(lo, p), controlled: true };
      }
      return { holders: [], controlled: false };
    }
    // the clause is a relative one reported by someone: "North Korea, which he said had ..."
    const ante = relAnte.get(lo);
    if (k < lo && ante) {
      const h = resolveHolder(ante, ante.t0);
      return { holders: h ? [h] : [], controlled: false };
    }
    // "Tony Blair wrote to Michael Howard criticising his plans": a participle after the
    // reporting verb's addressee is the speaker's
    if (
      k < lo &&
      !crossedTo &&
      /ing$/.test(tokens[p].lower) &&
      speakerAt[p] &&
      tokens[lo - 1]?.pos === 'VERB'
    )
      return { holders: [speakerAt[p]!], controlled: true };
    return { holders: [], controlled: false };
  }

  // ---------------- targets ----------------
  /** A number of things: "two resolutions", "four Russian diplomats" (not a year, a score or a date). */
  function quantity(k: number): boolean {
    const nx = tokens[k + 1];
    return (
      !!nx &&
      !/^\d{4}$/.test(tokens[k].text) &&
      !isTimeUnit(nx) &&
      (nx.pos === 'NOUN' ||
        nx.pos === 'ADJ' ||
        (nx.pos === 'PROPN' && !emptyTopicWords.has(nx.lower) && !days.has(nx.text)))
    );
  }
  /** A noun right before the "to" at k, past a "not": "plans to end", "his decision not to release". */
  function nounBeforeTo(k: number): boolean {
    const head = tokens[k - 1]?.lower === 'not' ? tokens[k - 2] : tokens[k - 1];
    return !!head && (head.pos === 'NOUN' || head.pos === 'PROPN');
  }
  /**
   * A capitalised word the tagger read as a verb that belongs to a name: inside one ("the Human
   * Rights Act", no mention of its own), or a titled name before a possessive ("Lord Dubs' bill").
   */
  function nameReadAsVerb(k: number): boolean {
    const t = tokens[k];
    if (t.pos !== 'VERB' || !t.cap) return false;
    const m = mentionAt(k);
    if (!m) return tokens[k - 1]?.pos === 'PROPN' && tokens[k - 1].cap;
    return !m.pron && (m.pre ?? k) < k && (tokens[k + 1]?.lower === "'s" || possessiveMark(k + 1));
  }
  /** Whether the lower-case words follow one another from token k (particles, phrases). */
  function wordsAt(k: number, words: string[]): boolean {
    return words.every((w, n) => tokens[k + n]?.lower === w);
  }
  /** Whether one of cues.json mannerPhrases ("in the strongest terms") starts at k. */
  function mannerAt(k: number): boolean {
    return mannerPhrases.some((ws) => wordsAt(k, ws));
  }

  function npEnd(q: number, end: number, maxLen = 14): number {
    let k = q;
    let n = 0;
    while (k < end && n < maxLen) {
      const t = tokens[k];
      const low = t.lower;
      if (QUOTE.has(t.text)) {
        k++;
        continue;
      }
      if (t.pos === 'PUNCT' && t.text !== '%' && t.text !== '&') break;
      if (STOP_NP.has(low) && k > q) break;
      // "condemned the bombing in the strongest terms": a manner is no part of the target
      if (k > q && mannerAt(k)) break;
      // "criticised Russia yesterday", "backed the plan last week": a time is no part of the target
      // (not "the Today programme", not inside a quoted phrase: "'pay later' Budget")
      if (
        k > q &&
        !t.cap &&
        !QUOTE.has(tokens[k + 1]?.text ?? '') &&
        (timeWords.has(low) || (timeDeterminers.has(low) && isTimeUnit(tokens[k + 1])))
      )
        break;
      if (t.pos === 'VERB' && k > q && tokens[k - 1].lower === "'s") {
        // "Bush's handling of the economy"
        k++;
        n++;
        continue;
      }
      // "criticised X for failing to ...": the reason is not part of the target
      if (low === 'for' && k > q && tokens[k + 1]?.pos === 'VERB' && /ing$/.test(tokens[k + 1].lower)) break;
      if (k > q && nameReadAsVerb(k)) {
        k++;
        n++;
        continue;
      }
      if (t.pos === 'VERB' && k > q) {
        // a quoted word inside the phrase: "the 'pay later' Budget"
        const before = tokens[k - 1];
        if (
          QUOTE.has(before.text) &&
          before.end === t.start &&
          /^(DET|ADJ)$/.test(tokens[k - 2]?.pos ?? '') &&
          k - 2 >= q
        ) {
          k++;
          n++;
          continue;
        }
        // a plural noun tagged as a verb at the end of the phrase: "extravagant Tory promises."
        if (pluralTaggedVerb(k)) {
          k++;
          n++;
          continue;
        }
        // infinitival complement of a noun: "plans to end", "efforts to take", "decision not to release"
        if (tokens[k - 1]?.lower === 'to' && nounBeforeTo(k - 1)) {
          k++;
          n++;
          continue;
        }
        if (/ing$/.test(low) && tokens[k - 1]?.pos === 'ADP') {
          k++;
          n++;
          continue;
        }
        // adjectival participle: "a similarly worded resolution"
        if (/(ed|en)$/.test(low) && (tokens[k + 1]?.pos === 'NOUN' || tokens[k + 1]?.pos === 'ADJ')) {
          k++;
          n++;
          continue;
        }
        break;
      }
      // reduced relative clause: "proposals it did not agree with"
      if (t.pos === 'PRON' && k > q && (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'PROPN')) break;
      if (t.pos === 'AUX' && k > q) break;
      if ((low === 'and' || low === 'but' || low === 'or') && tokens[k + 1]?.pos === 'PRON') break;
      if (low === 'and' || low === 'but') {
        // "... and Tory leader Michael Howard may well take up": a new clause with its own subject
        let x = k + 1;
        while (
          x < end &&
          x < k + 6 &&
          !(tokens[x].pos === 'AUX' || tokens[x].pos === 'VERB' || tokens[x].pos === 'PUNCT')
        )
          x++;
        if (
          x < end &&
          (tokens[x].pos === 'AUX' || (tokens[x].pos === 'VERB' && !/ing$/.test(tokens[x].lower))) &&
          mentionAt(x - 1)
        )
          break;
      }
      if (
        low === 'and' &&
        (tokens[k + 1]?.pos === 'VERB' || tokens[k + 1]?.pos === 'AUX' || tokens[k + 1]?.pos === 'ADV') &&
        // (not two adjectives: "unfair and over-complicated taxes")
        !(
          (tokens[k - 1]?.pos === 'ADJ' || QUOTE.has(tokens[k - 1]?.text ?? '')) &&
          /(ed|en)$/.test(tokens[k + 1]?.lower ?? '') &&
          tokens[k + 2]?.pos === 'NOUN'
        )
      )
        break;
      // (an infinitive after a noun goes on with it)
      if (low === 'to' && tokens[k + 1]?.pos === 'VERB' && !nounBeforeTo(k)) break;
      k++;
      n++;
    }
    // trim trailing prepositions/conjunctions
    while (
      k > q &&
      ((tokens[k - 1].pos === 'ADP' && !(k - 2 >= q && tokens[k - 2].pos === 'VERB')) ||
        tokens[k - 1].pos === 'CCONJ' ||
        tokens[k - 1].pos === 'DET' ||
        QUOTE.has(tokens[k - 1].text) ||
        tokens[k - 1].lower === 'to')
    )
      k--;
    return k;
  }

  /** "magistrates' courts": an apostrophe closing a plural possessive, not a closing quote mark. */
  function possessiveMark(k: number): boolean {
    const t = tokens[k];
    const prev = tokens[k - 1];
    if (!t || (t.text !== "'" && t.text !== '\u2019')) return false;
    if (!prev || prev.end !== t.start || !/s$/i.test(prev.text)) return false;
    // a quote opened earlier in the sentence and not closed is closed here
    let open = false;
    for (let j = k - 1; j >= 0 && tokens[j].sent === t.sent; j--) {
      const u = tokens[j];
      if (u.text !== "'" && u.text !== '\u2018' && u.text !== '\u2019') continue;
      const spaceBefore = j === 0 || tokens[j - 1].end < u.start;
      const attachedAfter = tokens[j + 1]?.start === u.end;
      if (spaceBefore && attachedAfter) open = !open;
    }
    return !open;
  }

  /**
   * A plural noun the tagger read as a verb, ending a phrase after a modifier: "the Tory promises.",
   * "'extravagant' Tory promises on tax" (not "the plan Labour proposes", a relative clause).
   */
  function pluralTaggedVerb(k: number): boolean {
    const t = tokens[k];
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if (t?.pos !== 'VERB' || !before || !/[^s]s$/.test(t.lower)) return false;
    const mod =
      before.pos === 'ADJ' ||
      (before.pos === 'PROPN' && /^(DET|ADJ)$/.test(tokens[k - 2]?.pos ?? '')) ||
      (before.pos === 'PROPN' && QUOTE.has(tokens[k - 2]?.text ?? ''));
    return mod && (!after || after.pos === 'PUNCT' || after.pos === 'ADP');
  }

  /** "denounced what it called foreign interference": where the words it used start, else s. */
  const pastWhatCalled = (s: number, b: number): number => {
    if (tokens[s]?.lower !== 'what' || s + 3 >= b) return s;
    const m = headMentionAt(s + 1);
    const c = m && m.t1 > s + 1 ? m.t1 : s + 2;
    if (/^(called|termed|branded|dubbed)$/.test(tokens[c]?.lower ?? '')) return c + 1;
    if (tokens[c]?.lower === 'described' && tokens[c + 1]?.lower === 'as') return c + 2;
    return s;
  };

  const topicOf = (a: number, b: number): TopicTarget | undefined => {
    let s = a;
    // determiners, quote marks and stance compounds ("Western-backed") are not part of the topic
    while (
      s < b &&
      (DETS.has(tokens[s].lower) ||
        QUOTE.has(tokens[s].text) ||
        (tokens[s].parts && compoundSuffix.has(tokens[s].parts![tokens[s].parts!.length - 1].toLowerCase())))
    )
      s++;
    s = pastWhatCalled(s, b);
    while (s < b && (DETS.has(tokens[s].lower) || QUOTE.has(tokens[s].text))) s++;
    let e = b;
    // (nor trailing adverbs: "the Tory proposals even before their publication")
    while (
      e > s &&
      (QUOTE.has(tokens[e - 1].text) ||
        tokens[e - 1].pos === 'PUNCT' ||
        (trailingAdverbs.has(tokens[e - 1].lower) && e - 1 > s))
    )
      e--;
    if (e <= s) return undefined;
    // a noun phrase does not start with a preposition or conjunction
    if (tokens[s].pos === 'ADP' || tokens[s].pos === 'CCONJ' || tokens[s].pos === 'SCONJ') return undefined;
    // the words as written, without quote marks ("'pay later' Budget" -> "pay later Budget")
    let name = '';
    for (let k = s, last = -1; k < e; k++) {
      if (QUOTE.has(tokens[k].text) && !possessiveMark(k)) continue;
      if (name && tokens[k].start > last) name += ' ';
      name += doc.text.slice(tokens[k].start, tokens[k].end);
      last = tokens[k].end;
    }
    name = name.replace(/["\u201c\u201d]/g, '').trim();
    const words: string[] = [];
    for (let k = s; k < e; k++) {
      const t = tokens[k];
      if (
        t.pos === 'NOUN' ||
        t.pos === 'PROPN' ||
        t.pos === 'ADJ' ||
        (t.pos === 'VERB' && (k === s || /ing$|ed$/.test(t.lower))) ||
        t.pos === 'NUM'
      ) {
        if (VAGUE.has(t.lower)) continue;
        words.push(t.lower);
      }
    }
    // no topic in a clause ("it lifted"), a bare general verb ("do so", "do them") or a date alone
    // ("February", "2005"): nothing an analyst could follow
    // (but "want it lifted", "want it replaced": what is wanted done to it)
    if (
      tokens[s].pos === 'PRON' &&
      !POSSESSIVE.has(tokens[s].lower) &&
      tokens[s].lower !== 'what' &&
      !(/^(it|them)$/.test(tokens[s].lower) && /ed$/.test(tokens[s + 1]?.lower ?? ''))
    )
      return undefined;
    if (words.every((w) => emptyTopicWords.has(w) || /^\d+$/.test(w))) return undefined;
    // a time alone: "the last year has been a great year"
    let timeOnly = true;
    for (let k = s; k < e && timeOnly; k++)
      if (!DETS.has(tokens[k].lower) && !timeDeterminers.has(tokens[k].lower) && !isTimeUnit(tokens[k]))
        timeOnly = false;
    if (timeOnly) return undefined;
    const sl = slug(words.slice(0, 6).join(' '));
    if (!sl || !name) return undefined;
    return { id: `topic:${sl}`, name, kind: 'TOPIC' };
  };

  /** The first token from h (before e) that is not an honorific outside a mention: "Mr Brown". */
  function pastHonorifics(h: number, e: number): number {
    while (h < e - 1 && honorifics.has(tokens[h].lower) && !mentionAt(h)) h++;
    return h;
  }

  /** Targets of the NP starting at q. */
  function targetsAt(
    q: number,
    end: number,
    opts: { actorOnly?: boolean; topicOnly?: boolean; clause?: boolean; polarity?: number } = {},
  ): Target[] {
    let s = q;
    // (not "why" or "how", tagged as adverbs: "questioned why the Home Office had made no plans")
    while (s < end && ((tokens[s].pos === 'ADV' && !WH.has(tokens[s].lower)) || QUOTE.has(tokens[s].text)))
      s++;
    s = pastWhatCalled(s, end);
    // "proud of what the company has achieved", "sceptical about how much difference ...": a clause
    if (s < end && WH.has(tokens[s].lower)) return [];
    // time expressions are not targets ("insisted on Wednesday", "rejected last week")
    // (not a quantity: "blocked two UN resolutions", "expelled four Russian diplomats")
    if (s < end && (days.has(tokens[s].text) || (tokens[s].pos === 'NUM' && !quantity(s)))) return [];
    if (s < end && tokens[s].pos === 'NUM') s++;
    if (s + 1 < end && timeDeterminers.has(tokens[s].lower) && isTimeUnit(tokens[s + 1])) return [];
    // no object: "the war that Labour backed was wrong"
    if (s < end && tokens[s].pos === 'AUX') return [];
    // "refused to back the bill": an infinitive the tagger read as an adverb is no object
    if (tokens[s]?.lower === 'to' && tokens[s + 1]?.pos === 'ADV' && lexVerb(tokens[s + 1])) return [];
    const e = npEnd(s, end);
    if (e <= s) return [];
    // After a verb that takes a clause without "that", an NP followed by an auxiliary is the
    // subject of that clause, not the verb's object: "accepted his side had not played well";
    // with "that" the clause is what is accepted, an admission: "accepted that young people drank".
    if (opts.clause && tokens[e]?.pos === 'AUX' && tokens[e].lower !== "'s") return [];
    if (opts.clause && tokens[q]?.lower === 'that') return [];
    // actor NP: the head region is covered by mentions
    let h = s;
    if (tokens[h].lower === 'the' && mentionAt(h + 1)?.t0 === h + 1) h++;
    h = pastHonorifics(h, e);
    // "Labour MP Oona King", "Russian Foreign Minister Sergei Lavrov": a person after an affiliation
    // and a role is the head, not the affiliation
    const lead = mentionAt(h);
    if (lead && kindOf(lead.actor) !== 'PERSON') {
      for (let x = lead.t1; x < Math.min(e, lead.t1 + 4); x++) {
        const pm = mentionAt(x);
        if (pm?.actor && kindOf(pm.actor) === 'PERSON' && !pm.pron) {
          h = x;
          break;
        }
        if (
          tokens[x].pos === 'VERB' ||
          tokens[x].pos === 'ADP' ||
          tokens[x].pos === 'PUNCT' ||
          tokens[x].lower === 'and'
        )
          break;
      }
    }
    // "Foreign Secretary Jack Straw", "Mr Smith": the person after the titles
    const head = headMentionAt(h);
    if (head && head.t0 > h && head.t0 < e) h = head.t0;
    const m = mentionAt(h);
    if (m && m.t0 <= h && !m.adj) {
      const coords = coordinatedRight(m, tokens[m.t1]?.text === ',' ? end : e);
      const last = coords[coords.length - 1];
      const after = tokens[last.t1];
      const headEnds =
        last.t1 >= e ||
        !after ||
        after.pos === 'ADP' ||
        after.pos === 'PUNCT' ||
        (after.pos === 'VERB' && !pluralTaggedVerb(last.t1)) ||
        after.lower === 'to' ||
        QUOTE.has(after.text);
      if (headEnds && after?.lower !== "'s" && !possessiveMark(last.t1)) {
        if (opts.topicOnly) return [];
        const out: Target[] = [];
        for (const c of coords) {
          const id = resolveHolder(c, c.t0);
          if (id) out.push({ actor: id });
        }
        return out;
      }
    }
    if (m?.pron && m.t1 >= e) return [];
    if (opts.actorOnly) return [];
    // "attacked the prime minister" with no prime minister named: a person we cannot name, no topic
    let r0 = s;
    while (r0 < e && (DETS.has(tokens[r0].lower) || POSSESSIVE.has(tokens[r0].lower) || mentionAt(r0)?.adj))
      r0++;
    const rest: string[] = [];
    for (let x = r0; x < e; x++) rest.push(tokens[x].lower);
    // (definite only: "calls for a Lords speaker" asks for a post)
    const definite = tokens[s].lower === 'the' || POSSESSIVE.has(tokens[s].lower);
    if (definite && rest.length && rolePhrases.has(rest.join(' '))) return [];
    const topic = topicOf(s, e);
    if (!topic) return [];
    if (opts.polarity === -1) claimed.push([s, e]);
    return [{ topic }];
  }

  /**
   * Targets of a verb that ends an activity (predicates.json `ownAction`: "stop", "halt", "end").
   * The holder ending its own activity takes no stance: "Fiat is to stop making engines", "BA is to
   * halt its flights". Someone made to stop doing something: the doing is the target ("stop people
   * pirating music", "stop coaches from haranguing referees"), not the people; an actor made to
   * stop ("stop the Tories taking us back") is no topic, so no stance.
   */
  function ownActionTargets(q: number, end: number, targets: Target[]): Target[] {
    let j = q;
    while (j < end && tokens[j].pos === 'ADV') j++;
    const first = tokens[j];
    if (!first) return targets;
    const gerund = (t: Token | undefined) => !!t && t.pos === 'VERB' && /ing$/.test(t.lower);
    if (gerund(first) || POSSESSIVE.has(first.lower)) return [];
    // the doing: a gerund right after the NP's noun, or after "from"
    let g = -1;
    for (let k = j + 1; k < Math.min(end, j + 8); k++) {
      const t = tokens[k];
      if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX') {
        if (gerund(t) && (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'PROPN')) g = k;
        break;
      }
      if (t.lower === 'from') {
        let f = k + 1;
        while (f < end && tokens[f].pos === 'ADV') f++;
        if (gerund(tokens[f])) g = f;
        break;
      }
    }
    if (g > 0) {
      // "stop the Tories taking us back": who is stopped is an actor; the verb takes topics only
      for (let k = j; k < g; k++) if (mentionAt(k) && !mentionAt(k)!.adj) return [];
      const topic = topicOf(g, Math.max(npEnd(g + 1, end, 8), g + 1));
      return topic ? [{ topic }] : [];
    }
    return targets;
  }

  // ---------------- emission ----------------
  const emit = (
    sentIdx: number,
    source: string,
    speaker: string | undefined,
    target: Target,
    kind: StanceKind,
    polarity: -1 | 0 | 1,
    negated: boolean,
    confidence: number,
  ) => {
    if (!source || !actors.has(source)) return;
    const tid = 'actor' in target ? target.actor : target.topic.id;
    if (tid === source) return;
    if ('actor' in target && !actors.has(target.actor)) return;
    // a place is no target, but for an attack; a capital standing for its state is (capitalsAsStates),
    // except for kinds with a physical reading ("attacked Damascus", "threatened Paris")
    if (
      'actor' in target &&
      kindOf(target.actor) === 'LOCATION' &&
      kind !== 'ATTACK' &&
      !(capitalState.has(target.actor) && kind !== 'CRITICIZE' && kind !== 'THREATEN')
    )
      return;
    const key = `${sentIdx}|${source}|${tid}|${polarity}`;
    if (seen.has(key)) return;
    seen.add(key);
    const s = sentences[sentIdx];
    let sp = speaker && actors.has(speaker) ? speaker : null;
    if (!sp && kindOf(source) === 'PERSON') sp = source;
    out.push({
      source,
      speaker: sp,
      target: 'actor' in target ? target.actor : target.topic,
      kind,
      polarity,
      negated,
      confidence: Math.max(0, Math.min(1, confidence)),
      evidence: { sentence: sentIdx, start: s.start, end: s.end, text: s.text },
    });
  };

  const isNegated = (p: number, lo: number): boolean => {
    for (let k = p - 1, n = 0; k >= lo && n < 7; k--, n++) {
      const t = tokens[k];
      if (negation.has(t.lower)) return true;
      if (refusalWords.has(t.lemma) && tokens[k + 1]?.lower === 'to') return true;
      if (t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'ADV' || modals.has(t.lower) || t.lower === 'to')
        continue;
      // "would never, ever criticise": a comma between adverbs
      if (t.text === ',' && tokens[k + 1]?.pos === 'ADV' && tokens[k - 1]?.pos === 'ADV') continue;
      break;
    }
    return false;
  };
  /** A clause with "neither X nor Y" (or opening with "Nor") before the verb at p: "neither the Irish Government nor MIT was willing to fund it". */
  const neitherNor = (p: number, lo: number): boolean => {
    if (tokens[lo]?.lower === 'nor' && lo < p) return true;
    for (let k = lo; k < p; k++) if (tokens[k].lower === 'neither') return true;
    return false;
  };
  /** "has not yet backed", "has yet to back": undecided, neither for nor against. */
  const pending = (p: number, lo: number): boolean => {
    if (tokens[p - 1]?.lower === 'to' && tokens[p - 2]?.lower === 'yet' && p - 2 >= lo) return true;
    for (let k = p - 1, n = 0; k > lo && n < 4; k--, n++)
      if (tokens[k].lower === 'yet' && negation.has(tokens[k - 1].lower)) return true;
    return false;
  };
  /** "Turkey, once an ally of Syria, has ...": "once" as "formerly", a verbless phrase closed by a comma. */
  const formerly = (k: number, p: number): boolean => {
    for (let x = k + 1; x < p; x++) {
      if (tokens[x].text === ',') return true;
      if (tokens[x].pos === 'VERB' || tokens[x].pos === 'AUX') return false;
    }
    return false;
  };
  /** A claim noun at x ("claims", "suggestion"), not a verb read as one after its subject ("The BBC reports that"). */
  const claim = (x: number): boolean =>
    claimNouns.has(tokens[x]?.lower ?? '') &&
    tokens[x].pos === 'NOUN' &&
    !(
      tokens[x - 1] &&
      (/^(PROPN|NOUN)$/.test(tokens[x - 1].pos) || (mentionAt(x - 1) && !mentionAt(x - 1)!.adj))
    );
  const isHypothetical = (p: number, lo: number, s: { t0: number; t1: number }): boolean => {
    const last = tokens[s.t1 - 1];
    if (last?.text === '?' || tokens[s.t1 - 2]?.text === '?') return true;
    // "Russia denied it had backed the rebels", "denied criticising him": denied, not stated; so
    // is what is hoped, expected or feared
    for (let k = p - 1; k >= lo && k >= p - 12; k--) {
      const t = tokens[k];
      if (t.text === ',' || t.lower === 'and' || t.lower === 'but' || t.text === ';') break;
      if (t.pos === 'VERB' && denialVerbs.has(t.lemma)) return true;
      // "Mr Blair hopes the unions will support the reforms" (not "hopes to block": an intent)
      if (t.pos === 'VERB' && wishVerbs.has(t.lemma) && tokens[k + 1]?.lower !== 'to') return true;
    }
    // (also when that verb introduces the reported clause the stance is in)
    const cs = contentStart[p] ?? -1;
    if (cs > 0 && cs <= p) {
      let r = cs - 1;
      if (tokens[r]?.lower === 'that') r--;
      const rv = tokens[r];
      if (rv?.pos === 'VERB' && (wishVerbs.has(rv.lemma) || denialVerbs.has(rv.lemma))) return true;
    }
    // (a claim covers its own clause only: not past "..., who accused")
    let clauseEdge = false;
    for (let k = p - 1; k >= lo && k >= p - 25; k--) {
      const low = tokens[k].lower;
      if (hypothetical.has(low)) return true;
      if (low === ',' || low === 'who' || low === 'which') clauseEdge = true;
      // "Russia is unlikely to back", "there is little chance they will"
      if (!clauseEdge && improbable.some((ws) => wordsAt(k, ws))) return true;
      // "once the government approves the deal"
      if (
        low === 'once' &&
        (tokens[k + 1]?.pos === 'DET' || tokens[k + 1]?.pos === 'PRON' || tokens[k + 1]?.pos === 'PROPN') &&
        !formerly(k, p)
      )
        return true;
      if (low === 'why' || low === 'how') return true;
      // an inverted condition: "Had England's kickers not been so bad, ...", "Were the Tories to win, ..."
      if (
        !clauseEdge &&
        /^(had|were|should)$/.test(low) &&
        (k === s.t0 || QUOTE.has(tokens[k - 1]?.text ?? '')) &&
        /^(DET|PROPN|PRON|NOUN)$/.test(tokens[k + 1]?.pos ?? '')
      )
        return true;
      // "rejected claims that Britain backed the war", "there is no suggestion he opposes it":
      // what a claim says is not stated as fact
      if (!clauseEdge && low === 'that' && claim(k - 1)) return true;
      if (
        !clauseEdge &&
        claim(k) &&
        k + 1 < p &&
        /^(PRON|PROPN|DET)$/.test(tokens[k + 1].pos) &&
        tokens[k - 1]?.lower === 'no'
      )
        return true;
      if (low === ';' || low === ':') break;
    }
    return false;
  };

  /**
   * Token spans of the sentence that are already the topic target of a stance against something. A
   * stance verb inside one ("criticised the decision to end the talks") is part of what that stance
   * is about, not a stance of the clause's subject: Russia does not oppose the talks. Under a stance
   * for something it is the subject's own ("defended plans to end the embargo": against the embargo).
   */
  const claimed: [number, number][] = [];
  stancesBySentence();

  /** The sentence-level stance loop. */
  function stancesBySentence(): void {
    for (const s of sentences) {
      if (s.t1 - s.t0 > 200) continue; // reported as a warning by extract()
      const prevTargets: Target[] = [];
      claimed.length = 0;
      for (let i = s.t0; i < s.t1; i++) {
        const t = tokens[i];
        // quick reject: only lexicon words and compounds can start a stance (the word itself is
        // looked up only when it is not its own lemma)
        if (!t.parts && !TRIGGERS.has(t.lemma) && (t.lower === t.lemma || !TRIGGERS.has(t.lower))) continue;
        const lo = contentStart[i] >= 0 && contentStart[i] >= s.t0 ? contentStart[i] : s.t0;
        const speaker = speakerAt[i];
        const baseConf = speaker ? 0.7 : 0.8;

        compoundStance(s, i, t);
        adjectivalStances(s, i, t, lo, speaker, baseConf);
        nominalStances(s, i, t, lo, speaker, baseConf, prevTargets);
        clausalStances(s, i, t, lo, speaker);
        verbStances(s, i, t, lo, speaker, baseConf, prevTargets);
        relationStances(s, i, t, lo, speaker, baseConf);
      }
    }
  }

  /** "Western-backed draft": a compound adjective names the holder. */
  function compoundStance(s: Sentence, i: number, t: Token): void {
    if (t.parts && t.parts.length >= 2) {
      const suf = compoundSuffix.get(t.parts[t.parts.length - 1].toLowerCase());
      if (suf) {
        const first = t.parts.slice(0, -1).join('-');
        const holder = compoundHolder(first);
        if (holder) {
          // the head noun phrase: the compound modifies the following words
          const tg = targetsAt(i + 1, s.t1, { topicOnly: true });
          const topic = tg[0] && 'topic' in tg[0] ? tg[0] : undefined;
          if (topic) emit(s.i, holder, undefined, topic, suf.kind, suf.polarity, false, 0.7);
        }
      }
    }
  }

  /** Whether tokens a..b name armed forces (cues.json armedWords): "came under fire" from them is literal. */
  function armed(a: number, b: number): boolean {
    for (let x = a; x < b; x++) if (armedWords.has(tokens[x].lower)) return true;
    return false;
  }

  /**
   * What receives the stance a noun at i names: the subject of "faced", "won", "drew", "came under"
   * before it ("Tony Blair faced criticism from", "the proposal won support from"), else undefined.
   */
  function receiverOf(i: number, lo: number): Target[] | undefined {
    let v = i - 1;
    for (let n = 0; n < 3 && v > lo && /^(DET|ADJ|PRON)$/.test(tokens[v].pos); n++) v--;
    const under = tokens[v]?.lower === 'under';
    if (under && /^(come|be)$/.test(tokens[v - 1]?.lemma ?? '')) v--;
    else if (under) return undefined;
    const verb = tokens[v];
    if (!verb || !(under || receiveVerbs.has(verb.lemma)) || isNegated(v, lo)) return undefined;
    const { holders } = holdersFor(v, lo);
    if (holders.length) return holders.map((a) => ({ actor: a }));
    // a topic subject: "The proposal won support from France"
    let k = v - 1;
    while (k >= lo && (tokens[k].pos === 'AUX' || tokens[k].pos === 'ADV')) k--;
    if (tokens[k]?.pos !== 'NOUN' || mentionAt(k)) return undefined;
    let b = k;
    while (b - 1 >= lo && /^(NOUN|PROPN|ADJ|DET)$/.test(tokens[b - 1].pos)) b--;
    if (b > lo && tokens[b - 1]?.text !== ',') return undefined;
    const topic = topicOf(b, k + 1);
    return topic ? [{ topic }] : undefined;
  }

  /**
   * Who made the document a participle after the noun at n describes: "the Tories tabled a motion
   * opposing the bill", "Britain circulated a draft resolution calling on Assad to step down"
   * (cues.json documentNouns, makerVerbs). Undefined when no maker verb governs the noun.
   */
  function documentMaker(n: number, lo: number): string[] | undefined {
    if (!documentNouns.has(tokens[n].lower)) return undefined;
    let v = n - 1;
    for (let c = 0; c < 5 && v > lo && /^(DET|ADJ|NOUN|NUM)$/.test(tokens[v].pos) && !mentionAt(v); c++) v--;
    const verb = tokens[v];
    if (!verb || verb.pos !== 'VERB' || !makerVerbs.has(verb.lemma) || isNegated(v, lo)) return undefined;
    const { holders } = holdersFor(v, lo);
    return holders.length ? holders : undefined;
  }

  /**
   * The object of a verb in an object relative clause: "the Iraq war, which the Liberal Democrats
   * opposed," (the verb at i has nothing after it but punctuation or a preposition).
   */
  function relativeObject(i: number, q: number, lo: number, pred: Predicate): Target[] {
    const next = tokens[q];
    if (next && !(next.pos === 'PUNCT' || next.pos === 'ADP')) return [];
    let k = i - 1;
    while (k >= lo && (tokens[k].pos === 'AUX' || tokens[k].pos === 'ADV' || modals.has(tokens[k].lower)))
      k--;
    const subj = mentionAt(k);
    if (!subj || subj.adj) return [];
    let r = subj.t0 - 1;
    if (tokens[r]?.lower === 'the') r--;
    if (!/^(which|that|whom)$/.test(tokens[r]?.lower ?? '')) return [];
    let e = r;
    if (tokens[e - 1]?.text === ',') e--;
    const om = mentionAt(e - 1);
    if (om && !om.adj && !om.pron && !pred.topicOnly) return [{ actor: om.actor }];
    if (pred.actorOnly) return [];
    let b = e;
    while (b - 1 >= 0 && /^(NOUN|PROPN|ADJ)$/.test(tokens[b - 1].pos)) b--;
    if (b === e || tokens[e - 1]?.pos !== 'NOUN') return [];
    // (not a noun inside a prepositional phrase: "the action taken at the weekend, which I support")
    let pb = b - 1;
    if (tokens[pb]?.pos === 'DET') pb--;
    if (tokens[pb]?.pos === 'ADP') return [];
    const topic = topicOf(b, e);
    return topic ? [{ topic }] : [];
  }

  /** "the most representative group opposed to Assad". */
  function adjectivalStances(
    s: Sentence,
    i: number,
    t: Token,
    lo: number,
    speaker: string | undefined,
    baseConf: number,
  ): void {
    const adjs = adjPredicates.get(t.lower);
    if (adjs) {
      for (const ap of adjs) {
        if (!wordsAt(i, ap.words)) continue;
        const q = i + ap.words.length;
        let holders: string[] = [];
        const prev = tokens[i - 1];
        const pm = mentionAt(i - 1);
        const pmPrev = pm
          ? tokens[pm.t0 - 1]?.pos === 'DET'
            ? tokens[pm.t0 - 2]
            : tokens[pm.t0 - 1]
          : undefined;
        if (pm && !pm.adj && pmPrev?.pos !== 'ADP')
          holders = [resolveHolder(pm, i - 1)].filter((x): x is string => !!x);
        else if (
          prev &&
          (prev.pos === 'AUX' || prev.lower === 'be' || prev.pos === 'ADV' || negation.has(prev.lower))
        ) {
          holders = holdersFor(i, lo).holders;
        } else if (prev && prev.pos === 'NOUN') {
          // appositive: walk back over the NP to a comma and the mention before it
          let k = i - 1;
          while (
            k > s.t0 &&
            (tokens[k].pos === 'NOUN' ||
              tokens[k].pos === 'ADJ' ||
              tokens[k].pos === 'ADV' ||
              tokens[k].pos === 'DET')
          )
            k--;
          if (tokens[k]?.text === ',') {
            const am = mentionAt(k - 1);
            if (am && !am.adj) holders = [resolveHolder(am, k - 1)].filter((x): x is string => !!x);
          }
        }
        // "If he was not so committed to Liverpool ...", "has not yet committed to the technology"
        if (isHypothetical(i, lo, s) || pending(i, lo)) continue;
        // "committed to ending the ban": the gerund's own stance says more (when it has one)
        const gerund = /ing$/.test(tokens[q]?.lower ?? '') ? lexVerb(tokens[q]) : undefined;
        if (
          ap.polarity > 0 &&
          gerund?.some((c) => c.frame === 'obj' && !c.actorOnly && wordsAt(q + 1, c.particles))
        )
          continue;
        const neg = isNegated(i, lo);
        for (const h of holders) {
          for (const tg of targetsAt(q, s.t1)) {
            const pol = (neg ? -ap.polarity : ap.polarity) as -1 | 0 | 1;
            emit(s.i, h, speaker, tg, neg ? (pol > 0 ? 'SUPPORT' : 'OPPOSE') : ap.kind, pol, neg, baseConf);
          }
        }
      }
    }
  }

  /** "opposition from the US and Japan", "ready to negotiate with Israel". */
  function nominalStances(
    s: Sentence,
    i: number,
    t: Token,
    lo: number,
    speaker: string | undefined,
    baseConf: number,
    prevTargets: Target[],
  ): void {
    // ---- nominal: "opposition from the US and Japan" ----
    // "Blair faced criticism from Labour MPs", "the plan won the backing of the unions", "came
    // under fire from the Tories": what receives the stance is the subject of the receiving verb
    const underFire = t.lower === 'fire' && tokens[i - 1]?.lower === 'under';
    const own = nounPredicates.get(t.lower);
    const np =
      (own?.after && !own.after.includes(tokens[i - 1]?.lower ?? '') ? undefined : own) ??
      (underFire ? UNDER_FIRE : undefined);
    const byOf = np && tokens[i + 1]?.lower === 'of' && tokens[i - 1]?.lower === 'the' && np.polarity > 0;
    // ("faced no opposition from Russia": none)
    if (np && (tokens[i + 1]?.lower === 'from' || byOf) && !negation.has(tokens[i - 1]?.lower ?? '')) {
      let j = i + 2;
      if (tokens[j]?.lower === 'the') j++;
      let hm = headMentionAt(j);
      // "from Labour MPs": the members, not the party that describes them
      if (hm?.adj && !hm.pron && mentionAt(hm.t1) && !mentionAt(hm.t1)!.adj) hm = mentionAt(hm.t1);
      // "from his own backbenchers": they are not he
      if (hm && POSSESSIVE.has(hm.pron ?? '')) hm = undefined;
      const receiver = receiverOf(i, lo);
      // "Israel's troops came under fire from militants": literal fire
      if (underFire && (armed(lo, i) || (hm && armed(hm.t0, hm.t1)))) return;
      if (hm && !hm.adj && (!byOf || receiver)) {
        const holders = coordinatedRight(hm, s.t1);
        const after = holders[holders.length - 1].t1;
        let tgs: Target[] = [];
        if (tokens[after]?.lower === 'to' || tokens[after]?.lower === 'for') tgs = targetsAt(after + 1, s.t1);
        if (!tgs.length && receiver) tgs = receiver;
        if (!tgs.length) tgs = prevTargets.slice(0, 1);
        for (const hmm of holders) {
          const h = resolveHolder(hmm, hmm.t0);
          if (!h) continue;
          for (const tg of tgs) emit(s.i, h, speaker, tg, np.kind, np.polarity, false, 0.7);
        }
      }
    }

    // ---- light verb + stance noun: "China expressed support for the plan", "voiced opposition to" ----
    if (np && /^(for|to|of|with|on|against|over|behind)$/.test(tokens[i + 1]?.lower ?? '')) {
      let v = i - 1;
      // (past "a formal", "air", "out", "up": "lodged a formal protest", "carried out air strikes",
      // "stepped up pressure")
      for (
        let n = 0;
        n < 4 &&
        v > lo &&
        (/^(DET|ADJ|PRON|ADV|NOUN)$/.test(tokens[v].pos) || /^(out|up)$/.test(tokens[v].lower));
        n++
      )
        v--;
      const lv = tokens[v];
      if (
        lv &&
        lv.pos === 'VERB' &&
        lightVerbs.has(lv.lemma) &&
        !isNegated(v, lo) &&
        !isHypothetical(v, lo, s)
      ) {
        // (a light verb that also reports, "repeated calls for", heads the clause: its speaker holds)
        const { holders } = v < lo ? { holders: speaker ? [speaker] : [] } : holdersFor(v, lo);
        const tgs = targetsAt(i + 2, s.t1);
        for (const h of holders)
          for (const tg of tgs)
            emit(s.i, h, speaker, tg, nounKind(np, h), np.polarity, false, baseConf - 0.05);
      }
    }

    // ---- holder named by a possessive or a modifier: "Russia's opposition to the resolution",
    // "an EU demand for Turkey to recognise Cyprus", "US pressure on Iran", "its support for" ----
    if (
      np?.holderPreps?.includes(tokens[i + 1]?.lower ?? '') &&
      !isNegated(i, lo) &&
      !isHypothetical(i, lo, s)
    ) {
      let h = i - 1;
      while (h > lo && (tokens[h].pos === 'ADJ' || tokens[h].pos === 'ADV') && !mentionAt(h)) h--;
      let hm: Mention | undefined;
      if (tokens[h]?.lower === "'s" || possessiveMark(h)) {
        const pm = mentionAt(h - 1);
        if (pm && !pm.adj) hm = pm;
      } else {
        const pm = mentionAt(h);
        // a modifier ("EU demand"), or a possessive pronoun ("its support"); not "the EU" + noun
        if (pm && pm.t1 === h + 1 && ((pm.adj && !pm.pron) || POSSESSIVE.has(pm.pron ?? ''))) hm = pm;
      }
      // "Russia abandoned its support for", "backed away from its opposition to": no longer held
      const gov = hm ? tokens[hm.t0 - 1] : undefined;
      const dropped =
        !!gov &&
        (abandonVerbs.has(gov.lemma) || (gov.lower === 'from' && tokens[hm!.t0 - 2]?.lower === 'away'));
      const holder = hm && !dropped ? resolveHolder(hm, hm.t0) : undefined;
      if (holder) {
        const q = i + 2;
        let tgs: Target[];
        if (np.kind === 'DEMAND' || np.kind === 'URGE') {
          // "a demand for Turkey to recognise Cyprus": the actor asked; else what is asked for
          const om = headMentionAt(q) ?? (tokens[q]?.lower === 'the' ? headMentionAt(q + 1) : undefined);
          const after = om && !om.adj ? coordinatedRight(om, s.t1).at(-1)!.t1 : -1;
          if (om && !om.adj && (tokens[after]?.lower === 'to' || np.word === 'pressure'))
            tgs = actorsOf(coordinatedRight(om, s.t1)).map((a) => ({ actor: a }));
          // (not "US demand for heating oil": demand for a thing is the market's)
          else
            tgs =
              np.word === 'pressure' || np.kind === 'DEMAND' ? [] : targetsAt(q, s.t1, { topicOnly: true });
        } else tgs = targetsAt(q, s.t1);
        for (const tg of tgs)
          if (!('actor' in tg) || tg.actor !== holder)
            emit(s.i, holder, speaker, tg, nounKind(np, holder), np.polarity, false, baseConf - 0.1);
      }
    }

    // ---- readiness: "we are ready to negotiate with Israel" ----
    // (not to know, hear or listen: "keen to know if inmates would smoke" takes no side)
    if (
      readiness.has(t.lower) &&
      tokens[i + 1]?.lower === 'to' &&
      tokens[i + 2]?.pos === 'VERB' &&
      !readinessNeutral.has(tokens[i + 2].lemma)
    ) {
      const { holders } = holdersFor(i, lo);
      const neg = isNegated(i, lo) || neitherNor(i, lo);
      if (!isHypothetical(i, lo, s)) {
        let e = i + 3;
        e = npEnd(e, s.t1, 8);
        const topic = topicOf(i + 2, Math.max(e, i + 3));
        if (topic)
          for (const h of holders)
            emit(s.i, h, speaker, { topic }, neg ? 'OPPOSE' : 'SUPPORT', neg ? -1 : 1, neg, baseConf - 0.1);
      }
    }
  }

  /** Evaluations, modals and other clause patterns, mostly inside reported speech. */
  function clausalStances(s: Sentence, i: number, t: Token, lo: number, speaker: string | undefined): void {
    // ---- evaluative predication inside reported speech: "lifting the embargo would be irresponsible" ----
    if (speaker && (t.lemma === 'be' || t.lower === "'s") && (t.pos === 'AUX' || t.pos === 'VERB')) {
      evalPredication(s, i, lo, speaker);
    }
    if (speaker && tokens[i].pos === 'VERB') harmPredication(s, i, lo, speaker);
    // "called the change pragmatic", "sees the weapons ban as politically driven"
    if (
      (judgingVerbs.has(t.lemma) || judgingVerbs.has(t.lower.replace(/s$/, ''))) &&
      (t.pos === 'VERB' ||
        // "Mr Smith regards the plan as unworkable": a present form read as a noun after its subject
        (t.pos === 'NOUN' &&
          /s$/.test(t.lower) &&
          tokens[i + 1]?.pos === 'DET' &&
          !!mentionAt(i - 1) &&
          !mentionAt(i - 1)!.adj) ||
        // "Gordon Brown branded the plans irresponsible": a past form read as an adjective after its subject
        (t.pos === 'ADJ' && /ed$/.test(t.lower) && !!mentionAt(i - 1) && !mentionAt(i - 1)!.adj))
    ) {
      callEval(s, i, lo, speaker);
    }
    if (speaker && (t.lower === 'must' || t.lower === 'should') && !isHypothetical(i, lo, s))
      normativeModal(s, i, lo, speaker);
    // "explaining Syria's alleged involvement": the holder of the clause accuses the actor
    if ((t.lower === 'alleged' || t.lower === 'suspected') && tokens[i - 1]?.lower === "'s") {
      const am = mentionAt(i - 2);
      if (am && !am.adj && am.actor && !isHypothetical(i, lo, s)) {
        const holders = clauseSubject(s.t0, i);
        for (const h of holders)
          if (h !== am.actor) emit(s.i, h, speaker, { actor: am.actor }, 'ACCUSE', -1, false, 0.5);
      }
    }
    // "it was not up to other nations to interfere": the speaker opposes the action
    if (
      speaker &&
      t.lower === 'up' &&
      tokens[i + 1]?.lower === 'to' &&
      negation.has(tokens[i - 1]?.lower ?? '') &&
      !isHypothetical(i, lo, s)
    ) {
      for (let x = i + 2; x < Math.min(s.t1 - 1, i + 8); x++) {
        if (tokens[x].lower === 'to' && tokens[x + 1].pos === 'VERB') {
          const e = npEnd(x + 1, s.t1, 8);
          const topic = topicOf(x + 1, Math.max(e, x + 2));
          if (topic) emit(s.i, speaker, speaker, { topic }, 'OPPOSE', -1, true, 0.55);
          break;
        }
      }
    }
    // "the aggressive American and Western statements": the speaker criticises the actors named
    if (speaker && t.pos === 'ADJ' && negativeEval.has(t.lower)) {
      const pol = -1;
      const named: string[] = [];
      let x = i + 1;
      for (let guard = 0; guard < 6 && x < s.t1; guard++) {
        const m = mentionAt(x);
        if (m?.adj && m.actor) {
          named.push(m.actor);
          x = m.t1;
          continue;
        }
        if (tokens[x].lower === 'and' || tokens[x].text === ',') {
          x++;
          continue;
        }
        break;
      }
      if (named.length && tokens[x]?.pos === 'NOUN')
        for (const a of named)
          if (a !== speaker)
            emit(s.i, speaker, speaker, { actor: a }, pol < 0 ? 'CRITICIZE' : 'PRAISE', pol, false, 0.55);
    }
    // "There is no question of Britain giving up our veto"
    if (t.lower === 'no' && tokens[i + 1]?.lower === 'question' && tokens[i + 2]?.lower === 'of') {
      const h = speaker ?? holdersFor(i, lo).holders[0];
      if (h) {
        let k = i + 3;
        const sm = mentionAt(k);
        if (sm) k = sm.t1;
        const e = npEnd(k, s.t1, 8);
        const topic = topicOf(k, e);
        if (topic) emit(s.i, h, speaker, { topic }, 'REJECT', -1, true, 0.6);
      }
    }
    // "X needs Y" in reported speech: the speaker supports Y
    if (
      speaker &&
      t.lemma === 'need' &&
      t.pos === 'VERB' &&
      tokens[i + 1]?.lower !== 'to' &&
      tokens[i - 1]?.lemma !== 'be' &&
      tokens[i - 1]?.pos !== 'NOUN' &&
      tokens[i - 1]?.pos !== 'ADJ' &&
      tokens[i + 1]?.pos !== 'ADP' &&
      !/ed$/.test(t.lower) &&
      !isNegated(i, lo)
    ) {
      const tg = targetsAt(i + 1, s.t1, { topicOnly: true });
      for (const x of tg) emit(s.i, speaker, speaker, x, 'SUPPORT', 1, false, 0.55);
    }
    // "X had a terrible rights record": the speaker criticises X
    if (
      speaker &&
      t.lemma === 'have' &&
      (t.pos === 'VERB' || t.pos === 'AUX') &&
      tokens[i + 1] &&
      /^(a|an)$/.test(tokens[i + 1].lower)
    ) {
      const ev = negativeEval.has(tokens[i + 2]?.lower ?? '');
      if (ev) {
        const { holders } = holdersFor(i, lo);
        for (const h of holders)
          if (h !== speaker) emit(s.i, speaker, speaker, { actor: h }, 'CRITICIZE', -1, false, 0.6);
      }
    }
  }

  /**
   * A noun of relation (predicates.json relationNouns) said of an actor, with whom it relates:
   * "Russia, Syria's main ally, ...", "Iran and Russia are Assad's allies", "Mr Smith, a fierce critic
   * of the war, ...", "X is not an ally of Y" (negated: against).
   */
  function relationStances(
    s: Sentence,
    i: number,
    t: Token,
    lo: number,
    speaker: string | undefined,
    baseConf: number,
  ): void {
    const rel = relationNouns.get(t.lower);
    if (!rel || t.pos !== 'NOUN') return;
    // the words before the noun: adjectives ("main", "long-time"), a possessor or an article
    let b = i - 1;
    while (b >= lo && (tokens[b].pos === 'ADJ' || tokens[b].pos === 'ADV')) b--;
    const targets: Target[] = [];
    let start: number;
    const pm = mentionAt(b);
    if (tokens[b]?.lower === "'s" || possessiveMark(b)) {
      const owner = mentionAt(b - 1);
      if (!owner?.actor) return;
      targets.push({ actor: owner.actor });
      start = mentionStart(owner);
      if (tokens[start - 1]?.lower === 'the') start--;
    } else if (pm?.pron && POSSESSIVE.has(pm.pron)) {
      if (!pm.actor) return;
      targets.push({ actor: pm.actor });
      start = b;
    } else if (/^(a|an|the)$/.test(tokens[b]?.lower ?? '')) start = b;
    else return;
    // "... of Y"
    if (!targets.length) {
      if (tokens[i + 1]?.lower !== 'of') return;
      targets.push(...targetsAt(i + 2, s.t1));
    }
    if (!targets.length) return;
    // "one of Assad's closest allies"
    if (tokens[start - 1]?.lower === 'of' && tokens[start - 2]?.lower === 'one') start -= 2;
    // the holder: an appositive ("Russia, Syria's main ally,") or a copula's subject ("Russia is ...")
    let holders: Mention[] = [];
    let neg = false;
    const before = tokens[start - 1];
    if (before?.text === ',') {
      const m = mentionAt(start - 2);
      if (m && !m.adj && !m.pron) holders = [m];
    } else {
      let c = start - 1;
      while (c > lo && (tokens[c].pos === 'ADV' || negation.has(tokens[c].lower))) {
        if (negation.has(tokens[c].lower)) neg = true;
        c--;
      }
      if (tokens[c]?.lemma !== 'be' || isHypothetical(c, lo, s)) return;
      let v = c;
      while (v > lo && (tokens[v - 1].pos === 'AUX' || modals.has(tokens[v - 1].lower))) {
        // "would be an ally", "could become": not what it is
        if (/^(would|could|might|may|'d)$/.test(tokens[v - 1].lower)) return;
        v--;
      }
      const m = mentionAt(v - 1);
      if (m && !m.adj) holders = coordinatedLeft(m);
    }
    const pol = (neg ? -rel.polarity : rel.polarity) as -1 | 1;
    const kind: StanceKind = neg ? (pol > 0 ? 'SUPPORT' : 'OPPOSE') : rel.kind;
    for (const h of actorsOf(holders))
      for (const tg of targets) emit(s.i, h, speaker, tg, kind, pol, neg, baseConf - 0.1);
  }

  /** A stance verb from the lexicon with its holders, targets, negation and voice. */
  function verbStances(
    s: Sentence,
    i: number,
    t: Token,
    lo: number,
    speaker: string | undefined,
    baseConf: number,
    prevTargets: Target[],
  ): void {
    const cands = t.parts ? undefined : lexVerb(t);
    if (!cands) return;
    // "Gordon Brown rounded on the Tories": a past form the tagger read as an adjective, after
    // its subject and before its particles
    const prevSubject = mentionAt(i - 1);
    const taggedPast =
      t.pos === 'ADJ' &&
      /ed$/.test(t.lower) &&
      !!prevSubject &&
      !prevSubject.adj &&
      cands.some((c) => c.particles.length > 0 && wordsAt(i + 1, c.particles));
    // "The Law Society cast doubt on the plan": a verb tagged as a noun after its subject (which
    // then looked like a modifier, "Law Society cast"), with two or more of its particles after it
    const taggedNoun =
      t.pos === 'NOUN' &&
      !!prevSubject &&
      cands.some((c) => c.particles.length > 1 && wordsAt(i + 1, c.particles));
    if ((t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN') && !taggedPast && !taggedNoun) {
      const prev = tokens[i - 1];
      // "Tories attack EU asylum moves" (headline) vs "the attack"
      const prevM = mentionAt(i - 1);
      if (
        !(
          prev &&
          (modals.has(prev.lower) ||
            negation.has(prev.lower) ||
            prev.lower === 'to' ||
            prev.pos === 'AUX' ||
            // "Diane Abbott, who backs the proposal": a finite form after a relative pronoun
            ((prev.lower === 'who' || prev.lower === 'which') && /(s|ed)$/.test(t.lower)))
        ) &&
        !(
          (s.i === 0 || /^(DET|PRON)$/.test(tokens[i + 1]?.pos ?? '')) &&
          prevM &&
          !prevM.adj &&
          !DETS.has(prev?.lower ?? '')
        )
      )
        return;
      if (t.pos === 'ADJ' && /ed$/.test(t.lower) && prev?.pos !== 'AUX') return;
    }
    if (t.pos === 'ADP' || t.pos === 'DET' || t.pos === 'PRON') return;
    // a capitalised word inside a sentence is part of a name ("Grand Slam"), not a verb
    if (t.cap && i > s.t0 && !QUOTE.has(tokens[i - 1].text) && s.i > 0) return;
    if (t.pos === 'ADV') {
      // "won't back" (mis-tagged adverb) vs "be back in"
      const prev = tokens[i - 1];
      if (!(prev && (modals.has(prev.lower) || negation.has(prev.lower) || prev.lower === 'to'))) return;
    }
    let pred: Predicate | undefined;
    let q = i + 1;
    for (const c of cands) {
      if (wordsAt(i + 1, c.particles)) {
        pred = c;
        q = i + 1 + c.particles.length;
        break;
      }
    }
    if (!pred) return;
    if (pred.notInSport && aboutSport()) return;
    if (claimed.some(([a, b]) => i >= a && i < b)) return;
    // "back to back", "face to face": an idiom, no stance
    if (
      (tokens[i + 1]?.lower === 'to' && tokens[i + 2]?.lower === t.lower) ||
      (tokens[i - 1]?.lower === 'to' && tokens[i - 2]?.lower === t.lower)
    )
      return;
    // participle modifying a noun ("a resolution calling on Assad", "a resolution introduced by"):
    // no stance, unless whoever made the document holds it ("tabled a motion opposing the bill")
    const prevTok = tokens[i - 1];
    let madeBy: string[] | undefined;
    if (
      /ing$/.test(t.lower) &&
      prevTok &&
      (prevTok.pos === 'NOUN' || (prevTok.pos === 'PROPN' && !mentionAt(i - 1))) &&
      !days.has(prevTok.text)
    ) {
      madeBy = documentMaker(i - 1, lo);
      if (!madeBy) return;
    }
    // A gerund another stance word governs is that stance's target, not a stance of its own: in
    // "opposed to ending the ban" or "backed lifting the embargo" the subject does not end or lift.
    if (/ing$/.test(t.lower) && prevTok) {
      const gov = prevTok.lower === 'to' ? tokens[i - 2] : prevTok;
      // ("committed to ending the ban": a word for it leaves the gerund its own stance)
      if (gov && (verbPredicates.has(gov.lemma) || adjPredicates.get(gov.lower)?.some((a) => a.polarity < 0)))
        return;
    }
    // passive: "X was rejected by Y", "has been accused of"
    // "was rejected by", and headline passives without the auxiliary: "Blair and Brown criticised by MPs"
    const passive = /ed$|en$/.test(t.lower) && (isPassive(i, lo) || tokens[q]?.lower === 'by');
    if (pred.needsInf && prevTok?.lower !== 'to') return;
    if (isHypothetical(i, lo, s) || pending(i, lo)) return;
    // "it was wrong to back the war": an adjective against the act turns it, as a negation does
    const impPol = passive ? 0 : impersonal(i, lo);
    const imp = impPol !== 0;
    const negatedInText = isNegated(i, lo) || neitherNor(i, lo);
    const neg = negatedInText !== impPol < 0;
    let holders: string[];
    let targets: Target[] = [];
    // "was warned by the LTA for a lack of drive": a passive warning is a reprimand as often as an urging
    if (passive && pred.objThen) return;
    // "Collins was suspended by": the subject has none of the words the object must have
    if (passive && pred.objHeads && !tokens.slice(lo, i).some((x) => pred.objHeads!.includes(x.lower)))
      return;
    if (passive) {
      // "is strongly opposed to any takeover by Mr Glazer": an adjective with its object, no passive
      if (tokens[q]?.lower === 'to') return;
      // "must be ratified by", "will be backed by": not done yet
      for (let k = i - 1; k >= lo && k > i - 5; k--)
        if (/^(must|should|will|would|shall|may|might|could|can|'ll)$/.test(tokens[k].lower)) return;
      // agent after "by"; the grammatical subject is the target
      let j = q;
      if (tokens[j]?.lower === 'by') j++;
      else {
        let k = q;
        while (k < s.t1 && k < q + 8 && tokens[k].lower !== 'by') k++;
        j = tokens[k]?.lower === 'by' ? k + 1 : -1;
      }
      if (j < 0) return;
      if (tokens[j]?.lower === 'the') j++;
      // "by the parliamentary Joint Committee on Human Rights"
      if (tokens[j]?.pos === 'ADJ' && !mentionAt(j) && mentionAt(j + 1) && tokens[j - 1]?.lower === 'the')
        j++;
      // "backed by former Metropolitan Police Commissioner Sir John Stevens": the person after the titles
      const am = headMentionAt(j);
      if (!am || am.adj) return;
      // "backed by his predecessor", "by Yapp's coach": the agent is the one the possessive names
      // (not "the Music Managers' Forum": a capitalised word after the apostrophe goes on with the name)
      if (
        POSSESSIVE.has(am.pron ?? '') ||
        tokens[am.t1]?.lower === "'s" ||
        (possessiveMark(am.t1) && !tokens[am.t1 + 1]?.cap)
      )
        return;
      holders = actorsOf(coordinatedRight(am, s.t1));
      // "plans, backed by the UK, to lift the embargo", "The resolution, drafted by Morocco and
      // backed by Western powers,": the participle modifies the noun before the comma; when that
      // noun is no actor, it is what the agent backs (when it opens its clause), not the clause's subject
      const comma = reducedRelativeComma(i, lo);
      if (comma >= 0 && tokens[comma - 1]?.pos === 'NOUN' && !mentionAt(comma - 1)) {
        const topic = pred.frame === 'obj' && !pred.actorOnly ? topicEndingAt(comma, lo) : undefined;
        if (!topic) return;
        targets = [{ topic }];
      }
      if (!targets.length) targets = holdersFor(i, lo).holders.map((a) => ({ actor: a }));
      if (!targets.length) {
        // a topic subject: "The draft resolution was vetoed by Russia and China"
        const topic = pred.frame === 'obj' && !pred.actorOnly ? passiveTopicSubject(i, lo) : undefined;
        if (!topic) return;
        targets = [{ topic }];
      }
    } else if (imp) {
      // "it is essential that Britain keeps the rebate", "it was crucial to tackle ...": the one who
      // says so wants it; with nobody saying so, nobody is known to hold it
      holders = speaker ? [speaker] : [];
      if (!holders.length) return;
    } else {
      const hr = madeBy
        ? { holders: madeBy, controlled: false }
        : taggedNoun && prevSubject?.adj && prevSubject.actor
          ? { holders: [prevSubject.actor], controlled: false }
          : holdersFor(i, lo);
      holders = hr.holders;
      if (!holders.length) return;
      // the embedded verb of an urge ("press Russia to back"): not a stance of the holder
      if (hr.controlled && prevTok?.lower === 'to') {
        const gov = urgeGovernor(i - 1, lo);
        if (gov) return;
      }
    }
    if (!holders.length) return;
    let kind = pred.kind;
    let polarity = pred.polarity;
    let conf = (pred.confidence ?? baseConf) - (holders.length > 1 ? 0.05 : 0);
    if (!passive) {
      switch (pred.frame) {
        case 'obj': {
          let end = s.t1;
          if (pred.objStop)
            for (let x = q + 1; x < end; x++)
              if (pred.objStop.includes(tokens[x].lower)) {
                end = x;
                break;
              }
          targets = targetsAt(q, end, pred);
          // "had signed up to play Jack": an infinitive after "up to" is no object (after "agreed to"
          // it is what is agreed)
          if (
            pred.particles.length > 1 &&
            pred.particles.at(-1) === 'to' &&
            tokens[q]?.pos === 'VERB' &&
            tokens[q].lower === tokens[q].lemma
          )
            targets = [];
          if (!targets.length && !pred.particles.length) targets = relativeObject(i, q, lo, pred);
          if (pred.ownAction) targets = ownActionTargets(q, s.t1, targets);
          if (pred.objHeads) {
            // "summoned the Japanese ambassador": only with one of these in the object
            const heads = new Set(pred.objHeads);
            let has = false;
            for (let x = q, e = npEnd(q, s.t1, 8); x < e; x++) if (heads.has(tokens[x].lower)) has = true;
            // "the African Union suspended Mali": or an actor of one of objKinds, the whole object
            const kinds = pred.objKinds;
            if (
              !has &&
              !(
                kinds &&
                targets.length &&
                targets.every((x) => 'actor' in x && kinds.includes(kindOf(x.actor) ?? ''))
              )
            )
              targets = [];
            // "suspended Syria's membership": the owner is the one it is against
            const owner = mentionAt(tokens[q]?.lower === 'the' ? q + 1 : q);
            if (has && owner?.actor && !owner.pron && tokens[owner.t1]?.lower === "'s")
              targets = [{ actor: owner.actor }];
          }
          if (pred.notWith) {
            // "kept pace with", "keep the dollar low", "retains his place": idioms, no stance
            const idiom = new Set(pred.notWith);
            // "keeping local taxes down": the word after the object too
            if (idiom.has(tokens[npEnd(q, s.t1)]?.lower ?? '')) targets = [];
            targets = targets.filter((x) => {
              if (!('topic' in x)) return true;
              const words = x.topic.name.toLowerCase().split(/[\s-]+/);
              // "keeps boosting its turnover": a continuing action, not an object
              return !/ing$/.test(words[0]) && !words.some((w) => idiom.has(w));
            });
          }
          break;
        }
        case 'objInf': {
          let j = q;
          while (j < s.t1 && tokens[j].pos === 'ADV') j++;
          // "demanded that Syria withdraw", "insisted that Iran halt": the subject of a mandative clause
          const mandative =
            tokens[j]?.lower === 'that' || pred.particles[pred.particles.length - 1] === 'that';
          // "warned that Syria faced civil war": a warning that is a report, not a demand
          if (mandative && pred.objThen) break;
          if (tokens[j]?.lower === 'that') j++;
          if (j >= s.t1 - 1) break;
          let om = headMentionAt(j) ?? (tokens[j]?.lower === 'the' ? headMentionAt(j + 1) : undefined);
          // "called for Ms Hutt's removal": the removal is called for, not Ms Hutt
          const topical = pred.particles[pred.particles.length - 1] === 'for' || pred.lemma === 'demand';
          if (topical && om && !om.adj && (tokens[om.t1]?.lower === "'s" || possessiveMark(om.t1)))
            om = undefined;
          let infAt = -1;
          if (mandative) {
            // (a country before a base form the tagger read as a noun is marked as a modifier)
            if (!om || (om.adj && tokens[om.t1]?.pos !== 'NOUN')) break;
            const coords = coordinatedRight(om, s.t1);
            const v = tokens[coords[coords.length - 1].t1];
            const subjunctive =
              !!v &&
              (/^(should|must)$/.test(v.lower) ||
                // a base form, which the tagger may read as a noun ("that Iran halt enrichment")
                ((v.pos === 'VERB' || v.pos === 'NOUN') && v.lower === v.lemma && !/(s|ed)$/.test(v.lower)));
            if (!subjunctive || neg) break;
            targets = actorsOf(coords).map((a) => ({ actor: a }));
            break;
          }
          if (om && !om.adj) {
            const coords = coordinatedRight(om, s.t1);
            const after = coords[coords.length - 1].t1;
            // "push it to the limit": "to" before a noun phrase is no infinitive
            if (tokens[after]?.lower === 'to' && !DETS.has(tokens[after + 1]?.lower ?? '')) infAt = after + 1;
            if (pred.needsInfAfter && infAt < 0) break;
            // "warned the US against any attack", "warned Iran not to": only with these after the object
            if (pred.objThen && infAt < 0 && !pred.objThen.includes(tokens[after]?.lower ?? '')) break;
            if (neg && infAt >= 0) {
              const e = npEnd(infAt, s.t1, 8);
              const topic = topicOf(infAt, Math.max(e, infAt + 1));
              if (topic) targets = [{ topic }];
              kind = 'OPPOSE';
              polarity = -1;
            } else {
              targets = actorsOf(coords).map((a) => ({ actor: a }));
              // "called for Mr Blunkett to be sacked": against the one named
              const fate = infAt >= 0 ? passiveFate(infAt) : undefined;
              if (fate) {
                kind = fate > 0 ? 'SUPPORT' : 'OPPOSE';
                polarity = fate;
              }
            }
          } else {
            // object not a known actor ("tell Assad to stand down" with Assad unnamed before)
            let inf = -1;
            for (let x = j; x < Math.min(s.t1 - 1, j + 5); x++) {
              if (tokens[x].lower === 'to' && tokens[x + 1].pos === 'VERB') {
                inf = x + 1;
                break;
              }
              if (tokens[x].pos === 'VERB' || tokens[x].pos === 'PUNCT') break;
            }
            if (neg && inf >= 0) {
              const e = npEnd(inf, s.t1, 8);
              const topic = topicOf(inf, Math.max(e, inf + 1));
              if (topic) targets = [{ topic }];
              kind = 'OPPOSE';
              polarity = -1;
              break;
            }
            // "called for urgent action to fight poverty": a common noun phrase before the
            // infinitive is what is called for (not "called for the Smiths to leave")
            const plainNP = () => {
              for (let x = j; x < inf - 1; x++)
                if (tokens[x].pos === 'PROPN' || /^[A-Z]/.test(tokens[x].text) || mentionAt(x)) return false;
              return inf - 2 >= j && !peopleNouns.has(tokens[inf - 2].lower);
            };
            if (pred.needsInfAfter || (inf >= 0 && !(topical && plainNP()))) break;
            // a topic is urged only with "call for", "appeal for" ("appeal to the voters in ..." needs an actor)
            if (!topical) break;
            targets = targetsAt(q, s.t1, { topicOnly: true });
            // "called for 24-hour drinking to be shelved": against (or for) what is named
            const fate = passiveFate(npEnd(j, s.t1) + 1);
            if (fate) {
              kind = fate > 0 ? 'SUPPORT' : 'OPPOSE';
              polarity = fate;
            }
          }
          break;
        }
        case 'accuse': {
          const tg = targetsAt(q, s.t1);
          targets = tg.filter((x) => 'actor' in x);
          if (!targets.length && tg.length) {
            // "accused of" with the accused as subject handled by passive
            targets = [];
          }
          break;
        }
        case 'blame': {
          const tg = targetsAt(q, s.t1);
          // "blame X for Y" -> X; "blame Y on X" -> X
          let k = q;
          while (k < s.t1 && k < q + 12 && tokens[k].lower !== 'on' && tokens[k].text !== ',') k++;
          if (tokens[k]?.lower === 'on') {
            const on = targetsAt(k + 1, s.t1);
            targets = on.length ? on : tg;
          } else targets = tg.filter((x) => 'actor' in x);
          break;
        }
        case 'onObj': {
          let k = q;
          while (k < s.t1 && k < q + 10 && tokens[k].lower !== 'on' && tokens[k].pos !== 'VERB') k++;
          if (tokens[k]?.lower === 'on') targets = targetsAt(k + 1, s.t1, { actorOnly: true });
          break;
        }
        case 'with': {
          let k = q;
          while (k < s.t1 && k < q + 10 && tokens[k].lower !== 'with' && tokens[k].pos !== 'VERB') k++;
          if (tokens[k]?.lower === 'with') targets = targetsAt(k + 1, s.t1, { actorOnly: true });
          break;
        }
        case 'want': {
          // "want to V" is an intention, not a stance (a stance verb V is matched on its own)
          if (tokens[q]?.lower !== 'to') {
            const e = npEnd(q, s.t1, 8);
            const nx = tokens[e];
            if (nx && nx.pos === 'VERB' && /ed$/.test(nx.lower)) {
              const topic = topicOf(q, e + 1);
              if (topic) targets = [{ topic }];
            } else targets = targetsAt(q, s.t1, { topicOnly: true });
          }
          break;
        }
        case 'concern': {
          let k = q;
          if (/^(that|about|over|at|for)$/.test(tokens[k]?.lower ?? '')) k++;
          const tg = targetsAt(k, s.t1, { topicOnly: true });
          targets = tg;
          break;
        }
        case 'self': {
          // "X is taking advantage of ...": in reported speech the speaker accuses X
          if (speaker)
            for (const h of holders)
              if (h !== speaker) emit(s.i, speaker, speaker, { actor: h }, 'ACCUSE', -1, false, 0.6);
          return;
        }
      }
    }
    if (!targets.length) return;
    // "would not invade Iraq", "refused to fight an Israeli": no attack is no support either
    if (neg && (pred.kind === 'ATTACK' || pred.kind === 'THREATEN')) return;
    if (neg && pred.polarity !== 0) {
      polarity = -pred.polarity as -1 | 1;
      kind =
        polarity < 0 ? (pred.kind === 'SUPPORT' || pred.kind === 'PRAISE' ? 'OPPOSE' : pred.kind) : 'SUPPORT';
      conf -= 0.05;
    } else if (neg && pred.polarity === 0 && kind !== 'OPPOSE') {
      return;
    }
    if (pred.kind === 'ATTACK' && pred.lemma === 'attack') kind = 'CRITICIZE';
    // (a person saying a state should keep something is no person keeping their place)
    if (pred.notPersons && !imp) holders = holders.filter((h) => kindOf(h) !== 'PERSON');
    // "threatened to invade Iraq", "vowed to bomb Iran": an announced attack is a threat;
    // "threatened to veto the resolution": an announced veto is opposition
    const promise = !neg ? threatGovernor(i, lo) : undefined;
    if (promise && pred.kind === 'ATTACK') kind = 'THREATEN';
    // "threatens to attack South Korea": one country attacking another is no criticism
    else if (
      promise === 'threaten' &&
      pred.lemma === 'attack' &&
      targets.every((x) => 'actor' in x && kindOf(x.actor) === 'COUNTRY') &&
      holders.every((h) => kindOf(h) === 'COUNTRY')
    )
      kind = 'THREATEN';
    else if (promise === 'threaten' && kind === 'VETO') kind = 'OPPOSE';
    for (const h of holders) {
      for (const tg of targets) {
        // "threatened to cut ties with Israel", "to impose sanctions on Iran": a threat to an actor
        const k =
          promise === 'threaten' && polarity < 0 && kind === 'OPPOSE' && pred.kind !== 'VETO' && 'actor' in tg
            ? 'THREATEN'
            : kind;
        emit(s.i, h, speaker && speaker !== h ? speaker : undefined, tg, k, polarity, negatedInText, conf);
        if (prevTargets.length < 3) prevTargets.push(tg);
      }
      // attacks and accusatory acts reported by someone else: the speaker accuses the doer
      if ((pred.kind === 'ATTACK' || pred.accuses) && speaker && speaker !== h && !neg) {
        emit(s.i, speaker, speaker, { actor: h }, 'ACCUSE', -1, false, 0.6);
      }
    }
  }

  /** Predicates for a token: its lemma, else simple inflection stripping (lemmatiser slips: "waged" -> "wag"). */
  function lexVerb(t: Token): Predicate[] | undefined {
    const w = t.lower;
    return verbPredicates.get(t.lemma) ?? verbPredicates.get(w);
  }

  function compoundHolder(first: string): string | undefined {
    const w = westAdjective.get(first.toLowerCase());
    if (w) return ensureKnown(w);
    // a country name, demonym or organisation written before "-backed"
    for (const m of mentions) {
      if (!m.actor || m.pron) continue;
      const a = actors.get(m.actor);
      if (a && [...a.aliases].some((x) => x.toLowerCase() === first.toLowerCase())) return a.id;
    }
    for (const [id, name] of countryName)
      if (name.toLowerCase() === first.toLowerCase()) return ensureKnown(id);
    return undefined;
  }
  function ensureKnown(id: string): string | undefined {
    if (actors.has(id)) return id;
    const k = known.get(id);
    if (!k) return undefined;
    const a = newActor(id, k.name, k.kind);
    a.aliases.add(k.name);
    actors.set(id, a);
    return id;
  }

  /** "must"/"should" at i in what the speaker says (not hypothetical). */
  function normativeModal(s: Sentence, i: number, lo: number, speaker: string): void {
    // "the plan should be scrapped", "Mr Blunkett must go", "the ban should stay": the speaker is
    // against (or for) the subject
    const fate = normativeFate(i);
    // normative modal: "The Security Council must act" (not a forecast: "Ireland should be
    // favourites", "he should be fit")
    const forecast = tokens[i + 1]?.lower === 'be' && forecastWords.has(tokens[i + 2]?.lower ?? '');
    if (fate) {
      const subj = mentionAt(i - 1);
      let tg: Target | undefined;
      if (subj && !subj.adj && !subj.pron && subj.actor !== speaker && tokens[subj.t0 - 1]?.pos !== 'ADP')
        tg = { actor: subj.actor };
      else if (!subj) {
        const topic = passiveTopicSubject(i + 1, lo);
        if (topic) tg = { topic };
      }
      if (tg) {
        const pol = (fate.neg ? -fate.pol : fate.pol) as -1 | 1;
        emit(s.i, speaker, speaker, tg, pol > 0 ? 'SUPPORT' : 'OPPOSE', pol, fate.neg, 0.55);
      }
    } else if (!forecast) {
      const subj = mentionAt(i - 1);
      if (subj && !subj.adj && !subj.pron && subj.actor !== speaker && tokens[i + 1]?.lower !== 'not') {
        const before = tokens[subj.t0 - 1];
        if (before?.pos !== 'ADP') {
          emit(s.i, speaker, speaker, { actor: subj.actor }, 'URGE', 0, false, 0.6);
          // "Britain should be a safe haven for asylum seekers": the speaker supports what X should be
          if (tokens[i + 1]?.lower === 'be' && /^(a|an)$/.test(tokens[i + 2]?.lower ?? '')) {
            const e = npEnd(i + 3, s.t1, 8);
            const topic = topicOf(i + 3, e);
            if (topic) emit(s.i, speaker, speaker, { topic }, 'SUPPORT', 1, false, 0.55);
          }
        }
      }
    }
    // "there should not be an increase in arms exports", "there must be no X": the speaker opposes X
    let k = i + 1;
    let neg = false;
    if (negation.has(tokens[k]?.lower ?? '')) {
      neg = true;
      k++;
    }
    if (tokens[k]?.lower === 'be') {
      k++;
      if (tokens[k]?.lower === 'no') {
        neg = true;
        k++;
      } else if (/^(a|an|any)$/.test(tokens[k]?.lower ?? '')) k++;
      if (neg && tokens[k] && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'ADJ')) {
        const e = npEnd(k, s.t1, 10);
        const topic = topicOf(k, e);
        if (topic) emit(s.i, speaker, speaker, { topic }, 'OPPOSE', -1, true, 0.55);
      }
    }
  }

  /**
   * After "should"/"must" at i: what the speaker wants done to the subject, from cues.json
   * normativeAgainst/normativeFor: "(not) be scrapped" (a passive), "go", "stay" (normativeIntransitive,
   * at the end of the clause).
   */
  function normativeFate(i: number): { pol: -1 | 1; neg: boolean } | undefined {
    let k = i + 1;
    const neg = negation.has(tokens[k]?.lower ?? '');
    if (neg) k++;
    while (tokens[k]?.pos === 'ADV') k++;
    const passive = passiveFate(k);
    if (passive) return { pol: passive, neg };
    // "should go", "must stay" and nothing after it in the clause ("should go ahead" is no fate)
    const v = tokens[k];
    const nx = tokens[k + 1];
    if (!v || !(v.pos === 'VERB' || v.pos === 'AUX') || !normativeIntransitive.has(v.lemma)) return undefined;
    if (nx && nx.pos !== 'PUNCT' && !QUOTE.has(nx.text) && nx.lower !== 'and') return undefined;
    const pol = fateOf(v.lemma);
    return pol ? { pol, neg } : undefined;
  }

  /** -1 for a verb of cues.json normativeAgainst ("scrap"), +1 for normativeFor ("keep"), else undefined. */
  function fateOf(lemma: string): -1 | 1 | undefined {
    return normativeAgainst.has(lemma) ? -1 : normativeFor.has(lemma) ? 1 : undefined;
  }
  /** A past participle after "be": "scrapped", "kept" (a verb), not "back" or "here". */
  function participle(t: Token | undefined): boolean {
    return !!t && (t.pos === 'VERB' || /ed$|en$/.test(t.lower));
  }
  /** "be shelved" at k (after "to", "should"): its fateOf, else undefined. */
  function passiveFate(k: number): -1 | 1 | undefined {
    if (tokens[k]?.lower !== 'be' || !participle(tokens[k + 1])) return undefined;
    return fateOf(tokens[k + 1].lemma);
  }

  /**
   * The noun phrase before the auxiliaries of a passive at i, when it opens its clause and is no
   * actor: "The draft resolution was vetoed by", "said that the plan had been rejected by", "the
   * plan, which was backed by". Undefined for a pronoun, or when the NP's start is unclear.
   */
  function passiveTopicSubject(i: number, lo: number): TopicTarget | undefined {
    let k = i - 1;
    while (k >= lo && (tokens[k].pos === 'AUX' || tokens[k].pos === 'ADV' || negation.has(tokens[k].lower)))
      k--;
    if (k === i - 1 || k < lo) return undefined;
    if (/^(which|that)$/.test(tokens[k].lower)) {
      k--;
      while (k >= lo && tokens[k].text === ',') k--;
    }
    return topicEndingAt(k + 1, lo);
  }

  /**
   * The noun phrase ending at e (exclusive) when it opens its clause and is no actor, as a topic:
   * "The draft resolution [was vetoed]", "The resolution[, backed by]". Undefined otherwise.
   */
  function topicEndingAt(e: number, lo: number): TopicTarget | undefined {
    const k = e - 1;
    if (tokens[k]?.pos !== 'NOUN' || mentionAt(k)) return undefined;
    for (let x = k; x >= lo && x > k - 6; x--) if (tokens[x].lower === 'whose') return undefined;
    let b = k;
    while (
      b - 1 >= lo &&
      (/^(NOUN|PROPN|ADJ|NUM|DET)$/.test(tokens[b - 1].pos) ||
        tokens[b - 1].lower === "'s" ||
        possessiveMark(b - 1))
    )
      b--;
    const before = tokens[b - 1];
    if (b > lo && before && before.text !== ',' && before.lower !== 'that' && !QUOTE.has(before.text))
      return undefined;
    return topicOf(b, e);
  }

  /**
   * The comma opening a reduced relative that the participle at i is in: ", backed by" right before
   * it, or ", drafted by Morocco and backed by" (participles with their agents, joined by "and").
   * -1 when there is none.
   */
  function reducedRelativeComma(i: number, lo: number): number {
    if (tokens[i - 1]?.text === ',') return i - 1;
    if (tokens[i - 1]?.lower !== 'and') return -1;
    for (let k = i - 2; k > lo && k > i - 12; k--) {
      const t = tokens[k];
      if (t.text === ',')
        return participle(tokens[k + 1]) && tokens[k + 2]?.lower === 'by' && k + 1 < i - 1 ? k : -1;
      if (t.pos === 'AUX' || QUOTE.has(t.text)) return -1;
    }
    return -1;
  }

  function isPassive(i: number, lo: number): boolean {
    for (let k = i - 1, n = 0; k >= lo && n < 4; k--, n++) {
      const t = tokens[k];
      if (
        t.lemma === 'be' ||
        t.lower === 'been' ||
        t.lower === 'being' ||
        t.lower === 'get' ||
        t.lower === 'got'
      )
        return true;
      if (t.pos === 'ADV' || negation.has(t.lower)) continue;
      return false;
    }
    return false;
  }

  /**
   * The verb at i is inside "it is ADJ to V" or "it is ADJ that ... V" with an adjective of necessity
   * or judgement: an impersonal construction with no holder of its own. 1 when the adjective is for
   * the act ("essential", "important", "right"), -1 when against it ("wrong", "unacceptable"), else 0.
   */
  function impersonal(i: number, lo: number): -1 | 0 | 1 {
    for (let k = i - 1, n = 0; k > lo && n < 14; k--, n++) {
      const t = tokens[k];
      if (t.text === ',' || t.text === ';' || QUOTE.has(t.text)) return 0;
      const pol = impersonalAdjectives.has(t.lower) ? 1 : impersonalAgainst.has(t.lower) ? -1 : 0;
      if (!pol) continue;
      // the adjective must follow "it is" / "it was" / "it would be", adverbs allowed
      let b = k - 1;
      while (b > lo && tokens[b].pos === 'ADV') b--;
      if (tokens[b]?.lemma !== 'be' && tokens[b]?.lower !== "'s") return 0;
      while (b > lo && (tokens[b - 1].pos === 'AUX' || modals.has(tokens[b - 1].lower))) b--;
      if (tokens[b - 1]?.lower !== 'it') return 0;
      // then "to" or "that" right after the adjective ("not to": "it is wrong not to back it"), with
      // no other finite verb before ours
      const c = tokens[k + (tokens[k + 1]?.lower === 'not' ? 2 : 1)]?.lower;
      if (c !== 'to' && c !== 'that') return 0;
      for (let x = k + 2; x < i; x++) if (tokens[x].pos === 'VERB' && c === 'to') return 0;
      return pol;
    }
    return 0;
  }

  /** "threaten", "vow", "pledge" or "promise" when the verb at i is its infinitive ("threatened to invade"). */
  function threatGovernor(i: number, lo: number): string | undefined {
    let k = i - 1;
    while (k > lo && tokens[k].pos === 'ADV') k--;
    if (tokens[k]?.lower !== 'to') return undefined;
    k--;
    while (k > lo && tokens[k].pos === 'ADV') k--;
    const g = tokens[k];
    const m = g && /^(threaten|vow|pledge|promis)(e|s|es|ed|d|ing)?$/.exec(g.lower);
    return m ? (m[1] === 'promis' ? 'promise' : m[1]) : undefined;
  }

  /** The urge-type verb governing an infinitive at "to" (position k), if any: "press Russia to". */
  function urgeGovernor(k: number, lo: number): boolean {
    let j = k - 1;
    const m = mentionAt(j);
    if (m) j = m.t0 - 1;
    else return false;
    for (let n = 0; n < 3 && j >= lo; n++, j--) {
      const t = tokens[j];
      const c = verbPredicates.get(t.lemma);
      if (c?.some((p) => p.frame === 'objInf')) return true;
      if (t.lower === 'on' || t.lower === 'for' || t.lower === 'upon' || t.lower === 'to') continue;
      break;
    }
    return false;
  }

  /** "the plans would undermine justice", Labour "is wrecking the economy": in reported speech the speaker criticises the subject. */
  function harmPredication(
    s: { i: number; t0: number; t1: number },
    i: number,
    lo: number,
    speaker: string,
  ): void {
    const t = tokens[i];
    if (t.pos !== 'VERB') return;
    // "Labour has let the country down", "sold out the workers": a verb that harms with a particle
    const particles = harmParticles.get(t.lemma);
    let particle = false;
    for (let k = i + 1; particles && k < i + 6 && tokens[k] && tokens[k].pos !== 'PUNCT'; k++)
      if (particles.includes(tokens[k].lower)) particle = true;
    if (!harmVerbs.has(t.lemma) && !particle) {
      // "the freeze sends the wrong message": a verb that harms with its object
      const objects = harmWithObject.get(t.lemma);
      const after = tokens
        .slice(i + 1, i + 6)
        .map((x) => x.lower)
        .join(' ');
      if (
        !objects?.some(
          (o) => after.startsWith(o) || after.startsWith(`the ${o}`) || after.startsWith(`a ${o}`),
        )
      )
        return;
    }
    const prev = tokens[i - 1];
    // "would undermine", "will damage", "is wrecking", "undermines", "had failed", "damaged";
    // not "to undermine", "could harm", a passive "was damaged"
    const form = t.lower !== t.lemma;
    const finite =
      (prev && /^(would|will|'ll)$/.test(prev.lower)) ||
      // ("had let down", "has sold out": a perfect, whatever the participle's form)
      (particle && prev && /^(had|has|have)$/.test(prev.lower)) ||
      (prev && /^(is|are|was|were)$/.test(prev.lower) && /ing$/.test(t.lower)) ||
      (form && /s$/.test(t.lower) && prev?.pos !== 'PART') ||
      (form &&
        /ed$/.test(t.lower) &&
        !!prev &&
        prev.lemma !== 'be' &&
        prev.lower !== 'been' &&
        (/^(AUX|NOUN|PROPN|PRON)$/.test(prev.pos) || !!mentionAt(i - 1)));
    if (!finite || isNegated(i, lo)) return;
    // "failed to", "damaged by", "fails in practice": no object harmed
    const next = tokens[i + 1];
    if (
      !next ||
      ((next.pos === 'ADP' || next.pos === 'PART') && harmVerbs.has(t.lemma)) ||
      next.pos === 'PUNCT'
    )
      return;
    // the subject is before the whole verb group ("Labour had failed", "would have damaged")
    let v = i;
    while (
      v - 1 >= lo &&
      (tokens[v - 1].pos === 'AUX' || tokens[v - 1].pos === 'ADV' || modals.has(tokens[v - 1].lower))
    ) {
      if (/^(could|might|may)$/.test(tokens[v - 1].lower)) return;
      v--;
    }
    judgeSubject(s, v, lo, speaker, -1, false);
  }

  function evalPredication(
    s: { i: number; t0: number; t1: number },
    i: number,
    lo: number,
    speaker: string,
  ): void {
    // "wants the ballot to be fair": a wish, not a judgement of the ballot
    if (tokens[i - 1]?.lower === 'to') return;
    // predicate region after the copula
    let k = i + 1;
    let neg = false;
    if (tokens[k - 2]?.lower === 'would' || tokens[k - 2]?.lower === 'will') {
      /* "would be" */
    }
    for (let n = 0; n < 8 && k < s.t1; n++, k++) {
      const t = tokens[k];
      if (negation.has(t.lower)) {
        neg = true;
        continue;
      }
      if (QUOTE.has(t.text) || DETS.has(t.lower) || t.pos === 'ADV') continue;
      break;
    }
    let pol: -1 | 1 | 0 = 0;
    // progressive or passive verb after the copula ("are behaving", "is obstructing"): not a
    // predication, unless an evaluative participle with no agent ("the war was justified")
    const evalParticiple =
      tokens[k]?.pos === 'VERB' &&
      /ed$/.test(tokens[k].lower) &&
      (positiveEval.has(tokens[k].lower) || negativeEval.has(tokens[k].lower)) &&
      tokens[k + 1]?.lower !== 'by';
    if (tokens[k]?.pos === 'VERB' && !evalParticiple) return;
    const end = Math.min(s.t1, k + 6);
    for (let j = k; j < end; j++) {
      const t = tokens[j];
      if (t.text === ',' || t.text === '.' || t.lower === 'that' || t.lower === 'if' || t.lower === 'because')
        break;
      if ((t.pos === 'VERB' && !(evalParticiple && j === k)) || t.pos === 'AUX') break;
      // "pensions are under threat": the subject suffers it, nobody judges the subject
      if (t.lower === 'under') break;
      // "the government is promising something", "is encouraging the use": a verb with its object
      const nx = tokens[j + 1];
      if (
        positiveEval.has(t.lower) &&
        /ing$/.test(t.lower) &&
        nx &&
        (/^(DET|PRON|PROPN|NUM)$/.test(nx.pos) || nx.lower === 'to')
      ) {
        if (nx.lower !== 'to' || tokens[j + 2]?.pos === 'VERB') break;
      }
      if (
        negativeEval.has(t.lower) ||
        (j + 1 < end && negativeEval.has(`${t.lower} ${tokens[j + 1].lower}`))
      ) {
        pol = -1;
        break;
      }
      if (positiveEval.has(t.lower)) {
        pol = 1;
        break;
      }
      if (t.lower === 'against' && j < end - 1) {
        // "against Palestinian interests"
        for (let x = j + 1; x < Math.min(end + 3, s.t1); x++)
          if (/^interests?$/.test(tokens[x].lower)) pol = -1;
        if (pol) break;
      }
    }
    if (!pol) return;
    if (tokens[i - 1]?.lower === 'not' || tokens[i + 1]?.lower === 'not' || tokens[i + 1]?.lower === "n't")
      neg = true;
    if (neg) pol = -pol as -1 | 1;
    judgeSubject(s, i, lo, speaker, pol, neg);
  }

  /**
   * The speaker judges the subject of the clause whose verb (or copula) is at i: "lifting the
   * embargo would be irresponsible" (evalPredication), "the plans would undermine justice"
   * (harmPredication). pol is the judgement, after negation.
   */
  function judgeSubject(
    s: { i: number; t0: number; t1: number },
    i: number,
    lo: number,
    speaker: string,
    pol: -1 | 1,
    neg: boolean,
  ): void {
    if (isHypothetical(i, lo, s)) return;
    // subject: the clause from lo (or the last boundary) to the copula, minus modals
    let e = i;
    while (
      e > lo &&
      (modals.has(tokens[e - 1].lower) ||
        tokens[e - 1].pos === 'ADV' ||
        tokens[e - 1].lower === 'not' ||
        // "the case had been a fiasco"
        (tokens[i].lower === 'been' && /^(has|have|had|'ve|'d)$/.test(tokens[e - 1].lower)))
    ) {
      // "could be illegal", "might be a mistake": speculation, not a stance
      if (/^(could|might|may)$/.test(tokens[e - 1].lower)) return;
      e--;
    }
    // "may have been offensive but were not racist": an elided subject
    if (tokens[e - 1]?.pos === 'CCONJ' || tokens[e - 1]?.lower === 'but') return;
    // a pronoun right before the verb is the whole subject ("for as long as they were competent")
    const pronounSubject = tokens[e - 1]?.pos === 'PRON' && e - 1 > lo;
    let b = pronounSubject ? e - 2 : e - 1;
    while (!pronounSubject && b >= lo) {
      const t = tokens[b];
      if (
        t.text === ',' ||
        t.text === ';' ||
        t.text === ':' ||
        // a dash between clauses: "... murder sentences - such action sends out the wrong message"
        /^[-–—]$/.test(t.text) ||
        t.lower === 'that' ||
        (t.pos === 'VERB' && reporting.has(t.lemma)) ||
        QUOTE.has(t.text)
      )
        break;
      if (t.pos === 'VERB' && !/ing$/.test(t.lower) && tokens[b - 1]?.lower !== 'to') break;
      if ((t.pos === 'CCONJ' || t.lower === 'and' || t.lower === 'but') && tokens[b + 1]?.pos === 'PRON')
        break;
      if (t.pos === 'AUX') break;
      // "no room for complacency simply because we are successful": the subject starts after it
      // (not "since": "his record since his arrival is excellent")
      if (/^(because|although|though|whilst|while|unless|where|when|who|which)$/.test(t.lower)) break;
      // "told BBC Radio 4's Today the government was ...": an article after a name opens the subject
      const nm = tokens[b - 1];
      if (
        t.lower === 'the' &&
        nm?.cap &&
        /^(PROPN|NOUN)$/.test(nm.pos) &&
        !/ing$/.test(nm.lower) &&
        b - 1 >= lo
      ) {
        b--;
        break;
      }
      b--;
    }
    // "Addressing claims that the new law was unenforceable, Mr Michael said": the claim is others'
    if (tokens[b]?.lower === 'that' && claimNouns.has(tokens[b - 1]?.lower ?? '')) return;
    let sb = b + 1;
    // "Whilst it is good that ...": leading subordinators are not part of the subject
    while (
      sb < e &&
      (tokens[sb].pos === 'SCONJ' ||
        /^(whilst|while|although|though|as|since|because)$/.test(tokens[sb].lower))
    )
      sb++;
    if (sb >= e) return;
    // "I don't think the relationship is good": negated opinion verb before the clause
    for (let x = Math.max(lo, sb - 4); x < sb; x++) {
      if (
        negation.has(tokens[x].lower) &&
        /^(think|believe|feel|expect|accept|say|suppose)$/.test(tokens[x + 1]?.lemma ?? '')
      ) {
        pol = -pol as -1 | 1;
        neg = !neg;
      }
    }
    const first = tokens[sb];
    if (
      first &&
      /^(it|this|that|there|which|what|he|she|they|we|i|you|i'm|we're|you're|they're)$/.test(first.lower)
    ) {
      // pronoun subjects: only resolved third-person actors
      const pm = mentionAt(sb);
      if (!(pm?.actor && e - sb === 1 && (pm.pron === 'he' || pm.pron === 'she'))) return;
    }
    // "Mr Straw was naive"
    const h = pastHonorifics(sb, e);
    const m = mentionAt(h) ?? (tokens[h]?.lower === 'the' ? mentionAt(h + 1) : undefined);
    let target: Target | undefined;
    if (m && !m.adj && m.t1 === e) target = { actor: m.actor };
    else {
      const topic = topicOf(sb, e);
      if (topic) target = { topic };
    }
    if (!target || ('actor' in target && (!target.actor || target.actor === speaker))) return;
    emit(s.i, speaker, speaker, target, pol > 0 ? 'PRAISE' : 'CRITICIZE', pol, neg, 0.6);
  }

  function callEval(
    s: { i: number; t0: number; t1: number },
    i: number,
    lo: number,
    speaker: string | undefined,
  ): void {
    // "called the change pragmatic", "sees the weapons ban as politically driven"
    const needsAs = judgingVerbsWithAs.has(tokens[i].lemma);
    let pol: -1 | 1 | 0 = 0;
    let evalAt = -1;
    let sawNoun = false;
    for (let j = i + 1; j < Math.min(s.t1, i + 14); j++) {
      const t = tokens[j];
      const w = t.lower;
      const pp = tokens[j - 1].pos;
      // (a clause is no object: "found the system was flawed", "found that most artists saw ...")
      if (
        t.text === ',' ||
        t.text === '.' ||
        (t.pos === 'AUX' && !(w === 'be' && tokens[j - 1].lower === 'to')) ||
        (w === 'that' && j === i + 1 && tokens[j + 1]?.pos !== 'NOUN') ||
        (t.pos === 'VERB' && !/ed$|en$/.test(w) && pp !== 'DET' && pp !== 'NOUN' && pp !== 'ADJ')
      )
        break;
      // a capitalised word is part of a name: "found fame in Bill and Ted's Excellent Adventure"
      if (t.cap && !QUOTE.has(tokens[j - 1].text)) {
        if (t.pos === 'NOUN' || t.pos === 'PROPN' || mentionAt(j)) sawNoun = true;
        continue;
      }
      const two = j + 1 < s.t1 ? `${w} ${tokens[j + 1].lower}` : '';
      if (sawNoun && (negativeEval.has(w) || negativeEval.has(two) || positiveEval.has(w))) {
        pol = positiveEval.has(w) ? 1 : -1;
        evalAt = j;
        break;
      }
      if (t.pos === 'NOUN' || t.pos === 'PROPN' || mentionAt(j)) sawNoun = true;
    }
    if (!pol) return;
    let e = evalAt;
    while (
      e > i + 1 &&
      (QUOTE.has(tokens[e - 1].text) ||
        DETS.has(tokens[e - 1].lower) ||
        (tokens[e - 1].pos === 'ADV' && tokens[e - 1].lower !== 'as'))
    )
      e--;
    if (needsAs) {
      // "consider his behaviour to be unacceptable", "sees the ban as politically driven"
      if (tokens[e - 1]?.lower === 'be' && tokens[e - 2]?.lower === 'to') e--;
      else if (tokens[e - 1]?.lower !== 'as') return;
      e--;
    } else if (tokens[e - 1]?.lower === 'as') e--;
    if (e <= i + 1) return;
    if (isHypothetical(i, lo, s)) return;
    const { holders } = holdersFor(i, lo);
    let target: Target | undefined;
    const m = headMentionAt(i + 1) ?? (tokens[i + 1]?.lower === 'the' ? headMentionAt(i + 2) : undefined);
    if (m && !m.adj && m.t1 === e && m.actor) target = { actor: m.actor };
    else if (!(m?.pron && m.t1 === e)) {
      const topic = topicOf(i + 1, e);
      if (topic) target = { topic };
    }
    if (!target) return;
    for (const h of holders) emit(s.i, h, speaker, target, pol > 0 ? 'PRAISE' : 'CRITICIZE', pol, false, 0.6);
  }

  void phraseTokens;
  return out;
}
