'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCartItemCount, mergeGuestCart } from '@/lib/cart/service';
import { clearCartToken, readCartToken } from '@/lib/cart/session';
import { customerAction, publicAction } from '@/lib/http/action';
import { AppError } from '@/lib/errors';
import { type FormState, toFormState } from '@/lib/http/form-state';
import { clientIp, ipSubject, RATE_LIMITS } from '@/lib/rate-limit';
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
import type { SignInState } from './sign-in-state';
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
// account just made); the address to confirm waits in the inbox. An address that already had an account is answered
// with the inbox message only, and its owner is told by email.
const register = publicAction(
  registerSchema,
  async (input) => {
    const created = await registerUser(input);
    if (!created) return null;
    const ticket = issueSignInTicket({ userId: created.userId, sessionVersion: created.sessionVersion });
    return completeSignIn(ticket, '', created.userId, input.callbackUrl);
  },
  { rateLimit: (_input, { ip }) => [[RATE_LIMITS.registerPerIp, ip]] },
);

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await register(formData);
  if (result.ok && result.data) redirect(result.data);
  return toFormState(result, formData, 'Thanks! We sent a message to your inbox — you can now sign in.');
}

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

type PasswordStepResult = { next: 'done'; path: string } | { next: 'code'; ticket: string };

const signInStep = publicAction(signInSchema, async (input): Promise<PasswordStepResult> => {
  const ip = ipSubject(clientIp(await headers()));
  // Counted before the password is checked: a throttled client is refused even when it finally guesses right.
  const user = await authenticateWithinLimits(input.email, input.password, ip);
  if (!user) throw new AppError('unauthenticated', 'The email or password is not correct.');
  const ticket = issueSignInTicket({ userId: user.id, sessionVersion: user.sessionVersion });
  if (user.twoFactorEnabled) return { next: 'code', ticket };
  return { next: 'done', path: await completeSignIn(ticket, '', user.id, input.callbackUrl) };
});

const signInCodeStep = publicAction(signInCodeSchema, async (input) => {
  const ticket = readSignInTicket(input.ticket);
  if (!ticket) throw new AppError('unauthenticated', 'This sign-in took too long. Please enter your email and password again.');
  return completeSignIn(input.ticket, input.code, ticket.userId, input.callbackUrl);
});

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const result = await signInStep(formData);
  if (!result.ok) return toFormState(result, formData, '');
  if (result.data.next === 'code') {
    const callbackUrl = formData.get('callbackUrl');
    return { status: 'second_factor', ticket: result.data.ticket, callbackUrl: typeof callbackUrl === 'string' ? callbackUrl : '' };
  }
  redirect(result.data.path);
}

export async function signInCodeAction(prev: SignInState, formData: FormData): Promise<SignInState> {
  const result = await signInCodeStep(formData);
  if (result.ok) redirect(result.data);
  if (result.code === 'validation_failed' && prev.status === 'second_factor') {
    // Stay on the code step with the same ticket; the message sits under the code field.
    return { ...prev, error: result.fieldErrors?.code?.join(' ') ?? result.message };
  }
  return toFormState(result, formData, '');
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  // The customer's cart stays with the account; this browser has none now.
  await writeCartHint(null);
  await writeSessionHint(false);
  redirect('/');
}

const forgot = publicAction(requestResetSchema, async (input) => requestPasswordReset(input.email), {
  rateLimit: (input, { ip }) => [
    [RATE_LIMITS.resetPerEmail, input.email],
    [RATE_LIMITS.resetPerIp, ip],
  ],
});

export async function requestPasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(await forgot(formData), formData, 'If an account exists for that address, we have emailed a link to reset the password.');
}

const reset = publicAction(resetPasswordSchema, async (input) => resetPassword(input.token, input.password));

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(await reset(formData), formData, 'Your password has been changed and every session was signed out. You can sign in now.');
}

const verify = publicAction(tokenSchema, async (input) => verifyEmail(input.token));

export async function verifyEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(await verify(formData), formData, 'Thank you — your email address is confirmed.');
}

const saveProfile = customerAction(profileSchema, async (input, ctx) => updateProfile(ctx.user.id, input));

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(await saveProfile(formData), formData, 'Profile saved.');
}

const savePassword = customerAction(changePasswordSchema, async (input, ctx) =>
  withCurrentPasswordBudget(ctx.user.id, ctx.ip, () => changePassword(ctx.user.id, input.currentPassword, input.password)),
);

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await savePassword(formData);
  if (!result.ok) return toFormState(result, formData, '');
  // The password change ended every session, this one included.
  redirect('/account/sign-in?changed=1');
}

const saveEmail = customerAction(changeEmailSchema, async (input, ctx) =>
  withCurrentPasswordBudget(ctx.user.id, ctx.ip, () => changeEmail(ctx.user.id, input.currentPassword, input.email)),
);

export async function changeEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await saveEmail(formData);
  if (!result.ok) return toFormState(result, formData, '');
  // The email change ended every session, this one included; the new address has a confirmation link waiting.
  redirect('/account/sign-in?changed=email');
}
