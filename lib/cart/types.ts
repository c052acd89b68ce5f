import { z } from 'zod';

// The cart as shoppers and API clients see it: zod schemas, the one source of the types and of the Store API's
// OpenAPI document. Prices are the catalogue's current ones, never stored ones.

const cents = (description: string) => z.number().int().min(0).describe(`${description}, in minor units (cents)`);

export const cartLineSchema = z.object({
  id: z.uuid(),
  variantId: z.uuid(),
  productSlug: z.string(),
  productTitle: z.string(),
  variantTitle: z.string(),
  sku: z.string(),
  imageUrl: z.string().nullable(),
  imageAlt: z.string(),
  unitPriceCents: cents('Current unit price'),
  quantity: z.number().int().min(1),
  lineTotalCents: cents('unitPriceCents × quantity'),
  discountCents: cents("What the cart's automatic promotions take off this line"),
  maxQuantity: z.number().int().min(0).describe('Most this line may hold now: min(stock, per-line maximum); 0 when it can no longer be bought'),
  problem: z.enum(['unavailable', 'insufficient_stock']).nullable().describe('Why the line cannot be checked out as it is; null when it can'),
  isGiftCard: z.boolean().describe('A gift card: issued and emailed when the order is paid; not discounted, taxed or shipped'),
  giftCardRecipient: z
    .object({ email: z.string(), name: z.string(), message: z.string() })
    .nullable()
    .describe('Who receives the gift card(s) of this line; null: the buyer'),
});
export type CartLineView = z.infer<typeof cartLineSchema>;

export const cartSchema = z.object({
  id: z.uuid(),
  currency: z.string().regex(/^[A-Z]{3}$/).describe("The cart's market's currency: every amount of the cart is in it"),
  market: z.string().describe('The market the cart is priced in (its code); moving to another market re-prices every line'),
  lines: z.array(cartLineSchema),
  itemCount: z.number().int().min(0),
  subtotalCents: cents('Sum of the lines that can be bought, at current prices'),
  hasProblems: z.boolean().describe('Some line is sold out, over stock or no longer sold'),
  promotions: z
    .array(
      z.object({
        id: z.uuid(),
        title: z.string().describe('What the shopper reads, e.g. "Buy 2 socks get 1 free"'),
        amountCents: cents('What it takes off'),
        freeShipping: z.boolean().describe('It makes shipping free at checkout'),
      }),
    )
    .describe('Automatic promotions applied to the cart now (codes are entered at checkout)'),
  discountCents: cents('Sum of the promotions, equal to the sum of the lines’ discountCents'),
  discountedSubtotalCents: cents('subtotalCents − discountCents; shipping and tax are added at checkout'),
  nextTier: z
    .object({
      title: z.string(),
      basis: z.enum(['spend', 'quantity']),
      remaining: z.number().int().min(1).describe('Minor units (spend) or items (quantity) still to add'),
      percent: z.number().int().min(1).max(100).describe('The percentage off it unlocks'),
    })
    .nullable()
    .describe('The closest promotion step not reached yet, e.g. "Spend $23.00 more for 20 % off"; null when none'),
});
export type CartView = z.infer<typeof cartSchema>;

/** How a request identifies its cart: the signed-in user, or the guest cookie's token. */
export type CartRef = { userId?: string | null; token?: string | null };
