import 'server-only';
import { assertUnderLimit, countAttempt, RATE_LIMITS } from '@/lib/http/rate-limit';
import { normaliseEmail } from './email';

// Sign-in throttling: failures only, per account at an address and per address (policies in
// lib/http/rate-limit-policies.ts). The check runs *before* the password is looked at, so a throttled client is
// refused even when it finally sends the right password. With Redis down these fall back to per-process counts.

const accountAtIp = (email: string, ip: string) => `${normaliseEmail(email)}|${ip}`;

/** Throws AppError('rate_limited') when this account at this address, or this address, used up its failures. */
export async function assertSignInAllowed(email: string, ip: string): Promise<void> {
  await assertUnderLimit(RATE_LIMITS.signInFailuresPerAccountIp, accountAtIp(email, ip));
  await assertUnderLimit(RATE_LIMITS.signInFailuresPerIp, ip);
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await countAttempt(RATE_LIMITS.signInFailuresPerAccountIp, accountAtIp(email, ip));
  await countAttempt(RATE_LIMITS.signInFailuresPerIp, ip);
}
