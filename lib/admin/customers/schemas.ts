import { z } from 'zod';

export const customerStatusSchema = z.object({
  id: z.uuid('Unknown customer.'),
  status: z.enum(['active', 'disabled'], 'Choose active or disabled.'),
});
