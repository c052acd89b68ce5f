import { z } from 'zod';
import { emailSchema } from '@/lib/auth/email';
import { LOCALES } from '@/lib/i18n/config';
import { addressSchema } from './address';

export const discountCodeSchema = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((value) => (value ? value.toUpperCase() : null));

/** Gift card codes applied at checkout, in the order they pay (a form sends one field per code). */
export const giftCardCodesSchema = z
  .union([z.string().trim().max(40), z.array(z.string().trim().max(40)).max(5, 'At most 5 gift cards per order.')])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(Boolean))
  .describe('Gift card codes to pay with, in order; each pays what it can of what is left');

const useStoreCreditSchema = z
  .union([z.boolean(), z.enum(['on', 'true', 'false'])])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true')
  .describe("Signed-in shoppers: pay what gift cards leave with the customer's store credit in the order's currency");

/** What a shopper submits to place an order. Prices, totals and stock are never part of it. */
export const placeOrderSchema = z.object({
  cartId: z.uuid().optional(),
  email: emailSchema,
  shippingAddress: addressSchema,
  shippingRateId: z.uuid('Choose a shipping method.'),
  discountCode: discountCodeSchema,
  giftCardCodes: giftCardCodesSchema,
  useStoreCredit: useStoreCreditSchema,
  paymentProvider: z.enum(['manual', 'stripe']).default('manual'),
  customerNote: z.string().trim().max(1000).optional().transform((value) => (value ? value : null)),
  locale: z
    .enum(LOCALES)
    .optional()
    .describe("The shopper's language (en, de, fr): the order's emails are written in it. Default: en. The web checkout sets it from the page's address."),
});

export type PlaceOrderInput = z.infer<typeof placeOrderSchema>;

const ADDRESS_FIELDS = ['name', 'company', 'line1', 'line2', 'city', 'region', 'postalCode', 'countryCode', 'phone'] as const;

/** The checkout form posts flat fields ("shipping.city"); the service takes the nested shape the API uses. */
export function checkoutFormToInput(form: Record<string, string | string[]>): Record<string, unknown> {
  const one = (key: string) => {
    const value = form[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const shippingAddress: Record<string, string | undefined> = {};
  for (const field of ADDRESS_FIELDS) shippingAddress[field] = one(`shipping.${field}`);
  return {
    cartId: one('cartId') || undefined,
    email: one('email'),
    shippingAddress,
    shippingRateId: one('shippingRateId'),
    discountCode: one('discountCode'),
    giftCardCodes: form.giftCardCodes ?? [],
    useStoreCredit: one('useStoreCredit'),
    paymentProvider: one('paymentProvider') || 'manual',
    customerNote: one('customerNote'),
  };
}

/**
 * What the checkout sends to re-price its summary while the shopper fills it in: only what changes the price. The
 * bounds are the address schema's, so nothing a hand-made request sends can be bigger than a real address field.
 */
export const checkoutQuoteSchema = z.object({
  countryCode: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'Choose a country.')),
  region: z.string().trim().max(60).optional().default(''),
  postalCode: z.string().trim().max(20, 'Enter a valid postal code.').optional().default(''),
  shippingRateId: z.union([z.uuid(), z.literal('')]).optional().transform((value) => value || null),
  discountCode: discountCodeSchema,
  giftCardCodes: giftCardCodesSchema,
  useStoreCredit: useStoreCreditSchema,
});

export type CheckoutQuoteInput = z.infer<typeof checkoutQuoteSchema>;

/** The destination shipping options are listed for (the quote's address fields). */
export const shippingOptionsQuerySchema = checkoutQuoteSchema.pick({ countryCode: true, region: true, postalCode: true });
