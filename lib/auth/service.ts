import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { authTokens, users, type AuthTokenPurpose } from '@/db/schema';
import { composeEmail } from '@/lib/email/compose';
import { addressed, sendEmail } from '@/lib/email/service';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { normaliseEmail } from './email';
import { notifyEmailChanged, notifyPasswordChanged } from './notifications';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './password';
import { assertAcceptableNewPassword } from './password-strength';
import type { SessionUser } from './session-types';
import { claimGuestOrders } from '@/lib/customers/guests';
import { enqueueWebhookEvent } from '@/lib/webhooks/enqueue';

// Accounts: registration, credential checks, password reset and email verification.
// Answers and timing never reveal whether an email address has an account.

const RESET_TTL_MS = 60 * 60 * 1000;
const VERIFY_TTL_MS = 24 * 60 * 60 * 1000;
/** A staff invitation is a first password link; people need longer than an hour to get to it. */
const INVITE_TTL_MS = 72 * 60 * 60 * 1000;

export type AuthenticatedUser = SessionUser & { sessionVersion: number; twoFactorEnabled: boolean };

// A real argon2id hash of a random password, made once: unknown emails are verified against it so that
// "no such account" costs the same time as "wrong password".
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

async function issueToken(executor: Executor, userId: string, purpose: AuthTokenPurpose, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await executor.insert(authTokens).values({ userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

/** Consumes a single-use token: only one caller ever gets the user id back, and only before it expires. */
async function consumeToken(executor: Executor, token: string, purpose: AuthTokenPurpose): Promise<string | null> {
  const [row] = await executor
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: authTokens.userId });
  return row?.userId ?? null;
}

function siteLink(path: string): string {
  return new URL(path, env.SITE_URL).toString();
}

export async function sendVerificationEmail(userId: string, email: string, executor: Executor = db): Promise<void> {
  // Like reset links, only the newest verification link works (it may be for a newer address).
  await voidOutstandingTokens(userId, executor, 'email_verification');
  const token = await issueToken(executor, userId, 'email_verification', VERIFY_TTL_MS);
  await sendEmail(addressed(email, await composeEmail('email_verification', { url: siteLink(`/account/verify-email?token=${token}`) }, executor)), executor);
}

/**
 * Creates a customer account. An address that already has one gets an email instead (sign in or reset), and the
 * caller shows the same answer either way, so registration cannot be used to probe for accounts.
 */
/**
 * Creates a customer account. Answers the new account (to sign it in) or null when the address already had one — the
 * owner is told by email, and the caller answers as if nothing happened.
 */
export async function registerUser(
  input: { name: string; email: string; password: string },
  executor: Executor = db,
): Promise<{ userId: string; sessionVersion: number } | null> {
  const email = normaliseEmail(input.email);
  // Refused the same way whether or not the address has an account, so this says nothing about accounts.
  await assertAcceptableNewPassword(input.password, [email, input.name]);
  const passwordHash = await hashPassword(input.password);
  const created = await executor.transaction(async (tx) => {
    // An email that bought as a guest already has a customer record (no password): registering adopts it, with its
    // orders counted in the admin. Its orders reach "My orders" only once the address is verified (claimGuestOrders),
    // so registering someone else's email shows nothing of theirs. Any other existing row is left alone.
    const [row] = await tx
      .insert(users)
      .values({ email, name: input.name, passwordHash, role: 'customer' })
      .onConflictDoUpdate({
        target: users.email,
        set: { name: input.name, passwordHash },
        setWhere: and(isNull(users.passwordHash), eq(users.role, 'customer'), isNull(users.erasedAt), eq(users.status, 'active')),
      })
      // xmax is 0 on a freshly inserted row version; an adopted guest record was announced when it was created.
      .returning({ id: users.id, sessionVersion: users.sessionVersion, inserted: sql<boolean>`(xmax = 0)` });
    if (row?.inserted) await enqueueWebhookEvent(tx, 'customer.created', { kind: 'customer', id: row.id });
    return row;
  });
  if (created) {
    await sendVerificationEmail(created.id, email, executor);
    return { userId: created.id, sessionVersion: created.sessionVersion };
  }
  const message = await composeEmail('account_exists', { signInUrl: siteLink('/account/sign-in'), resetUrl: siteLink('/account/forgot-password') }, executor);
  await sendEmail(addressed(email, message), executor);
  return null;
}

/** Checks an email and password. Null for any failure, after the same argon2 work in every case. */
export async function authenticateCredentials(emailInput: string, password: string, executor: Executor = db): Promise<AuthenticatedUser | null> {
  const email = normaliseEmail(emailInput);
  const [user] = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !user.passwordHash || !valid || user.status !== 'active') return null;
  const updates: Partial<typeof users.$inferInsert> = { lastSignInAt: new Date() };
  if (passwordNeedsRehash(user.passwordHash)) updates.passwordHash = await hashPassword(password);
  await executor.update(users).set(updates).where(eq(users.id, user.id));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
    twoFactorEnabled: user.totpEnabledAt !== null,
  };
}

/** The user a sign-in ticket names, if still active and on the same session version as when the password was checked. */
export async function resolveTicketUser(userId: string, sessionVersion: number, executor: Executor = db): Promise<AuthenticatedUser | null> {
  const [user] = await executor
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, sessionVersion: users.sessionVersion, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, 'active'), eq(users.sessionVersion, sessionVersion)));
  if (!user) return null;
  const { totpEnabledAt, ...rest } = user;
  return { ...rest, twoFactorEnabled: totpEnabledAt !== null };
}

/**
 * The check behind every authenticated request: the session's user must still exist, be active, and carry the
 * current session version. Disabling, demoting or a password change bumps the version and ends old sessions.
 */
export async function resolveSessionUser(userId: string, sessionVersion: number, executor: Executor = db): Promise<SessionUser | null> {
  const [user] = await executor
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, 'active'), eq(users.sessionVersion, sessionVersion)));
  return user ?? null;
}

/**
 * Voids every emailed link of a user still outstanding (password reset, email verification), or only those of one
 * purpose. Issue 14, findings 3/4: a reset link must not outlive a password change, a newer link, a disabled
 * account, a role change or an email change — each of those calls this in its own transaction.
 */
export async function voidOutstandingTokens(userId: string, executor: Executor = db, purpose?: AuthTokenPurpose): Promise<void> {
  await executor
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.userId, userId), isNull(authTokens.usedAt), purpose ? eq(authTokens.purpose, purpose) : undefined));
}

/**
 * Ends every session of a user, and voids their outstanding emailed links with them (disable, demotion and
 * password changes call this in their own transaction): whatever ends a session must not leave a way back in.
 */
export async function endAllSessions(userId: string, executor: Executor = db): Promise<void> {
  await executor.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
  await voidOutstandingTokens(userId, executor);
}

/**
 * Always "sent" to the caller; an active account gets a link — including a guest buyer's customer record, which can
 * set its first password this way (the link proves the address).
 */
export async function requestPasswordReset(emailInput: string, executor: Executor = db): Promise<void> {
  const email = normaliseEmail(emailInput);
  const [user] = await executor
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(eq(users.email, email));
  if (!user || user.status !== 'active') {
    logger.info('password reset requested for an unknown or inactive account');
    return;
  }
  // Only the newest link works: an older one (perhaps still sitting in a forwarded or leaked mail) dies now.
  const token = await executor.transaction(async (tx) => {
    await voidOutstandingTokens(user.id, tx, 'password_reset');
    return issueToken(tx, user.id, 'password_reset', RESET_TTL_MS);
  });
  await sendEmail(addressed(email, await composeEmail('password_reset', { url: siteLink(`/account/reset-password?token=${token}`) }, executor)), executor);
}

/**
 * Invites a new staff member to choose their first password: a password-reset link that lasts 72 hours, in the
 * invitation email (who invited them, to which role).
 */
export async function sendStaffInvitation(userId: string, email: string, role: 'staff' | 'admin', invitedBy: string, executor: Executor = db): Promise<void> {
  const token = await executor.transaction(async (tx) => {
    await voidOutstandingTokens(userId, tx, 'password_reset');
    return issueToken(tx, userId, 'password_reset', INVITE_TTL_MS);
  });
  const message = await composeEmail('staff_invite', { url: siteLink(`/account/reset-password?token=${token}`), role, invitedBy }, executor);
  await sendEmail(addressed(email, message), executor);
}

/** Sets a new password with a reset token: single use, one hour, and every existing session ends. */
export async function resetPassword(token: string, password: string, executor: Executor = db): Promise<void> {
  // Checked before the link is spent, so a refused password leaves the link usable for a better one.
  const [holder] = await executor
    .select({ email: users.email, name: users.name })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, 'password_reset'), isNull(authTokens.usedAt), gt(authTokens.expiresAt, new Date())));
  if (!holder) throw new AppError('bad_request', 'This reset link is invalid or has expired. Ask for a new one.');
  await assertAcceptableNewPassword(password, [holder.email, holder.name]);
  const passwordHash = await hashPassword(password);
  await executor.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, 'password_reset');
    if (!userId) throw new AppError('bad_request', 'This reset link is invalid or has expired. Ask for a new one.');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    // The link went to this address, which proves it: guest orders placed with it now belong to the account.
    await claimGuestOrders(tx, userId);
    // Every session ends, and any other outstanding link dies with this one.
    await endAllSessions(userId, tx);
    await notifyPasswordChanged(tx, holder.email, 'reset');
  });
}

export async function changePassword(userId: string, currentPassword: string, password: string, executor: Executor = db): Promise<void> {
  const [user] = await executor.select({ passwordHash: users.passwordHash, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('validation_failed', 'Your current password is not correct.', {
      fieldErrors: { currentPassword: ['Your current password is not correct.'] },
    });
  }
  await assertAcceptableNewPassword(password, [user.email, user.name]);
  const passwordHash = await hashPassword(password);
  await executor.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    // Sessions end, and a reset link asked for earlier no longer works (issue 14, finding 3).
    await endAllSessions(userId, tx);
    await notifyPasswordChanged(tx, user.email, 'change');
  });
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}

/**
 * Moves an account to another email address, proven with the current password. The new address must be confirmed
 * again (a verification link goes there); the old address is told (finding 6); every session ends and every link
 * sent to the old address dies (finding 3), so whoever changed it signs in again with the new address.
 */
export async function changeEmail(userId: string, currentPassword: string, newEmailInput: string, executor: Executor = db): Promise<void> {
  const newEmail = normaliseEmail(newEmailInput);
  const [user] = await executor.select({ passwordHash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('validation_failed', 'Your current password is not correct.', {
      fieldErrors: { currentPassword: ['Your current password is not correct.'] },
    });
  }
  if (newEmail === user.email) {
    throw new AppError('validation_failed', 'That is already your email address.', { fieldErrors: { email: ['That is already your email address.'] } });
  }
  try {
    await executor.transaction(async (tx) => {
      await tx.update(users).set({ email: newEmail, emailVerifiedAt: null }).where(eq(users.id, userId));
      await endAllSessions(userId, tx);
      await notifyEmailChanged(tx, user.email, newEmail);
      await sendVerificationEmail(userId, newEmail, tx);
    });
  } catch (error) {
    // Only someone holding this account's password learns that the other address has an account.
    if (!isUniqueViolation(error)) throw error;
    const message = 'Another account already uses this email address.';
    throw new AppError('validation_failed', message, { fieldErrors: { email: [message] } });
  }
}

export async function verifyEmail(token: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, 'email_verification');
    if (!userId) throw new AppError('bad_request', 'This verification link is invalid or has expired.');
    await tx.update(users).set({ emailVerifiedAt: new Date() }).where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
    // Proven now: the orders this address placed as a guest join the account.
    await claimGuestOrders(tx, userId);
  });
}

export type Profile = { id: string; email: string; name: string; emailVerified: boolean; createdAt: Date };

export async function getProfile(userId: string, executor: Executor = db): Promise<Profile | null> {
  const [row] = await executor
    .select({ id: users.id, email: users.email, name: users.name, emailVerifiedAt: users.emailVerifiedAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  return row ? { id: row.id, email: row.email, name: row.name, emailVerified: row.emailVerifiedAt !== null, createdAt: row.createdAt } : null;
}

export async function updateProfile(userId: string, input: { name: string }, executor: Executor = db): Promise<void> {
  await executor.update(users).set({ name: input.name }).where(eq(users.id, userId));
}

export async function getUserIdByEmail(emailInput: string, executor: Executor = db): Promise<string | null> {
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(users.email, normaliseEmail(emailInput)));
  return row?.id ?? null;
}
