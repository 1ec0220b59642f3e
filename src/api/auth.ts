/** Who may call mutations: a bearer token equal to STANCEGRAPH_API_TOKEN (compared in constant time). */

import { createHash, timingSafeEqual } from 'node:crypto';
import { createGraphQLError } from 'graphql-yoga';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** True when `given` equals `expected`; the time taken does not depend on where they differ. */
export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Throws a GraphQL error (shown to the client) unless the request carries the server's token. */
export function requireToken(authorization: string | null, token: string | undefined): void {
  if (!token) {
    throw createGraphQLError(
      'Mutations are disabled on this server: start it with STANCEGRAPH_API_TOKEN set to enable them.',
      { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
    );
  }
  const m = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  if (!m || !tokensMatch(m[1].trim(), token)) {
    throw createGraphQLError(
      m
        ? 'Not authorised: the bearer token is wrong.'
        : 'Not authorised: mutations need an `Authorization: Bearer <token>` header.',
      { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
    );
  }
}
