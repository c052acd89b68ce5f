import { z } from 'zod';

/** The one form of an email address we store and compare: trimmed, NFKC-normalised, lower case. */
export function normaliseEmail(input: string): string {
  return input.normalize('NFKC').trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .transform(normaliseEmail)
  .pipe(z.email('Enter a valid email address.').max(254, 'That email address is too long.'));
