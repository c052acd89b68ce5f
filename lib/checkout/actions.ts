'use server';

import { localisedHref } from '@/lib/i18n/server';
import { requestLocale } from '@/lib/i18n/request';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clearCartToken, currentCartRef } from '@/lib/cart/session';
import { writeCartHint } from '@/lib/store/hints';
import { publicAction } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { orderLookupLimits } from '@/lib/orders/limits';
import { logger } from '@/lib/log';
import { getOrderByNumberAndEmail } from '@/lib/orders/queries';
import type { OrderDetail } from '@/lib/orders/types';
import { emailSchema } from '@/lib/auth/email';
import { startPayment } from '@/lib/payments/service';
import { writeReceipt } from './receipt';
import { writeMarketCode } from '@/lib/markets/context';
import { checkoutFormToInput, checkoutQuoteSchema, placeOrderSchema } from './schemas';
import { completeCheckout } from './complete';
import { checkoutQuoteLimits, placeOrderLimits } from './limits';
import { quoteCheckout } from './quote';
import type { CheckoutQuoteView } from './types';
import type { ActionResult, ActionState } from '@/lib/http/action-result';

// The web form may also ask to keep the shipping address in the customer's address book.
const checkoutFormSchema = z.preprocess(
  (raw) => ({ ...checkoutFormToInput(raw as Record<string, string>), saveAddress: (raw as Record<string, unknown>).saveAddress === 'on' }),
  placeOrderSchema.extend({ saveAddress: z.boolean() }),
);

/**
 * The checkout form's submission: on success the shopper is sent to the confirmation page; a refusal comes back
 * with the field errors under the form's own names ("shipping.postalCode") and what was typed.
 */
export const placeOrderAction = publicAction(
  checkoutFormSchema,
  async ({ saveAddress, ...input }, ctx) => {
    const ref = await currentCartRef();
    const placed = await completeCheckout(ref, input, { userId: ctx.user?.id ?? null, saveAddress, locale: await requestLocale() });
    await startPayment(placed.orderId, input.paymentProvider).catch((error: unknown) => {
      logger.error({ err: error }, 'payment could not be started');
    });
    if (!ref.userId) await clearCartToken();
    await writeCartHint(null);
    await writeReceipt(placed.orderId);
    // The confirmation in the language the order was placed in (/de/checkout → /de/checkout/confirmation).
    redirect(await localisedHref('/checkout/confirmation'));
  },
  { rateLimit: placeOrderLimits, formFieldName: (path) => path.replace(/^shippingAddress\./, 'shipping.') },
);

async function quoteForCart(input: z.infer<typeof checkoutQuoteSchema>, ip: string): Promise<CheckoutQuoteView | null> {
  return (await quoteCheckout(await currentCartRef(), input, ip))?.quote ?? null;
}

/**
 * The live order summary: the checkout calls this with the country, region, rate and code as they change (debounced
 * in the page). Null when the cart is empty. Public, so it is counted per client address.
 */
// The cart may move to the destination's market here; the page remembers that market in the browser (a cookie set by
// an action would re-render the page under the shopper's fields).
export const quoteCheckoutAction = publicAction(checkoutQuoteSchema, async (input, ctx) => quoteForCart(input, ctx.ip), { rateLimit: checkoutQuoteLimits });

// The checkout form's own field names for the quote's inputs.
const SUMMARY_FIELDS: Record<string, string> = { countryCode: 'shipping.countryCode', region: 'shipping.region', postalCode: 'shipping.postalCode' };

/**
 * Without JavaScript nothing re-prices by itself: the form's "Update order summary" button posts the whole form here
 * for the same quote, and the page comes back with it and with everything that was typed.
 */
export const updateCheckoutSummaryAction = publicAction(
  z.preprocess((raw) => {
    const form = raw as Record<string, unknown>;
    return {
      countryCode: form['shipping.countryCode'],
      region: form['shipping.region'],
      postalCode: form['shipping.postalCode'],
      shippingRateId: form.shippingRateId,
      discountCode: form.discountCode,
      giftCardCodes: form.giftCardCodes,
      useStoreCredit: form.useStoreCredit,
    };
  }, checkoutQuoteSchema),
  async (input, ctx) => {
    const quote = await quoteForCart(input, ctx.ip);
    // The cart moved to the destination's market: the shopper now shops there (the catalogue shows its currency too).
    if (quote?.marketChange) await writeMarketCode(quote.marketChange.to.code);
    return quote;
  },
  { rateLimit: checkoutQuoteLimits, formFieldName: (path) => SUMMARY_FIELDS[path] ?? path },
);

/**
 * The checkout form's one action, so it works without JavaScript: its "Update order summary" button (name="intent",
 * value="update") asks for a fresh summary, any other submission places the order. Each branch is a wrapper-built
 * action above (session, zod, limits); this only picks one, and touches nothing itself.
 */
export async function checkoutFormAction(
  previous: ActionState<CheckoutQuoteView | null>,
  formData: FormData,
): Promise<ActionResult<CheckoutQuoteView | null>> {
  if (formData.get('intent') === 'update') return updateCheckoutSummaryAction(previous, formData);
  return placeOrderAction(null, formData);
}

export const lookupOrderAction = publicAction(
  z.object({ number: z.string().trim().min(1, 'Enter your order number.').max(20), email: emailSchema }),
  async (input): Promise<OrderDetail> => {
    const order = await getOrderByNumberAndEmail(input.number, input.email);
    // Wrong number and wrong email read the same, so the form cannot be used to probe for orders.
    if (!order) throw new AppError('not_found', 'We could not find an order with that number and email address.');
    return order;
  },
  { rateLimit: orderLookupLimits },
);
