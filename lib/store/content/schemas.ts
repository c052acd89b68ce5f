import { z } from 'zod';
import { slugFieldSchema } from '@/lib/catalog/slug-schema';
import { contentPageStatuses, menuNames } from '@/db/schema/content';

// Form fields arrive as strings. Every URL a merchant can type is either a path on this store ("/pages/about") or
// an https address: never javascript:, data: or a protocol-relative "//host".

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

/** "/pages/about", "/search?q=linen" or "https://…"; nothing else. */
export const storeHrefSchema = z
  .string()
  .trim()
  .max(500, 'That address is too long.')
  .refine((value) => (/^\/(?!\/)[^\s\\]*$/.test(value) || /^https:\/\/[^\s/]+[^\s]*$/i.test(value)), 'Use a path on this store (starting with /) or an https:// address.');

/** An image shown on the storefront: a path on this store (the Content-Security-Policy loads images from here only). */
export const storeImagePathSchema = z
  .string()
  .trim()
  .max(500, 'That address is too long.')
  .refine((value) => /^\/(?!\/)[^\s\\]*$/.test(value), 'Use a path on this store, e.g. /media/… or a file in public/.');

const optionalImagePath = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(storeImagePathSchema.nullable());

const optionalHref = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(storeHrefSchema.nullable());

export const contentPageSchema = z.object({
  id: z.uuid().optional(),
  title: z.string().trim().min(1, 'Enter a title.').max(120, 'At most 120 characters.'),
  slug: slugFieldSchema,
  body: z.string().max(50_000, 'At most 50,000 characters.').default(''),
  seoTitle: optionalText(70, 'At most 70 characters (search engines cut the rest).'),
  seoDescription: optionalText(160, 'At most 160 characters (search engines cut the rest).'),
  status: z.enum(contentPageStatuses, 'Choose draft or published.'),
});
export type ContentPageInput = z.infer<typeof contentPageSchema>;

export const contentPageIdSchema = z.object({ id: z.uuid('Unknown page.') });

/**
 * A menu entry as the editor's select sends it: "page:<id>", "category:<id>" or "link:<path>" (the store's own
 * paths, e.g. the order lookup), and an optional label shown instead of the page's title or the category's name.
 */
export const menuItemSchema = z
  .object({
    menu: z.enum(menuNames, 'Unknown menu.'),
    target: z.string().trim().min(1, 'Choose what the entry links to.'),
    label: optionalText(60, 'At most 60 characters.'),
  })
  .transform((input, ctx) => {
    const [kind, ...rest] = input.target.split(':');
    const value = rest.join(':');
    if ((kind === 'page' || kind === 'category') && z.uuid().safeParse(value).success) {
      return { menu: input.menu, label: input.label, kind: kind as 'page' | 'category', pageId: kind === 'page' ? value : null, categoryId: kind === 'category' ? value : null, href: null };
    }
    if (kind === 'link' && storeHrefSchema.safeParse(value).success) {
      return { menu: input.menu, label: input.label ?? value, kind: 'link' as const, pageId: null, categoryId: null, href: value };
    }
    ctx.addIssue({ code: 'custom', message: 'Choose what the entry links to.', path: ['target'] });
    return z.NEVER;
  });
export type MenuItemInput = z.infer<typeof menuItemSchema>;

export const menuItemMoveSchema = z.object({
  id: z.uuid('Unknown entry.'),
  direction: z.enum(['up', 'down']),
});

export const menuItemIdSchema = z.object({ id: z.uuid('Unknown entry.') });

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true');

const uuidList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(Boolean))
  .pipe(z.array(z.uuid('Unknown category.')).max(8, 'Choose at most 8 categories.'));

export const homePageSchema = z
  .object({
    heroHeading: z.string().trim().min(1, 'Enter a heading.').max(100, 'At most 100 characters.'),
    heroText: z.string().trim().max(400, 'At most 400 characters.').default(''),
    heroImageUrl: optionalImagePath,
    heroImageAlt: z.string().trim().max(200, 'At most 200 characters.').default(''),
    ctaLabel: optionalText(40, 'At most 40 characters.'),
    ctaHref: optionalHref,
    featuredCategoryIds: uuidList,
    showFeatured: checkbox,
    featuredTitle: z.string().trim().max(60, 'At most 60 characters.').default(''),
    showNewest: checkbox,
    newestTitle: z.string().trim().max(60, 'At most 60 characters.').default(''),
  })
  .superRefine((input, ctx) => {
    if (input.ctaLabel && !input.ctaHref) ctx.addIssue({ code: 'custom', message: 'Where should the button lead?', path: ['ctaHref'] });
    if (input.ctaHref && !input.ctaLabel) ctx.addIssue({ code: 'custom', message: 'Give the button a label.', path: ['ctaLabel'] });
  })
  .transform(({ showFeatured, featuredTitle, showNewest, newestTitle, ...rest }) => ({
    ...rest,
    collections: [
      ...(showFeatured ? [{ key: 'featured' as const, title: featuredTitle || 'Featured products' }] : []),
      ...(showNewest ? [{ key: 'newest' as const, title: newestTitle || 'New arrivals' }] : []),
    ],
  }));
export type HomePageInput = z.infer<typeof homePageSchema>;

/** For actions that take no input (a button). */
export const noInputSchema = z.object({});
