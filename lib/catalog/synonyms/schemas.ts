import { z } from 'zod';

// A synonym group as the merchant types it: terms separated by commas ("sneakers, trainers, running shoes"). Each
// term is one to three words of letters and digits; search reads them through the English stemmer, so "trainer"
// covers "trainers", and a term of several words is matched as a phrase.

export const MAX_SYNONYM_GROUPS = 500;
const MAX_TERMS = 10;

const term = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Each term needs at least 2 letters.')
  .max(40, 'Each term is at most 40 characters.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}' -]*$/u, 'Terms are letters, numbers, spaces, hyphens and apostrophes.')
  .refine((value) => value.split(/\s+/).length <= 3, 'Each term is at most 3 words.');

/**
 * "sneakers, trainers" → ['sneakers', 'trainers']: 2–10 distinct terms. A term's problem is reported on the field
 * itself (not on an element of it), so the form shows it under the input the merchant typed in.
 */
export const synonymTermsSchema = z
  .string()
  .max(500, 'At most 500 characters.')
  .transform((value, ctx) => {
    const terms = new Set<string>();
    for (const text of value.split(',').map((part) => part.trim().replace(/\s+/g, ' ')).filter(Boolean)) {
      const parsed = term.safeParse(text);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `“${text}”: ${parsed.error.issues[0]?.message ?? 'this term cannot be used.'}` });
        return z.NEVER;
      }
      terms.add(parsed.data);
    }
    return [...terms];
  })
  .pipe(z.array(z.string()).min(2, 'Enter at least two terms, separated by commas.').max(MAX_TERMS, `At most ${MAX_TERMS} terms in a group.`));

export const createSynonymGroupSchema = z.object({ terms: synonymTermsSchema });
export const updateSynonymGroupSchema = z.object({ id: z.uuid(), terms: synonymTermsSchema });
export const deleteSynonymGroupSchema = z.object({ id: z.uuid() });

export const synonymGroupSchema = z.object({ id: z.uuid(), terms: z.array(z.string()), updatedAt: z.date() });
export type SynonymGroup = z.infer<typeof synonymGroupSchema>;
