import 'server-only';
import { AppError } from '@/lib/errors';
import { RATE_LIMITS, type RateLimitPolicy, reserveAttempt, withAttemptBudget } from '@/lib/rate-limit';
import { normaliseEmail } from './email';
import { authenticateCredentials, type AuthenticatedUser } from './service';

// Sign-in throttling: failures only, per account at an address and per address (policies in
// lib/rate-limit/policies.ts). A unit is reserved *before* the password or code is looked at and given back
// only when it was right, so a throttled client is refused even when it finally sends the right password, and a
// burst of concurrent guesses gets no more checks than the limit (issue 14, finding 2: the old peek-before /
// count-after let ~30 of a 50-request burst be checked). With Redis down these fall back to per-process counts.

const accountAtIp = (subject: string, ip: string) => `${normaliseEmail(subject)}|${ip}`;

function signInLimits(subject: string, ip: string): [RateLimitPolicy, string][] {
  return [
    [RATE_LIMITS.signInFailuresPerAccountIp, accountAtIp(subject, ip)],
    [RATE_LIMITS.signInFailuresPerIp, ip],
  ];
}

/**
 * Runs one sign-in check (`subject` is the email, or `user:<id>` for the code step) inside the sign-in budget.
 * `check` answers null for a wrong secret (the unit stays spent) and a value when right (the unit is given back).
 * Throws AppError('rate_limited') without running `check` when the budget is used up.
 */
export function withSignInBudget<T>(subject: string, ip: string, check: () => Promise<T | null>): Promise<T | null> {
  return withAttemptBudget(signInLimits(subject, ip), check);
}

/** The password step: email and password checked within the sign-in budget. Null when wrong. */
export function authenticateWithinLimits(email: string, password: string, ip: string): Promise<AuthenticatedUser | null> {
  return withSignInBudget(email, ip, () => authenticateCredentials(email, password));
}

/**
 * A change a signed-in user proves with a secret (a two-factor code, the current password): the secret's check runs
 * inside `limits`. Only a wrong secret — the service's validation_failed on `field` — keeps the unit spent; success
 * and any other refusal (a weak new password, say) give it back.
 */
async function withProofBudget<T>(limits: [RateLimitPolicy, string][], field: string, change: () => Promise<T>): Promise<T> {
  const reservation = await reserveAttempt(limits);
  try {
    const result = await change();
    await reservation.release();
    return result;
  } catch (error) {
    const wrongSecret = error instanceof AppError && error.code === 'validation_failed' && Boolean(error.fieldErrors?.[field]);
    if (!wrongSecret) await reservation.release();
    throw error;
  }
}

/** Two-factor settings (confirm setup, new recovery codes, turn off): codes counted per user. */
export function withTwoFactorCodeBudget<T>(userId: string, change: () => Promise<T>): Promise<T> {
  return withProofBudget([[RATE_LIMITS.twoFactorCodeFailuresPerUser, userId]], 'code', change);
}

/**
 * Changes proven with the current password (password or email change): the same budget as signing in to this
 * account from this address, so a stolen session is no faster a password oracle than the sign-in form.
 */
export function withCurrentPasswordBudget<T>(userId: string, ip: string, change: () => Promise<T>): Promise<T> {
  return withProofBudget(signInLimits(`user:${userId}`, ip), 'currentPassword', change);
}
