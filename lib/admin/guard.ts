import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { meetsPolicy } from '@/lib/http/policy';

export type AdminRole = 'staff' | 'admin';

/**
 * For every admin page (layouts are not a lock: each page calls this itself). No session → the sign-in page, coming
 * back here afterwards; a customer, or staff on an admin-only page → 404, so the panel's shape is not revealed.
 */
export async function requireStaffPage(role: AdminRole, returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/account/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!meetsPolicy(role, user)) notFound();
  return user;
}
