import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .catch(undefined)
  .transform((value) => value || undefined);

const optionalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** The audit log's filters from the URL; anything malformed is dropped rather than failing the page. */
export const auditLogFilterSchema = z.object({
  actor: optionalText,
  action: optionalText,
  entityType: optionalText,
  from: optionalDay,
  to: optionalDay,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditLogFilter = z.infer<typeof auditLogFilterSchema>;
