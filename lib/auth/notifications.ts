import 'server-only';
import type { Executor } from '@/db/client';
import { composeEmail } from '@/lib/email/compose';
import { addressed, sendEmail } from '@/lib/email/service';
import { env } from '@/lib/env';

// Security notices (issue 14, finding 6): the account's owner hears about every change to how the account is
// signed into — password reset or change, email change (at the *old* address), two-factor on or off — so a change
// they did not make does not go unnoticed. Queued on the caller's executor: inside the change's transaction the
// notice commits with it (and the outbox delivers it), and a change rolled back sends nothing.
// Branded like every email (lib/email/templates), with a plain-text part; nothing in them signs anyone in.

const link = (path: string) => new URL(path, env.SITE_URL).toString();

function when(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export async function notifyPasswordChanged(executor: Executor, email: string, how: 'reset' | 'change', at = new Date()): Promise<void> {
  const message = await composeEmail('password_changed', { email, how, at: when(at), resetUrl: link('/account/forgot-password') }, executor);
  await sendEmail(addressed(email, message), executor);
}

export async function notifyEmailChanged(executor: Executor, oldEmail: string, newEmail: string, at = new Date()): Promise<void> {
  // To the old address: the one the owner still reads if someone else took the account over.
  const message = await composeEmail('email_changed', { email: oldEmail, newEmailMasked: maskEmail(newEmail), at: when(at), resetUrl: link('/account/forgot-password') }, executor);
  await sendEmail(addressed(oldEmail, message), executor);
}

export async function notifyTwoFactorChanged(executor: Executor, email: string, enabled: boolean, at = new Date()): Promise<void> {
  const message = await composeEmail(enabled ? 'two_factor_enabled' : 'two_factor_disabled', { email, enabled, at: when(at), resetUrl: link('/account/forgot-password') }, executor);
  await sendEmail(addressed(email, message), executor);
}

/** "a•••@example.com": enough for the owner to recognise, not a gift to whoever reads the old inbox. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}
