import 'server-only';
import type { Executor } from '@/db/client';
import { sendEmail } from '@/lib/email/service';
import { env } from '@/lib/env';

// Security notices (issue 14, finding 6): the account's owner hears about every change to how the account is
// signed into — password reset or change, email change (at the *old* address), two-factor on or off — so a change
// they did not make does not go unnoticed. Queued on the caller's executor: inside the change's transaction the
// notice commits with it (and the outbox delivers it), and a change rolled back sends nothing.
// Plain text like the store's other account emails; nothing in them signs anyone in.

const link = (path: string) => new URL(path, env.SITE_URL).toString();

function when(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const NOT_YOU = () =>
  `If this was not you, reset your password now: ${link('/account/forgot-password')} — and reply to this email so we can help.`;

export async function notifyPasswordChanged(executor: Executor, email: string, how: 'reset' | 'change', at = new Date()): Promise<void> {
  await sendEmail(
    {
      to: email,
      subject: 'Your password was changed',
      template: 'password_changed',
      text: `The password of your account (${email}) was changed ${how === 'reset' ? 'with a reset link' : 'in your account settings'} on ${when(at)}. Every session was signed out.\n\nIf this was you, there is nothing to do.\n\n${NOT_YOU()}`,
    },
    executor,
  );
}

export async function notifyEmailChanged(executor: Executor, oldEmail: string, newEmail: string, at = new Date()): Promise<void> {
  // To the old address: the one the owner still reads if someone else took the account over.
  await sendEmail(
    {
      to: oldEmail,
      subject: 'Your email address was changed',
      template: 'email_changed',
      text: `The email address of your account was changed from ${oldEmail} to ${maskEmail(newEmail)} on ${when(at)}. Every session was signed out; the account now signs in with the new address.\n\nIf this was you, there is nothing to do.\n\nIf this was not you, reply to this email at once so we can restore your account.`,
    },
    executor,
  );
}

export async function notifyTwoFactorChanged(executor: Executor, email: string, enabled: boolean, at = new Date()): Promise<void> {
  await sendEmail(
    {
      to: email,
      subject: enabled ? 'Two-factor authentication was turned on' : 'Two-factor authentication was turned off',
      template: enabled ? 'two_factor_enabled' : 'two_factor_disabled',
      text: enabled
        ? `Two-factor authentication was turned on for your account (${email}) on ${when(at)}. Signing in now also asks for a code from your authenticator app (or a recovery code).\n\n${NOT_YOU()}`
        : `Two-factor authentication was turned off for your account (${email}) on ${when(at)}. Signing in now needs only your password.\n\n${NOT_YOU()}`,
    },
    executor,
  );
}

/** "a•••@example.com": enough for the owner to recognise, not a gift to whoever reads the old inbox. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}
