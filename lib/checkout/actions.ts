'use server';

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
import { checkoutFormToInput, placeOrderSchema } from './schemas';
import { completeCheckout } from './complete';
import { placeOrderLimits } from './limits';

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
    const placed = await completeCheckout(ref, input, { userId: ctx.user?.id ?? null, saveAddress });
    await startPayment(placed.orderId, input.paymentProvider).catch((error: unknown) => {
      logger.error({ err: error }, 'payment could not be started');
    });
    if (!ref.userId) await clearCartToken();
    await writeCartHint(null);
    await writeReceipt(placed.orderId);
    redirect('/checkout/confirmation');
  },
  { rateLimit: placeOrderLimits, formFieldName: (path) => path.replace(/^shippingAddress\./, 'shipping.') },
);

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
