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
});

export const signInSchema = z.object({
  email: emailSchema,
  // Length is not checked on sign-in: a raised minimum must never lock existing accounts out.
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
  callbackUrl: z.string().optional(),
});

export const requestResetSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: z.string().min(20).max(100), password: newPassword });
export const tokenSchema = z.object({ token: z.string().min(20).max(100) });
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), password: newPassword });
export const profileSchema = z.object({ name: z.string().trim().max(120, 'That name is too long.') });
