'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCartItemCount, mergeGuestCart } from '@/lib/cart/service';
import { clearCartToken, readCartToken } from '@/lib/cart/session';
import { customerAction, publicAction } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { clientIp, ipSubject } from '@/lib/rate-limit';
import { safeReturnPath } from '@/lib/http/safe-redirect';
import { writeCartHint, writeSessionHint } from '@/lib/store/hints';
import { signIn, signOut } from './config';
import { authenticateWithinLimits, withCurrentPasswordBudget, withSignInBudget } from './throttle';
import {
  changeEmailSchema,
  changePasswordSchema,
  profileSchema,
  registerSchema,
  requestResetSchema,
  resetPasswordSchema,
  signInCodeSchema,
  signInSchema,
  tokenSchema,
} from './schemas';
import { passwordResetLimits, registerLimits } from './limits';
import { issueSignInTicket, readSignInTicket } from './two-factor-crypto';
import {
  changeEmail,
  changePassword,
  registerUser,
  requestPasswordReset,
  resetPassword,
  updateProfile,
  verifyEmail,
} from './service';

// A new account is signed in at once (through the same credentials provider as a sign-in, with a ticket for the
// account just made) and lands where it was going; the address to confirm waits in the inbox. An address that already
// had an account gets the inbox message only, and its owner an email saying so.
export const registerAction = publicAction(
  registerSchema,
  async (input) => {
    const created = await registerUser(input);
    if (!created) return;
    const ticket = issueSignInTicket({ userId: created.userId, sessionVersion: created.sessionVersion });
    redirect(await completeSignIn(ticket, '', created.userId, input.callbackUrl));
  },
  { rateLimit: registerLimits, successMessage: 'Thanks! We sent a message to your inbox — you can now sign in.' },
);

// Sign-in is one or two steps. The password is checked here once; an account with two-factor on then gets the code
// step, carrying a signed five-minute ticket instead of the password. Either way the session is made only by the
// credentials provider (config.ts), which checks the ticket and — for two-factor accounts — the code itself.
async function completeSignIn(ticket: string, code: string, userId: string, callbackUrl: string | undefined): Promise<string> {
  const ip = ipSubject(clientIp(await headers()));
  // Code guesses spend the sign-in budget of the account (by id: the code step has no email) at this address, and
  // of the address — reserved before next-auth checks the code, given back when it was right.
  const signedIn = await withSignInBudget(`user:${userId}`, ip, async () => {
    try {
      await signIn('credentials', { ticket, code, redirect: false });
      return true;
    } catch (error) {
      if (error instanceof AuthError) return null;
      throw error;
    }
  });
  if (!signedIn) {
    const message = 'That code is not correct or was already used. Wait for a new code and try again.';
    throw new AppError('validation_failed', message, { fieldErrors: { code: [message] } });
  }
  // The guest cart joins the customer's cart; the guest token is retired and its cookie removed.
  const guestToken = await readCartToken();
  if (guestToken) await mergeGuestCart(guestToken, userId);
  await clearCartToken();
  // The header now shows the customer's cart and account link.
  await writeCartHint(await getCartItemCount({ userId }));
  await writeSessionHint(true);
  return safeReturnPath(callbackUrl);
}

/** A two-factor account's password step: the code step carries this ticket instead of the password. */
export type SecondFactorStep = { ticket: string; callbackUrl: string };

export const signInAction = publicAction(signInSchema, async (input): Promise<SecondFactorStep> => {
  const ip = ipSubject(clientIp(await headers()));
  // Counted before the password is checked: a throttled client is refused even when it finally guesses right.
  const user = await authenticateWithinLimits(input.email, input.password, ip);
  if (!user) throw new AppError('unauthenticated', 'The email or password is not correct.');
  const ticket = issueSignInTicket({ userId: user.id, sessionVersion: user.sessionVersion });
  if (user.twoFactorEnabled) return { ticket, callbackUrl: input.callbackUrl ?? '' };
  redirect(await completeSignIn(ticket, '', user.id, input.callbackUrl));
});

export const signInCodeAction = publicAction(signInCodeSchema, async (input): Promise<never> => {
  const ticket = readSignInTicket(input.ticket);
  if (!ticket) throw new AppError('unauthenticated', 'This sign-in took too long. Please enter your email and password again.');
  redirect(await completeSignIn(input.ticket, input.code, ticket.userId, input.callbackUrl));
});

async function endSession(): Promise<void> {
  await signOut({ redirect: false });
  // The customer's cart stays with the account; this browser has none now.
  await writeCartHint(null);
  await writeSessionHint(false);
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect('/');
}

/** Signing out of the admin panel lands on the admin's own sign-in page, not the storefront. */
export async function adminSignOutAction(): Promise<void> {
  await endSession();
  redirect('/admin/sign-in');
}

export const requestPasswordResetAction = publicAction(requestResetSchema, async (input) => requestPasswordReset(input.email), {
  rateLimit: passwordResetLimits,
  successMessage: 'If an account exists for that address, we have emailed a link to reset the password.',
});

export const resetPasswordAction = publicAction(resetPasswordSchema, async (input) => resetPassword(input.token, input.password), {
  successMessage: 'Your password has been changed and every session was signed out. You can sign in now.',
});

export const verifyEmailAction = publicAction(tokenSchema, async (input) => verifyEmail(input.token), {
  successMessage: 'Thank you — your email address is confirmed.',
});

export const updateProfileAction = customerAction(profileSchema, async (input, ctx) => updateProfile(ctx.user.id, input), {
  successMessage: 'Profile saved.',
});

export const changePasswordAction = customerAction(changePasswordSchema, async (input, ctx) => {
  await withCurrentPasswordBudget(ctx.user.id, ctx.ip, () => changePassword(ctx.user.id, input.currentPassword, input.password));
  // The password change ended every session, this one included.
  redirect('/account/sign-in?changed=1');
});

export const changeEmailAction = customerAction(changeEmailSchema, async (input, ctx) => {
  await withCurrentPasswordBudget(ctx.user.id, ctx.ip, () => changeEmail(ctx.user.id, input.currentPassword, input.email));
  // The email change ended every session, this one included; the new address has a confirmation link waiting.
  redirect('/account/sign-in?changed=email');
});
