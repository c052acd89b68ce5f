import { z } from 'zod';

/** Deleting one's own account: the password again, and an explicit tick that it cannot be undone. */
export const deleteAccountSchema = z.object({
  password: z.string().min(1, 'Enter your password to confirm.').max(1024),
  confirm: z.literal('on', 'Tick the box to confirm that this cannot be undone.'),
});

/** An admin erasing a customer on request types the customer's email, so the wrong row cannot be erased by a slip. */
export const staffEraseCustomerSchema = z.object({
  id: z.uuid('Unknown customer.'),
  confirmEmail: z.string().trim().min(1, 'Type the customer’s email address to confirm.').max(320),
});

/** Staff disabling or re-enabling a customer account. */
export const customerStatusSchema = z.object({
  id: z.uuid('Unknown customer.'),
  status: z.enum(['active', 'disabled'], 'Choose active or disabled.'),
});
