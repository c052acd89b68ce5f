import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';
import { emailSchema } from './email';

const newPassword = z
  .string()
  .refine((value) => [...value.normalize('NFKC')].length >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .refine((value) => [...value.normalize('NFKC')].length <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const registerSchema = z.object({
  name: z.string().trim().max(120, 'That name is too long.').default(''),
  email: emailSchema,
  password: newPassword,
  /** Where to go once the new account is signed in (checked by safeReturnPath). */
  callbackUrl: z.string().max(2000).optional(),
});

export const signInSchema = z.object({
  email: emailSchema,
  // Length is not checked on sign-in: a raised minimum must never lock existing accounts out.
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
  callbackUrl: z.string().optional(),
});

/** A TOTP code ("123 456") or a recovery code ("k7m2p-x9qrt"). */
export const secondFactorCodeSchema = z.string().trim().min(6, 'Enter the 6-digit code or a recovery code.').max(20, 'That code is too long.');

/** The second sign-in step: the ticket from the password step and a code. */
export const signInCodeSchema = z.object({
  ticket: z.string().min(1).max(500),
  code: secondFactorCodeSchema,
  callbackUrl: z.string().optional(),
});

/** What the credentials provider accepts: email + password (+ code), or a password-step ticket + code. */
export const credentialsSchema = z.union([
  z.object({ ticket: z.string().min(1).max(500), code: z.string().max(20).optional() }),
  z.object({ email: emailSchema, password: z.string().min(1).max(PASSWORD_MAX_LENGTH), code: z.string().max(20).optional() }),
]);

export const requestResetSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: z.string().min(20).max(100), password: newPassword });
export const tokenSchema = z.object({ token: z.string().min(20).max(100) });
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), password: newPassword });
export const profileSchema = z.object({ name: z.string().trim().max(120, 'That name is too long.') });
export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX_LENGTH) });

/** Store API registration: the web form's fields and password rules, without its redirect target. */
export const apiRegisterSchema = registerSchema.omit({ callbackUrl: true });

/** Store API sign-in: email and password, and the second factor for accounts that have one on. */
export const apiSignInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
  code: secondFactorCodeSchema.optional(),
});

export const apiRefreshSchema = z.object({ refreshToken: z.string().min(1).max(200) });

/** What a Store API sign-in or refresh answers. */
export const apiTokensSchema = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string().describe('Send as "Authorization: Bearer <accessToken>"'),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
  refreshToken: z.string().describe('One use: POST it to /auth/refresh for a new pair. Presenting a used one again signs the whole sign-in out'),
  refreshExpiresIn: z.number().int().describe('Seconds until the refresh token expires unused'),
});

/** The signed-in customer, as the Store API shows them. */
export const customerProfileSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string(), emailVerified: z.boolean() });
