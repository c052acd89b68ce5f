import { z } from 'zod';
import { addressSchema } from '@/lib/checkout/address';

/** A saved address as the account and the Store API show it. */
export const savedAddressSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  company: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  countryCode: z.string(),
  phone: z.string().nullable(),
  isDefaultShipping: z.boolean(),
});

/** Adding or replacing a saved address: the checkout's address rules, and whether it becomes the default. */
export const addressBookEntrySchema = z.intersection(addressSchema, z.object({ makeDefault: z.boolean().optional().default(false) }));

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
