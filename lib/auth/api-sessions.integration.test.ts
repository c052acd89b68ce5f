import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { apiRefreshTokens, apiSessions, users } from '@/db/schema';
import { createApiSession, deleteFinishedApiSessions, readAccessToken, refreshApiSession, revokeApiSession } from './api-tokens';

// The hourly sweep of Store API sign-ins: what can still issue a token stays (with the spent refresh tokens that
// recognise a replay); what cannot — revoked, or every refresh token expired — goes once a day has passed.

afterAll(() => closeConnection());

const DAY = 24 * 3600 * 1000;

async function customer() {
  const [user] = await db
    .insert(users)
    .values({ email: `sweep-${randomBytes(4).toString('hex')}@example.com`, name: 'Sweep', role: 'customer' })
    .returning({ id: users.id, sessionVersion: users.sessionVersion });
  return user!;
}

/** The sign-in an access token belongs to (read at any time: an old token's claims are still its claims). */
const sessionOf = (accessToken: string) => readAccessToken(accessToken, 0)!.sid;

describe('deleteFinishedApiSessions', () => {
  it('deletes revoked and fully expired sign-ins after a day, and keeps live ones with their spent tokens', async () => {
    const user = await customer();
    const now = Date.now();
    const live = await createApiSession(user);
    const rotated = await refreshApiSession(live.refreshToken); // leaves a spent token behind, needed to spot a replay
    const revokedLongAgo = await createApiSession(user);
    const revokedJustNow = await createApiSession(user);
    const expired = await createApiSession(user, db, now - 40 * DAY); // its refresh token ran out ten days ago
    await revokeApiSession(sessionOf(revokedLongAgo.accessToken), user.id);
    await revokeApiSession(sessionOf(revokedJustNow.accessToken), user.id);
    await db.update(apiSessions).set({ revokedAt: new Date(now - 2 * DAY) }).where(eq(apiSessions.id, sessionOf(revokedLongAgo.accessToken)));
    await db.update(apiSessions).set({ createdAt: new Date(now - 40 * DAY) }).where(eq(apiSessions.id, sessionOf(expired.accessToken)));

    expect(await deleteFinishedApiSessions(db, now)).toBeGreaterThanOrEqual(2);

    const ids = [live, revokedLongAgo, revokedJustNow, expired].map((tokens) => sessionOf(tokens.accessToken));
    const left = await db.select({ id: apiSessions.id }).from(apiSessions).where(inArray(apiSessions.id, ids));
    expect(left.map((row) => row.id).sort()).toEqual([sessionOf(live.accessToken), sessionOf(revokedJustNow.accessToken)].sort());
    const tokensLeft = await db.select({ usedAt: apiRefreshTokens.usedAt }).from(apiRefreshTokens).where(eq(apiRefreshTokens.sessionId, sessionOf(live.accessToken)));
    expect(tokensLeft).toHaveLength(2);

    // The kept spent token still gives a replay away: presenting it again revokes the live sign-in.
    await expect(refreshApiSession(live.refreshToken)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(refreshApiSession(rotated.refreshToken)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
