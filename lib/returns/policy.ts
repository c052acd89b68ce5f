import { applyRatio, minorUnitDigits } from '@/lib/money';

// The return policy's arithmetic, pure: when a window closes, what a returned unit gives back, what the fee is in
// the order's currency. The service applies these under the order's row lock.

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the return window of an order that shipped (or arrived) at `from` closes. */
export function returnWindowEndsAt(from: Date, windowDays: number): Date {
  return new Date(from.getTime() + windowDays * DAY_MS);
}

/**
 * What `quantity` units of a line paid `lineTotalCents` for `lineQuantity` give back (its discount and tax share
 * included), rounded half up per return: the units of one line returned in parts never add up to more than the line.
 */
export function lineRefundCents(line: { totalCents: number; quantity: number }, quantity: number, alreadyReturned = 0): number {
  const upTo = Math.min(line.quantity, alreadyReturned + quantity);
  return applyRatio(line.totalCents, upTo, line.quantity) - applyRatio(line.totalCents, alreadyReturned, line.quantity);
}

/** The refund: the lines' worth less the return shipping fee, never below zero. */
export function returnRefundCents(linesCents: readonly number[], shippingFeeCents: number): number {
  const worth = linesCents.reduce((sum, cents) => sum + cents, 0);
  return Math.max(0, worth - shippingFeeCents);
}

/**
 * The policy's fee (store currency) in the order's currency, at the rate the order was placed with: the shopper pays
 * what the policy said on the day they bought.
 */
export function feeInOrderCurrency(feeCents: number, storeCurrency: string, orderCurrency: string, exchangeRate: string | null): number {
  if (feeCents === 0 || storeCurrency === orderCurrency) return feeCents;
  const rate = Number(exchangeRate ?? '1');
  const scale = 10 ** (minorUnitDigits(orderCurrency) - minorUnitDigits(storeCurrency));
  return Math.max(0, Math.round(feeCents * rate * scale));
}
