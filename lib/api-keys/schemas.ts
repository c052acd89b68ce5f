import { z } from 'zod';
import { apiAreas, type ApiScope } from './scopes';

// The panel's "new API key" form: a name, per area none / read / write, and an optional expiry.

export const apiKeyAccessChoices = ['none', 'read', 'write'] as const;

export const API_KEY_NAME_MAX = 80;

const accessField = z.enum(apiKeyAccessChoices).catch('none');

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, 'Name the key (e.g. the system that will use it).').max(API_KEY_NAME_MAX, `At most ${API_KEY_NAME_MAX} characters.`),
    expiresInDays: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.coerce.number({ error: 'Choose when the key expires.' }).int().min(1).max(3650).optional(),
    ),
    ...Object.fromEntries(apiAreas.map((area) => [`access_${area}`, accessField])),
  })
  .transform((input, ctx) => {
    const record = input as Record<string, unknown>;
    const scopes = apiAreas.flatMap((area): ApiScope[] => {
      const access = record[`access_${area}`];
      return access === 'read' || access === 'write' ? [`${area}:${access}`] : [];
    });
    if (scopes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['access_products'], message: 'Give the key access to at least one area.' });
      return z.NEVER;
    }
    return { name: input.name, expiresInDays: input.expiresInDays ?? null, scopes };
  });
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.object({ id: z.uuid('Unknown key.') });
