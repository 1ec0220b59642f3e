/**
 * Pronoun resolution: he/she -> a person, it -> a state or body, they -> a group, party or body.
 * First-person pronouns are left to attribution (they denote the speaker of the quotation).
 */
import type { Doc } from './doc.js';
import { partyIds } from './lexicon.js';
import type { Mention, MentionLayer } from './mentions.js';

const PERSON_P = new Set(['he', 'she', 'him', 'his', 'her']);
const IT_P = new Set(['it', 'its']);
const THEY_P = new Set(['they', 'them', 'their']);
const REPORTING = /^(said|says|saying|added|announced|insisted|argued|claimed|confirmed|stated|warned|told)$/;

export function resolvePronouns(doc: Doc, layer: MentionLayer): void {
  const { tokens } = doc;
  const { mentions, actors } = layer;
  const kindOf = (m: Mention) => (m.actor ? actors.get(m.actor)?.kind : undefined);
  const subjectLike = (m: Mention) => {
    if (m.adj) return false;
    let p = m.t0 - 1;
    if (tokens[p]?.lower === 'the') p--;
    const prev = tokens[p];
    return prev?.pos !== 'ADP' || prev.lower === 'that';
  };
  const covered = (t: number) => {
    const i = layer.at[t];
    return i >= 0 && !!mentions[i]?.actor;
  };
  /** The pronoun at t follows "NAME said (that)" where NAME is a proper noun no actor covers. */
  const unknownNameSaid = (t: number, plural: boolean): boolean => {
    let k = t - 1;
    if (tokens[k]?.lower === 'that') k--;
    if (!tokens[k] || !REPORTING.test(tokens[k].lower)) return false;
    k--;
    while (k > 0 && (tokens[k].pos === 'AUX' || tokens[k].pos === 'ADV')) k--;
    // "LNM, the Dutch group, said it": a name closing an appositive
    if (tokens[k]?.text === ',') k--;
    if (!tokens[k] || tokens[k].text === ')' || covered(k)) return false;
    if (tokens[k].pos === 'PROPN' && tokens[k].cap) return true;
    // "Patients are saying they want": a plural noun is the antecedent of "they"
    return plural && tokens[k].pos === 'NOUN' && /[^s]s$/.test(tokens[k].lower);
  };
  // candidates come from a window of the last few sentences, so the pass stays linear
  let win = 0;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (!m.pron) continue;
    while (win < k && mentions[win].sent < m.sent - 4) win++;
    const p = m.pron;
    let want: (x: Mention) => boolean;
    if (PERSON_P.has(p)) {
      const g = p === 'she' || p === 'her' ? 'f' : 'm';
      want = (x) => kindOf(x) === 'PERSON' && (actors.get(x.actor)?.gender ?? g) === g;
    } else if (IT_P.has(p)) {
      want = (x) => {
        const kd = kindOf(x);
        return kd === 'COUNTRY' || kd === 'GOVERNMENT' || kd === 'ORGANIZATION';
      };
    } else if (THEY_P.has(p)) {
      // plural antecedents only: groups, "the French", parties named in the plural ("the Liberal Democrats")
      want = (x) => {
        const kd = kindOf(x);
        if (kd === 'GROUP') return true;
        return (
          /^the\s+\p{Lu}\p{L}*(s|ch|sh|ese)$/iu.test(x.text) ||
          (kd === 'ORGANIZATION' && /s$/.test(x.text) && !/ss$/.test(x.text))
        );
      };
    } else continue;
    // "Monsanto said it accepted ...": a name the gazetteer does not know is the antecedent; resolving
    // "it" to an organisation named earlier would give that organisation Monsanto's stance
    if ((IT_P.has(p) || THEY_P.has(p)) && unknownNameSaid(m.t0, THEY_P.has(p))) continue;
    const inQ = tokens[m.t0].inQuote;
    // "Liam Fox called him a disappointment": an object pronoun is not the subject of its own verb
    const object = p === 'him' || p === 'them' || (p === 'her' && tokens[m.t0 + 1]?.pos !== 'NOUN');
    const ownSubject = (x: Mention) => {
      if (!object || x.sent !== m.sent) return false;
      let verbs = 0;
      for (let t = x.t1; t < m.t0; t++) {
        const tk = tokens[t];
        if (tk.text === ',' || tk.lower === 'that' || REPORTING.test(tk.lower) || tk.pos === 'SCONJ')
          return false;
        if (tk.pos === 'VERB') verbs++;
        else if (tk.pos !== 'AUX' && tk.pos !== 'ADV' && tk.pos !== 'PART') return false;
      }
      return verbs === 1;
    };
    const ok = (x: Mention) =>
      !x.pron && want(x) && subjectLike(x) && (inQ || !tokens[x.t0].inQuote) && x.t0 < m.t0 && !ownSubject(x);
    // same sentence first (leftmost subject-like candidate), then earlier sentences (leftmost in the nearest)
    let found: Mention | undefined;
    for (let j = win; j < k; j++) {
      const x = mentions[j];
      if (x.sent === m.sent && ok(x)) {
        found = x;
        break;
      }
    }
    if (!found) {
      for (let s = m.sent - 1; s >= 0 && s >= m.sent - 4 && !found; s--) {
        for (let j = win; j < k; j++) {
          const x = mentions[j];
          if (x.sent === s && ok(x)) {
            found = x;
            break;
          }
        }
      }
    }
    // fall back to resolved pronouns of the same kind (chains: "he said ... he added")
    if (!found) {
      for (let j = k - 1; j >= 0 && mentions[j].sent >= m.sent - 2; j--) {
        const x = mentions[j];
        if (x.pron && x.actor && want({ ...x, pron: undefined })) {
          found = x;
          break;
        }
      }
    }
    if (found) m.actor = found.actor;
    // "his party": the one party the person represents, else no actor
    if (m.partyOf) {
      const parties = m.actor
        ? [...(actors.get(m.actor)?.represents.keys() ?? [])].filter((r) => partyIds.has(r))
        : [];
      m.actor = parties.length === 1 && actors.has(parties[0]) ? parties[0] : '';
      if (m.actor) m.pron = undefined;
    }
  }
}
