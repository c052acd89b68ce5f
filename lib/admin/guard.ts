import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { mustEnrollTwoFactor } from '@/lib/auth/two-factor';
import { meetsPolicy } from '@/lib/http/policy';

export type AdminRole = 'staff' | 'admin';

export const TWO_FACTOR_ENROLLMENT_PATH = '/admin/security';

/** The panel's own sign-in page (app/(admin-sign-in)/admin/sign-in): no storefront around it, no sign-up. */
export const ADMIN_SIGN_IN_PATH = '/admin/sign-in';

/**
 * For every admin page (layouts are not a lock: each page calls this itself). No session → the panel's sign-in page, coming
 * back here afterwards; a customer, or staff on an admin-only page → 404, so the panel's shape is not revealed.
 * When the store requires two-factor for admins, an admin without it is sent to /admin/security — the one page (with
 * the layout around it, which passes `twoFactor: 'optional'`) that stays open so they can enroll.
 */
export async function requireStaffPage(
  role: AdminRole,
  returnTo: string,
  options: { twoFactor?: 'required' | 'optional' } = {},
): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`${ADMIN_SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!meetsPolicy(role, user)) notFound();
  const enrolling = options.twoFactor === 'optional' || returnTo === TWO_FACTOR_ENROLLMENT_PATH;
  if (!enrolling && (await mustEnrollTwoFactor(user))) redirect(`${TWO_FACTOR_ENROLLMENT_PATH}?required=1`);
  return user;
}
