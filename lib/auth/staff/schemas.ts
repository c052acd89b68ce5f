import { z } from 'zod';
import { emailSchema } from '@/lib/auth/email';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';

const staffRole = z.enum(['staff', 'admin'], 'Choose staff or admin.');

export const createStaffSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name.').max(120, 'That name is too long.'),
  role: staffRole,
  // Empty: the new member gets an email with a link to choose their own password (the password reset flow).
  password: z
    .string()
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
    .refine((value) => value === '' || [...value.normalize('NFKC')].length >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters, or leave it empty to send a link.`)
    .default(''),
});

export const changeStaffRoleSchema = z.object({
  id: z.uuid('Unknown staff member.'),
  // "customer" removes someone from the staff; their account stays.
  role: z.enum(['staff', 'admin', 'customer'], 'Choose a role.'),
});

export const staffStatusSchema = z.object({
  id: z.uuid('Unknown staff member.'),
  status: z.enum(['active', 'disabled'], 'Choose active or disabled.'),
});

export type CreateStaffInput = z.infer<typeof createStaffSchema>;
