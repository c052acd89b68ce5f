import 'server-only';

export type SessionUser = { id: string; email: string; name: string; role: 'customer' | 'staff' | 'admin' };

/** The signed-in user for this request, or null. Replaced by the next-auth session check (see lib/auth/config.ts). */
export async function getSessionUser(): Promise<SessionUser | null> {
  return null;
}
