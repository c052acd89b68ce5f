'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { mergeGuestCart } from '@/lib/cart/service';
import { clearCartToken, readCartToken } from '@/lib/cart/session';
import { customerAction, publicAction } from '@/lib/http/action';
import { AppError } from '@/lib/http/errors';
import { type FormState, toFormState } from '@/lib/http/form-state';
import { safeReturnPath } from '@/lib/http/safe-redirect';
import { clientIp, ipSubject, RATE_LIMITS } from '@/lib/http/rate-limit';
import { signIn, signOut } from './config';
import { assertSignInAllowed, recordSignInFailure } from './throttle';
import {
  changePasswordSchema,
  profileSchema,
  registerSchema,
  requestResetSchema,
  resetPasswordSchema,
  signInSchema,
  tokenSchema,
} from './schemas';
import {
  changePassword,
  getUserIdByEmail,
  registerUser,
  requestPasswordReset,
  resetPassword,
  updateProfile,
  verifyEmail,
} from './service';

const register = publicAction(registerSchema, async (input) => registerUser(input), {
  rateLimit: (_input, { ip }) => [[RATE_LIMITS.registerPerIp, ip]],
});

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // One answer whether or not the address already had an account; the inbox tells the owner which it was.
  return toFormState(await register(formData), formData, 'Thanks! We sent a message to your inbox — you can now sign in.');
}

const signInStep = publicAction(signInSchema, async (input) => {
  const ip = ipSubject(clientIp(await headers()));
  await assertSignInAllowed(input.email, ip);
  try {
    await signIn('credentials', { email: input.email, password: input.password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      await recordSignInFailure(input.email, ip);
      throw new AppError('unauthenticated', 'The email or password is not correct.');
    }
    throw error;
  }
  // The guest cart joins the customer's cart; the guest token is retired and its cookie removed.
  const userId = await getUserIdByEmail(input.email);
  const guestToken = await readCartToken();
  if (userId && guestToken) await mergeGuestCart(guestToken, userId);
  await clearCartToken();
  return safeReturnPath(input.callbackUrl);
});

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await signInStep(formData);
  if (!result.ok) return toFormState(result, formData, '');
  redirect(result.data);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
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
  changePassword(ctx.user.id, input.currentPassword, input.password),
);

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await savePassword(formData);
  if (!result.ok) return toFormState(result, formData, '');
  // The password change ended every session, this one included.
  redirect('/account/sign-in?changed=1');
}
