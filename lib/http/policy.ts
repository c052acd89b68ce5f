import { AppError } from '@/lib/errors';

/** Who may call a server action or route: anyone, any signed-in user, staff (and admins), or admins only. */
export type ActionPolicy = 'public' | 'customer' | 'staff' | 'admin';

export type Role = 'customer' | 'staff' | 'admin';

/** What the wrappers need to know of a user; the auth domain's session user satisfies it. */
export type Principal = { id: string; role: Role };

/**
 * The session, as the wrappers see it. lib/http is infrastructure and imports no domain: the auth domain builds the
 * wrappers over its session and two-factor rule (lib/auth/guards.ts), so every action and route shares one core.
 */
export type AccessPort<U extends Principal> = {
  /** Routes pass the request (a bearer credential travels in its headers); server actions have none. */
  currentUser(request?: Request): Promise<U | null>;
  /** True when the store requires two-factor for admins and this user has not enrolled yet. */
  mustEnrollTwoFactor(user: U): Promise<boolean>;
};

/** Whether a user holds a role at least as strong as `policy` (admin ⊃ staff ⊃ customer). */
export function meetsPolicy(policy: ActionPolicy, user: Pick<Principal, 'role'> | null): boolean {
  if (policy === 'public') return true;
  if (!user) return false;
  if (policy === 'customer') return true;
  if (policy === 'staff') return user.role === 'staff' || user.role === 'admin';
  return user.role === 'admin';
}

/** Throws 401 without a user and 403 when the user's role is too weak. */
export function authorise(policy: ActionPolicy, user: Pick<Principal, 'role'> | null): void {
  if (policy === 'public') return;
  if (!user) throw new AppError('unauthenticated', 'Please sign in to continue.');
  if (!meetsPolicy(policy, user)) throw new AppError('forbidden', 'You do not have access to this.');
}

export const isStaffPolicy = (policy: ActionPolicy): boolean => policy === 'staff' || policy === 'admin';

/**
 * The one admission core of actions and routes: session → role → (staff/admin) two-factor enrollment.
 * `allowWithoutTwoFactor` is for the enrollment steps themselves.
 */
export async function admit<U extends Principal>(
  access: AccessPort<U>,
  policy: ActionPolicy,
  { allowWithoutTwoFactor = false, request }: { allowWithoutTwoFactor?: boolean; request?: Request } = {},
): Promise<U | null> {
  const user = await access.currentUser(request);
  authorise(policy, user);
  if (isStaffPolicy(policy) && !allowWithoutTwoFactor && user && (await access.mustEnrollTwoFactor(user))) {
    throw new AppError('forbidden', 'The store requires two-factor authentication for admins. Set it up under Your security first.');
  }
  return user;
}
