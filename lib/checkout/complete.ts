import 'server-only';
import type { CartRef } from '@/lib/cart/types';
import { saveAddressIfNew } from '@/lib/customers/addresses';
import { invalidateProductPages } from '@/lib/catalog/cache';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { scheduleOrderPlacedDelivery } from '@/lib/orders/notifications';
import { checkoutFailures, ordersPlaced } from './metrics';
import type { Locale } from '@/lib/i18n/config';
import type { PlaceOrderInput } from './schemas';
import { type PlacedOrder, placeOrder } from './service';

/** Why a placement failed, for the checkout failures metric (a bounded set of labels). */
function failureReason(error: unknown): string {
  if (!(error instanceof AppError)) return 'error';
  if (error.fieldErrors?.cart) return 'out_of_stock';
  if (error.fieldErrors?.discountCode) return 'discount';
  if (error.fieldErrors?.paymentProvider) return 'payment';
  return error.code;
}

/**
 * The checkout, for the web form and the Store API alike: placeOrder, then what follows a placement outside its
 * transaction — the orders/failures metrics, fresh product pages for what was bought, the confirmation email, and
 * the address kept in the customer's book when they asked. What is left to a face is only its own transport: cookies
 * and the receipt for the web, the idempotent replay for the API; each then starts the payment.
 */
export async function completeCheckout(
  ref: CartRef,
  input: PlaceOrderInput,
  options: { userId?: string | null; saveAddress?: boolean; followCountryMarket?: boolean; locale?: Locale },
): Promise<PlacedOrder> {
  let placed: PlacedOrder;
  try {
    placed = await placeOrder(ref, input, options);
  } catch (error) {
    checkoutFailures.inc({ reason: failureReason(error) });
    throw error;
  }
  if (placed.created) {
    ordersPlaced.inc({ currency: placed.currency });
    // The order is committed: a cache that cannot be refreshed (e.g. no Next request scope) only means the pages
    // catch up within their revalidation window. It must never turn a placed order into an error.
    try {
      invalidateProductPages(placed.productSlugs);
    } catch (error) {
      logger.warn({ err: error, orderId: placed.orderId }, 'product pages not refreshed after order');
    }
    // The confirmation email goes out from the order's outbox event, moments later; never undoes the order.
    scheduleOrderPlacedDelivery(placed.orderId);
    if (options.saveAddress && options.userId) {
      // After the order: an address book hiccup must not turn a placed order into an error.
      await saveAddressIfNew(options.userId, input.shippingAddress).catch((error: unknown) => logger.error({ err: error, orderId: placed.orderId }, 'address not saved after checkout'));
    }
  }
  return placed;
}
