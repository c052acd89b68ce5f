'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clearCartToken, currentCartRef } from '@/lib/cart/session';
import { writeCartHint } from '@/lib/store/hints';
import { publicAction } from '@/lib/http/action';
import { echoValues, type FormState } from '@/lib/http/form-state';
import { RATE_LIMITS } from '@/lib/rate-limit';
import { logger } from '@/lib/log';
import { getOrderByNumberAndEmail } from '@/lib/orders/queries';
import type { OrderDetail } from '@/lib/orders/types';
import { emailSchema } from '@/lib/auth/email';
import { startPayment } from '@/lib/payments/service';
import { writeReceipt } from './receipt';
import { checkoutFormToInput, placeOrderSchema } from './schemas';
import { completeCheckout } from './complete';

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

export async function placeOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
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
