import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from './config';
import { resolveSessionUser } from './service';
import type { SessionUser } from './session-types';

export type { SessionUser } from './session-types';

/**
 * The signed-in user for this request, or null. The JWT alone is not trusted: the user must still be active and
 * the token's sessionVersion must equal the database's, so a disable, demotion or password change ends it at once.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId || typeof session.sessionVersion !== 'number') return null;
  return resolveSessionUser(session.userId, session.sessionVersion);
});

/** For account pages: the user, or a redirect to sign-in. The data queries still scope by this user's id. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/account/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
