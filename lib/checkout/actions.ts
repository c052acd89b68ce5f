'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clearCartToken, currentCartRef } from '@/lib/cart/session';
import { writeCartHint } from '@/lib/store/hints';
import { type ActionResult, formDataToObject, publicAction } from '@/lib/http/action';
import { echoValues } from '@/lib/http/form-state';
import { RATE_LIMITS } from '@/lib/rate-limit';
import { logger } from '@/lib/log';
import { getOrderByNumberAndEmail } from '@/lib/orders/queries';
import type { OrderDetail } from '@/lib/orders/types';
import { emailSchema } from '@/lib/auth/email';
import { startPayment } from '@/lib/payments/service';
import { writeReceipt } from './receipt';
import { checkoutFormToInput, checkoutQuoteSchema, placeOrderSchema } from './schemas';
import { completeCheckout } from './complete';
import { quoteCheckoutWithinLimit } from './quote';
import type { CheckoutQuoteView } from './types';

// The web form may also ask to keep the shipping address in the customer's address book.
const checkoutFormSchema = z.preprocess(
  (raw) => ({ ...checkoutFormToInput(raw as Record<string, string>), saveAddress: (raw as Record<string, unknown>).saveAddress === 'on' }),
  placeOrderSchema.extend({ saveAddress: z.boolean() }),
);

const placeOrderFromForm = publicAction(checkoutFormSchema, async ({ saveAddress, ...input }, ctx) => {
  const ref = await currentCartRef();
  const placed = await completeCheckout(ref, input, { userId: ctx.user?.id ?? null, saveAddress });
  await startPayment(placed.orderId, input.paymentProvider).catch((error: unknown) => {
    logger.error({ err: error }, 'payment could not be started');
  });
  if (!ref.userId) await clearCartToken();
  await writeCartHint(null);
  await writeReceipt(placed.orderId);
  return placed;
}, {
  rateLimit: (input, { ip }) =>
    input.discountCode
      ? [[RATE_LIMITS.checkoutPerIp, ip], [RATE_LIMITS.discountCodePerIp, ip]]
      : [[RATE_LIMITS.checkoutPerIp, ip]],
});

/** Field errors use the form's names ("shipping.postalCode"), not the service's ("shippingAddress.postalCode"). */
function formFieldErrors(fieldErrors: Record<string, string[]> | undefined) {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(Object.entries(fieldErrors).map(([key, value]) => [key.replace(/^shippingAddress\./, 'shipping.'), value]));
}

// The live order summary: the checkout calls this as the address, rate or code changes (debounced in the page).
// Counted per client address inside quoteCheckoutWithinLimit, so the limit holds for every caller.
const quote = publicAction(checkoutQuoteSchema, async (input, ctx) => (await quoteCheckoutWithinLimit(await currentCartRef(), input, ctx.ip))?.quote ?? null);

/** Re-prices the checkout for an address, rate and code; null when the cart is empty. */
export async function quoteCheckoutAction(input: unknown): Promise<ActionResult<CheckoutQuoteView | null>> {
  return quote(input);
}

/** The checkout form's state: after "Update order summary" (no JavaScript) or a refused order, with what was typed. */
export type CheckoutFormState =
  | { status: 'idle' }
  | { status: 'updated'; values: Record<string, string>; quote: CheckoutQuoteView | null; fieldErrors?: Record<string, string[]> }
  | { status: 'error'; message: string; fieldErrors?: Record<string, string[]>; values: Record<string, string>; quote?: CheckoutQuoteView | null };

const QUOTE_FIELD_NAMES: Record<string, string> = { countryCode: 'shipping.countryCode', region: 'shipping.region', postalCode: 'shipping.postalCode' };

/** Without JavaScript the summary is re-priced by an explicit "Update order summary" press: the same quote. */
async function updateSummary(formData: FormData): Promise<CheckoutFormState> {
  const form = formDataToObject(formData);
  const one = (key: string) => (Array.isArray(form[key]) ? form[key][0] : form[key]);
  const values = echoValues(formData);
  const result = await quote({
    countryCode: one('shipping.countryCode') ?? '',
    region: one('shipping.region'),
    postalCode: one('shipping.postalCode'),
    shippingRateId: one('shippingRateId'),
    discountCode: one('discountCode'),
  });
  const rename = (errors: Record<string, string[] | string | undefined>) =>
    Object.fromEntries(
      Object.entries(errors)
        .filter((entry): entry is [string, string[] | string] => entry[1] !== undefined)
        .map(([key, value]) => [QUOTE_FIELD_NAMES[key] ?? key, Array.isArray(value) ? value : [value]]),
    );
  if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors ? rename(result.fieldErrors) : undefined, values };
  return { status: 'updated', values, quote: result.data, fieldErrors: result.data ? rename(result.data.addressErrors) : undefined };
}

export async function placeOrderAction(_prev: CheckoutFormState, formData: FormData): Promise<CheckoutFormState> {
  if (formData.get('intent') === 'update') return updateSummary(formData);
  const result = await placeOrderFromForm(formData);
  if (!result.ok) {
    return { status: 'error', message: result.message, fieldErrors: formFieldErrors(result.fieldErrors), values: echoValues(formData) };
  }
  redirect('/checkout/confirmation');
}

export type OrderLookupState = { status: 'idle' } | { status: 'found'; order: OrderDetail } | { status: 'error'; message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

const lookup = publicAction(
  z.object({ number: z.string().trim().min(1, 'Enter your order number.').max(20), email: emailSchema }),
  async (input) => getOrderByNumberAndEmail(input.number, input.email),
  { rateLimit: (_input, { ip }) => [[RATE_LIMITS.orderLookupPerIp, ip]] },
);

export async function lookupOrderAction(_prev: OrderLookupState, formData: FormData): Promise<OrderLookupState> {
  const result = await lookup(formData);
  if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values: echoValues(formData) };
  // Wrong number and wrong email read the same, so the form cannot be used to probe for orders.
  if (!result.data) return { status: 'error', message: 'We could not find an order with that number and email address.', values: echoValues(formData) };
  return { status: 'found', order: result.data };
}
