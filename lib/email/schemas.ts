import { z } from 'zod';

/** The Sent emails list's filters from the URL; anything malformed is dropped rather than failing the page. */
export const emailMessageFilterSchema = z.object({
  /** Part of the recipient's address. */
  to: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  status: z.enum(['pending', 'sent', 'stored', 'failed']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type EmailMessageFilter = z.infer<typeof emailMessageFilterSchema>;

export const emailMessageIdSchema = z.object({ id: z.uuid('That message does not exist.') });
