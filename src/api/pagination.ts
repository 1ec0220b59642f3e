/** Relay-style connections over offset pages: opaque cursors, a capped `first`. */

import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Page } from '../graph/read.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
const PREFIX = 'sg1:';

export function badInput(message: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export function encodeCursor(index: number): string {
  return Buffer.from(`${PREFIX}${index}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const n = raw.startsWith(PREFIX) ? Number(raw.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(n) || n < 0) {
    throw badInput(`after: ${JSON.stringify(cursor.slice(0, 40))} is not a cursor from this API`);
  }
  return n;
}

export interface PageArgs {
  skip: number;
  first: number;
}

/** Checks `first` (0 to 100) and turns `after` into an offset. */
export function pageArgs(first: number | null | undefined, after?: string | null): PageArgs {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${n}`);
  }
  return { skip: after ? decodeCursor(after) + 1 : 0, first: n };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function connection<T>(page: Page<T>, { skip, first }: PageArgs): Connection<T> {
  const edges = page.items.slice(0, first).map((node, i) => ({ cursor: encodeCursor(skip + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: skip + edges.length < page.total,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount: page.total,
  };
}

/** Checks a polarity argument: -1, 0 or 1. */
export function polarityArg(p: number | null | undefined): number | null {
  if (p === null || p === undefined) return null;
  if (p !== -1 && p !== 0 && p !== 1) throw badInput(`polarity must be -1, 0 or 1, got ${p}`);
  return p;
}

/** Checks a date argument: YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateArg(name: string, d: string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d))
    throw badInput(`${name} must be a date YYYY-MM-DD, got ${JSON.stringify(d)}`);
  return d;
}
