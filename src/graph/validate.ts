/**
 * Checks that a value is an extraction result (../shared/design/EXTRACTION-OUTPUT.md) the loader can
 * write, and says precisely what is wrong when it is not.
 */
import type { ExtractionResult } from '../types.js';
import { ACTOR_KINDS, STANCE_KINDS } from './model.js';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const optStr = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/** Returns a list of problems (empty when the value is a valid result). Stops after a few. */
export function resultProblems(value: unknown): string[] {
  const problems: string[] = [];
  const bad = (msg: string) => {
    problems.push(msg);
    return problems.length >= 5;
  };
  if (!isObj(value)) return ['not a JSON object'];
  const a = value.article;
  if (!isObj(a)) return ['no "article" object'];
  if (!isStr(a.id)) bad('article.id is missing or not a string');
  for (const k of ['title', 'publisher', 'publishedAt', 'url', 'sha256', 'extractor', 'text', 'source'])
    if (!optStr(a[k])) bad(`article.${k} must be a string or null`);
  if (!Array.isArray(value.actors)) return [...problems, 'no "actors" array'];
  if (!Array.isArray(value.stances)) return [...problems, 'no "stances" array'];
  const ids = new Set<string>();
  for (const [i, x] of value.actors.entries()) {
    const where = `actors[${i}]`;
    if (!isObj(x)) {
      if (bad(`${where} is not an object`)) return problems;
      continue;
    }
    if (!isStr(x.id) && bad(`${where}.id is missing or not a string`)) return problems;
    if (!isStr(x.name) && bad(`${where}.name is missing or not a string`)) return problems;
    if (
      !ACTOR_KINDS.includes(x.kind as never) &&
      bad(`${where}.kind ${JSON.stringify(x.kind)} is not one of ${ACTOR_KINDS.join(', ')}`)
    )
      return problems;
    if (
      x.aliases !== undefined &&
      !(Array.isArray(x.aliases) && x.aliases.every((s) => typeof s === 'string'))
    )
      if (bad(`${where}.aliases must be a list of strings`)) return problems;
    if (x.mentions !== undefined && !(isInt(x.mentions) && x.mentions >= 0))
      if (bad(`${where}.mentions must be a whole number ≥ 0`)) return problems;
    if (x.represents !== undefined && x.represents !== null) {
      if (
        !Array.isArray(x.represents) ||
        !x.represents.every((r) => isObj(r) && isStr(r.actor) && optStr(r.role))
      )
        if (bad(`${where}.represents must be a list of {actor, role}`)) return problems;
    }
    if (isStr(x.id)) ids.add(x.id);
  }
  for (const [i, x] of value.actors.entries()) {
    if (!isObj(x) || !Array.isArray(x.represents)) continue;
    for (const r of x.represents)
      if (isObj(r) && isStr(r.actor) && !ids.has(r.actor))
        if (bad(`actors[${i}].represents names actor '${r.actor}', which is not in "actors"`))
          return problems;
  }
  for (const [i, s] of value.stances.entries()) {
    const where = `stances[${i}]`;
    if (!isObj(s)) {
      if (bad(`${where} is not an object`)) return problems;
      continue;
    }
    if (!isStr(s.source) || !ids.has(s.source))
      if (bad(`${where}.source ${JSON.stringify(s.source)} is not an actor id from "actors"`))
        return problems;
    if (s.speaker !== undefined && s.speaker !== null && !(isStr(s.speaker) && ids.has(s.speaker)))
      if (bad(`${where}.speaker ${JSON.stringify(s.speaker)} is not an actor id from "actors"`))
        return problems;
    const t = s.target;
    if (typeof t === 'string') {
      if (!ids.has(t) && bad(`${where}.target '${t}' is not an actor id from "actors"`)) return problems;
    } else if (!(isObj(t) && isStr(t.id) && isStr(t.name) && t.kind === 'TOPIC')) {
      if (bad(`${where}.target must be an actor id or {id, name, kind: "TOPIC"}`)) return problems;
    }
    if (
      !STANCE_KINDS.includes(s.kind as never) &&
      bad(`${where}.kind ${JSON.stringify(s.kind)} is not a stance kind`)
    )
      return problems;
    if (![-1, 0, 1].includes(s.polarity as number) && bad(`${where}.polarity must be -1, 0 or 1`))
      return problems;
    if (
      s.negated !== undefined &&
      typeof s.negated !== 'boolean' &&
      bad(`${where}.negated must be true or false`)
    )
      return problems;
    if (
      s.confidence !== undefined &&
      typeof s.confidence !== 'number' &&
      bad(`${where}.confidence must be a number`)
    )
      return problems;
    const e = s.evidence;
    if (!(isObj(e) && isInt(e.sentence) && isInt(e.start) && isInt(e.end) && typeof e.text === 'string'))
      if (bad(`${where}.evidence must be {sentence, start, end, text}`)) return problems;
  }
  return problems;
}

export function isExtractionResult(value: unknown): value is ExtractionResult {
  return resultProblems(value).length === 0;
}
