import { z } from 'zod';
import { SLUG_PATTERN } from './slug';

/** A slug field of an admin form (product, category): empty means "make it from the name". */
export const slugFieldSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, 'At most 80 characters.')
  .refine((s) => s === '' || SLUG_PATTERN.test(s), 'Lower-case letters, digits and single dashes only.')
  .optional()
  .default('');
