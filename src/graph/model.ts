/**
 * The write side's view of the graph model (../shared/design/ARCHITECTURE.md): kind labels, summary
 * relationship types, stable stance ids, and actor-id resolution through aliases and merges.
 */
import { createHash } from 'node:crypto';
import type { ActorKind, StanceKind } from '../types.js';

export const KIND_LABELS: Record<ActorKind, string> = {
  COUNTRY: 'Country',
  GOVERNMENT: 'Government',
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  GROUP: 'Group',
  LOCATION: 'Location',
};

/** One summary relationship type per stance kind: `(:Actor)-[:OPPOSES {count, firstSeen, lastSeen, polarity}]->()`. */
export const SUMMARY_TYPES: Record<StanceKind, string> = {
  SUPPORT: 'SUPPORTS',
  PRAISE: 'PRAISES',
  OPPOSE: 'OPPOSES',
  REJECT: 'REJECTS',
  VETO: 'VETOES',
  CRITICIZE: 'CRITICIZES',
  ACCUSE: 'ACCUSES',
  CONDEMN: 'CONDEMNS',
  THREATEN: 'THREATENS',
  ATTACK: 'ATTACKS',
  URGE: 'URGES',
  DEMAND: 'DEMANDS',
  CONSULT: 'CONSULTS',
};

export const STANCE_KINDS = Object.keys(SUMMARY_TYPES) as StanceKind[];
export const ACTOR_KINDS = Object.keys(KIND_LABELS) as ActorKind[];

/** Stable id of a stance: hash of (article, sentence index, holder, target, kind). */
export function stanceId(
  articleId: string,
  sentence: number,
  holderId: string,
  targetId: string,
  kind: string,
): string {
  const h = createHash('sha256')
    .update([articleId, String(sentence), holderId, targetId, kind].join('\u0000'))
    .digest('hex');
  return `stance:${h.slice(0, 32)}`;
}

/** `YYYY-MM-DD` from an ISO date or timestamp; null when there is none. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return m ? m[1] : null;
}

/**
 * Maps actor ids to canonical ones: the aliases file (alias-or-id → id) and the `mergedIds` recorded
 * on merged actors, followed to the end of any chain (a → b → c gives c; cycles stop where they loop).
 */
export class Resolver {
  private readonly map = new Map<string, string>();

  constructor(aliases: Record<string, string> = {}, merged: Iterable<[string, string]> = []) {
    // Merges recorded in the database come first; the file, which the user edits, wins.
    for (const [from, into] of merged) if (from !== into) this.map.set(from, into);
    for (const [from, into] of Object.entries(aliases)) if (from !== into) this.map.set(from, into);
  }

  get size(): number {
    return this.map.size;
  }

  resolve(id: string): string {
    let cur = id;
    const seen = new Set<string>([cur]);
    for (let next = this.map.get(cur); next !== undefined; next = this.map.get(cur)) {
      if (seen.has(next)) break;
      seen.add(next);
      cur = next;
    }
    return cur;
  }
}
