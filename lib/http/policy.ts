import type { SessionUser } from '@/lib/auth/session-types';
import { AppError } from '@/lib/errors';

/** Who may call a server action or route: anyone, any signed-in user, staff (and admins), or admins only. */
export type ActionPolicy = 'public' | 'customer' | 'staff' | 'admin';

/** Whether a user holds a role at least as strong as `policy` (admin ⊃ staff ⊃ customer). */
export function meetsPolicy(policy: ActionPolicy, user: Pick<SessionUser, 'role'> | null): boolean {
  if (policy === 'public') return true;
  if (!user) return false;
  if (policy === 'customer') return true;
  if (policy === 'staff') return user.role === 'staff' || user.role === 'admin';
  return user.role === 'admin';
}

/** Throws 401 without a user and 403 when the user's role is too weak. */
export function authorise(policy: ActionPolicy, user: Pick<SessionUser, 'role'> | null): void {
  if (policy === 'public') return;
  if (!user) throw new AppError('unauthenticated', 'Please sign in to continue.');
  if (!meetsPolicy(policy, user)) throw new AppError('forbidden', 'You do not have access to this.');
}
