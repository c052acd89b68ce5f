import 'server-only';
import { counter } from '@/lib/observability/metrics';

export const ordersPlaced = counter({
  name: 'storefront_orders_placed_total',
  help: 'Orders placed.',
  labelNames: ['currency'] as const,
});

export const checkoutFailures = counter({
  name: 'storefront_checkout_failures_total',
  help: 'Checkout attempts that did not place an order, by reason (out_of_stock, payment_declined, validation, …).',
  labelNames: ['reason'] as const,
});
