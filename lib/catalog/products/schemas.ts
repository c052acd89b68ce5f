import { z } from 'zod';
import { productStatuses } from '@/db/schema/catalog';
import { checkbox, nestFields } from '@/lib/http/form-data';
import { slugFieldSchema } from '@/lib/catalog/slug-schema';
import { parseOptionValues } from './matrix';
import { SKU_PATTERN_MAX, skuPatternProblem } from './sku-pattern';

// The product editor's input, shared by the form (dotted field names, see form-data.ts) and the CSV import.
// Amounts stay decimal strings here; the service parses them with lib/money in the store's currency.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : null));

const amount = z.string().trim().max(20, 'Too long for an amount.');

// An id, or the form's empty field for "new". Written as a union (not a preprocess) so the Admin API's OpenAPI
// document can describe it: a uuid, "" or absent.
const optionalId = z.union([z.uuid(), z.literal('').transform(() => undefined)]).optional();

export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 100;

export const variantInputSchema = z.object({
  id: optionalId,
  /** This variant's option values, in option order. */
  values: z.array(z.string().trim().min(1).max(60)).max(MAX_OPTIONS),
  sku: z
    .string()
    .trim()
    .min(1, 'Enter a SKU.')
    .max(64, 'At most 64 characters.')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Letters, digits, dots, dashes and underscores only.')
    .transform((sku) => sku.toUpperCase()),
  price: amount.min(1, 'Enter a price.'),
  compareAtPrice: amount.optional().default(''),
  stock: z.coerce
    .number({ error: 'Enter a whole number.' })
    .int('Enter a whole number.')
    .min(0, 'Stock cannot be negative.')
    .max(1_000_000, 'At most 1,000,000.'),
  /**
   * The stock the editor showed when it was opened. When given, the change (stock − stockBefore) is applied to the
   * current stock, so orders placed meanwhile are not undone by saving; without it (CSV), stock is set as given.
   */
  stockBefore: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0)]).optional(),
  active: z.boolean(),
});

export const optionInputSchema = z.object({
  name: z.string().trim().min(1, 'Name the option.').max(40, 'At most 40 characters.'),
  values: z.array(z.string().min(1).max(60, 'Values are at most 60 characters.')).min(1, 'Give at least one value.').max(30),
});

export const productInputSchema = z
  .object({
    id: optionalId,
    title: z.string().trim().min(1, 'Enter a title.').max(200, 'At most 200 characters.'),
    slug: slugFieldSchema,
    description: z.string().max(20_000, 'At most 20,000 characters.').optional().default(''),
    status: z.enum(productStatuses, { error: 'Choose draft, active or archived.' }),
    vendor: optionalText(120),
    featured: z.boolean(),
    /** Product type "gift card" (each variant a denomination); absent leaves it as saved. */
    isGiftCard: z.boolean().optional(),
    /** Return policy: customers may ask to return it (final-sale items are not); absent leaves it as saved. */
    returnable: z.boolean().optional(),
    categoryIds: z.array(z.uuid()).max(20).default([]),
    seoTitle: optionalText(120),
    seoDescription: optionalText(320),
    /** How empty variant SKUs are filled, e.g. "{PRODUCT}-{SIZE}-{COLOUR}"; absent leaves the saved one, "" clears it. */
    skuPattern: z.string().trim().max(SKU_PATTERN_MAX, `At most ${SKU_PATTERN_MAX} characters.`).optional(),
    options: z.array(optionInputSchema).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options.`).default([]),
    variants: z.array(variantInputSchema).min(1, 'A product needs at least one variant.').max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants.`),
  })
  .superRefine((input, ctx) => {
    const names = new Set<string>();
    input.options.forEach((option, i) => {
      const key = option.name.toLowerCase();
      if (names.has(key)) ctx.addIssue({ code: 'custom', path: ['options', i, 'name'], message: 'Each option needs its own name.' });
      names.add(key);
    });
    if (input.skuPattern) {
      const problem = skuPatternProblem(input.skuPattern, input.options.map((o) => o.name));
      if (problem) ctx.addIssue({ code: 'custom', path: ['skuPattern'], message: problem });
    }
    const combos = new Set<string>();
    const skus = new Set<string>();
    input.variants.forEach((variant, i) => {
      if (variant.values.length !== input.options.length) {
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'values'], message: 'Give one value for each option.' });
      } else {
        variant.values.forEach((value, o) => {
          if (!input.options[o]!.values.includes(value)) {
            ctx.addIssue({ code: 'custom', path: ['variants', i, 'values'], message: `"${value}" is not a value of ${input.options[o]!.name}.` });
          }
        });
      }
      const combo = variant.values.join('\u001f');
      if (combos.has(combo)) ctx.addIssue({ code: 'custom', path: ['variants', i, 'values'], message: 'This combination is listed twice.' });
      combos.add(combo);
      if (skus.has(variant.sku)) ctx.addIssue({ code: 'custom', path: ['variants', i, 'sku'], message: `SKU ${variant.sku} is already given to another variant of this product: each variant needs its own.` });
      skus.add(variant.sku);
    });
  });

export type ProductInput = z.infer<typeof productInputSchema>;
export type VariantInput = z.infer<typeof variantInputSchema>;

/**
 * The editor form → ProductInput. Options arrive as "options.N.name" / "options.N.values" (comma-separated),
 * variants as "variants.N.sku" … with "variants.N.values" one hidden field per option, categories as repeated
 * "categoryIds". Checkboxes are absent when unticked.
 */
export const productFormSchema = z.preprocess((raw) => {
  const input = nestFields(raw as Record<string, unknown>);
  const asArray = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]);
  const options = asArray(input.options).map((option) => {
    const o = (option ?? {}) as Record<string, unknown>;
    return { name: o.name ?? '', values: parseOptionValues(typeof o.values === 'string' ? o.values : '') };
  });
  const variants = asArray(input.variants).map((variant) => {
    const v = (variant ?? {}) as Record<string, unknown>;
    return { ...v, values: asArray(v.values), active: checkbox(v.active) };
  });
  return { ...input, featured: checkbox(input.featured), isGiftCard: checkbox(input.isGiftCard), returnable: checkbox(input.returnable), categoryIds: asArray(input.categoryIds), options, variants };
}, productInputSchema);

/** A bulk action's products: the boxes ticked in the list (one id arrives as a string, several as an array). */
export const bulkProductIdsSchema = z.object({
  ids: z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value ?? []),
    z.array(z.uuid('Unknown product.')).min(1, 'Choose at least one product.').max(100, 'At most 100 products at a time.'),
  ),
});
export type BulkProductIds = z.infer<typeof bulkProductIdsSchema>;

/** The variants an image is shown for: the boxes ticked (one arrives as a string, several as an array; none: every variant). */
export const imageVariantIdsSchema = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : (value ?? [])),
  z.array(z.uuid('Unknown variant.')).max(100, 'At most 100 variants.'),
);
