import 'server-only';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { apiRefreshTokens, apiSessions, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { authSecret } from './secret';
import { hashToken } from './service';
import type { SessionUser } from './session-types';

// Bearer tokens for Store API customers (the web keeps its cookie session). A sign-in is one api_sessions row:
//  - the access token is short-lived and stateless to check cryptographically (HMAC under a key derived from
//    AUTH_SECRET), but every use also checks that its sign-in is not revoked and that the account is active on the
//    same sessionVersion — so sign-out, a password change or a disabled account end it at once, on every instance;
//  - the refresh token is random, stored as a SHA-256, spent by its one rotation (a conditional UPDATE: of two
//    concurrent refreshes with one token exactly one wins). A spent token presented again means two parties hold it
//    (RFC 9700 §4.14.2): the whole sign-in is revoked, the legitimate client's newest tokens with it.

export const ACCESS_TOKEN_TTL_S = 15 * 60;
export const REFRESH_TOKEN_TTL_S = 30 * 24 * 3600;

const ACCESS_PREFIX = 'sfa_';
const REFRESH_PREFIX = 'sfr_';
const ACCESS_SHAPE = /^sfa_([A-Za-z0-9_-]{20,400})\.([A-Za-z0-9_-]{43})$/;
const REFRESH_SHAPE = /^sfr_[A-Za-z0-9_-]{43}$/;

export type ApiTokens = {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
};

type AccessClaims = { sid: string; uid: string; ver: number; exp: number };

let accessKey: Buffer | undefined;
function sign(payload: string): string {
  accessKey ??= Buffer.from(hkdfSync('sha256', authSecret(), 'storefront-store-api', 'access-token-v1', 32));
  return createHmac('sha256', accessKey).update(payload).digest('base64url');
}

function accessToken(claims: AccessClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${ACCESS_PREFIX}${payload}.${sign(payload)}`;
}

/** The claims of a well-formed, correctly signed, unexpired access token; null otherwise. No database. */
export function readAccessToken(token: string, now = Date.now()): AccessClaims | null {
  const match = ACCESS_SHAPE.exec(token);
  if (!match) return null;
  const [, payload, signature] = match;
  const expected = Buffer.from(sign(payload!));
  const given = Buffer.from(signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Partial<AccessClaims>;
    if (typeof claims.sid !== 'string' || typeof claims.uid !== 'string' || typeof claims.ver !== 'number' || typeof claims.exp !== 'number') return null;
    if (claims.exp * 1000 <= now) return null;
    return claims as AccessClaims;
  } catch {
    return null;
  }
}

async function issueRefreshToken(executor: Executor, sessionId: string, now: number): Promise<string> {
  const token = `${REFRESH_PREFIX}${randomBytes(32).toString('base64url')}`;
  await executor.insert(apiRefreshTokens).values({ sessionId, tokenHash: hashToken(token), expiresAt: new Date(now + REFRESH_TOKEN_TTL_S * 1000) });
  return token;
}

function tokensFor(claims: Omit<AccessClaims, 'exp'>, refreshToken: string, now: number): ApiTokens {
  return {
    tokenType: 'Bearer',
    accessToken: accessToken({ ...claims, exp: Math.floor(now / 1000) + ACCESS_TOKEN_TTL_S }),
    expiresIn: ACCESS_TOKEN_TTL_S,
    refreshToken,
    refreshExpiresIn: REFRESH_TOKEN_TTL_S,
  };
}

/** A new Store API sign-in for an account whose credentials (and second factor) were just checked. */
export async function createApiSession(user: { id: string; sessionVersion: number }, executor: Executor = db, now = Date.now()): Promise<ApiTokens> {
  return executor.transaction(async (tx) => {
    const [session] = await tx.insert(apiSessions).values({ userId: user.id, sessionVersion: user.sessionVersion }).returning({ id: apiSessions.id });
    const refreshToken = await issueRefreshToken(tx, session!.id, now);
    return tokensFor({ sid: session!.id, uid: user.id, ver: user.sessionVersion }, refreshToken, now);
  });
}

const refused = () =>
  new AppError('unauthenticated', 'The refresh token is invalid, expired or already used. Sign in again.', {
    headers: { 'www-authenticate': 'Bearer error="invalid_grant"' },
  });

/**
 * Spends a refresh token for a new pair. Refused (401) when it is unknown, expired, already spent (the sign-in is
 * then revoked), or its sign-in is revoked or its account disabled or re-keyed since.
 */
export async function refreshApiSession(refreshToken: string, executor: Executor = db, now = Date.now()): Promise<ApiTokens> {
  if (!REFRESH_SHAPE.test(refreshToken)) throw refused();
  const tokenHash = hashToken(refreshToken);
  // Answered, not thrown, inside the transaction: a revocation for reuse must commit even though the call fails.
  const tokens = await executor.transaction(async (tx): Promise<ApiTokens | null> => {
    const [spent] = await tx
      .update(apiRefreshTokens)
      .set({ usedAt: new Date(now) })
      .where(and(eq(apiRefreshTokens.tokenHash, tokenHash), isNull(apiRefreshTokens.usedAt), gt(apiRefreshTokens.expiresAt, new Date(now))))
      .returning({ sessionId: apiRefreshTokens.sessionId });
    if (!spent) {
      const [known] = await tx.select({ sessionId: apiRefreshTokens.sessionId, usedAt: apiRefreshTokens.usedAt }).from(apiRefreshTokens).where(eq(apiRefreshTokens.tokenHash, tokenHash));
      if (known?.usedAt) {
        await tx
          .update(apiSessions)
          .set({ revokedAt: new Date(now), revokedReason: 'refresh_reuse' })
          .where(and(eq(apiSessions.id, known.sessionId), isNull(apiSessions.revokedAt)));
      }
      return null;
    }
    const [session] = await tx
      .select({ id: apiSessions.id, userId: apiSessions.userId, sessionVersion: apiSessions.sessionVersion })
      .from(apiSessions)
      .innerJoin(users, eq(users.id, apiSessions.userId))
      .where(and(eq(apiSessions.id, spent.sessionId), isNull(apiSessions.revokedAt), eq(users.status, 'active'), eq(users.sessionVersion, apiSessions.sessionVersion)));
    if (!session) return null;
    const next = await issueRefreshToken(tx, session.id, now);
    return tokensFor({ sid: session.id, uid: session.userId, ver: session.sessionVersion }, next, now);
  });
  if (!tokens) throw refused();
  return tokens;
}

/** The account an access token speaks for, if its sign-in still stands; null otherwise. */
export async function resolveAccessToken(token: string, executor: Executor = db, now = Date.now()): Promise<(SessionUser & { apiSessionId: string }) | null> {
  const claims = readAccessToken(token, now);
  if (!claims) return null;
  const [user] = await executor
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(apiSessions)
    .innerJoin(users, eq(users.id, apiSessions.userId))
    .where(
      and(
        eq(apiSessions.id, claims.sid),
        eq(apiSessions.userId, claims.uid),
        isNull(apiSessions.revokedAt),
        eq(apiSessions.sessionVersion, claims.ver),
        eq(users.status, 'active'),
        eq(users.sessionVersion, claims.ver),
      ),
    );
  return user ? { ...user, apiSessionId: claims.sid } : null;
}

/** Sign-out: the sign-in the access token belongs to is revoked, with every access and refresh token of it. */
export async function revokeApiSession(sessionId: string, userId: string, executor: Executor = db): Promise<void> {
  await executor
    .update(apiSessions)
    .set({ revokedAt: sql`now()`, revokedReason: 'sign_out' })
    .where(and(eq(apiSessions.id, sessionId), eq(apiSessions.userId, userId), isNull(apiSessions.revokedAt)));
}

/** The token of an `Authorization: Bearer …` header; null without one. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}

/** How long a finished sign-in is kept before the sweep removes it (a day: enough to read it while investigating). */
const FINISHED_SESSION_RETENTION_MS = 24 * 3600 * 1000;

/**
 * Deletes Store API sign-ins that can issue no token any more, with their refresh tokens (cascade): revoked ones, and
 * ones whose every refresh token has expired, once a day has passed. A live sign-in keeps its spent refresh tokens,
 * which is how a replayed one is recognised. Run hourly by the background jobs. Returns how many were deleted.
 */
export async function deleteFinishedApiSessions(executor: Executor = db, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - FINISHED_SESSION_RETENTION_MS);
  const deleted = await executor
    .delete(apiSessions)
    .where(
      or(
        lt(apiSessions.revokedAt, cutoff),
        and(
          lt(apiSessions.createdAt, cutoff),
          notExists(executor.select({ one: sql`1` }).from(apiRefreshTokens).where(and(eq(apiRefreshTokens.sessionId, apiSessions.id), gt(apiRefreshTokens.expiresAt, cutoff)))),
        ),
      ),
    )
    .returning({ id: apiSessions.id });
  return deleted.length;
}
