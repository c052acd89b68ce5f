import 'server-only';
import { db, type Executor } from '@/db/client';
import type { CartRef, CartView } from '@/lib/cart/types';
import { findActiveCart, marketOfCart, moveCartToMarket } from '@/lib/cart/service';
import { getCachedMarkets } from '@/lib/markets/cache';
import { marketForCountry } from '@/lib/markets/queries';
import { AppError } from '@/lib/errors';
import { previewCheckoutWithinCodeLimit } from './discount-preview';
import { GIFT_CARD_ATTEMPTS_MESSAGE, withinGiftCardGuessLimit } from '@/lib/gift-cards/limits';
import { checkPostalCode, checkRegion, countryName } from './regions';
import type { CheckoutQuoteInput } from './schemas';
import { listShippingCountries } from './service';
import type { CheckoutQuoteView } from './types';

// The checkout's order summary, re-priced on the server for the address, rate and code being filled in. It goes
// through previewCheckout — the arithmetic placement runs again inside its transaction — so what the shopper sees
// is what placement charges; the client never adds anything up.

export type CheckoutQuote = { cart: CartView; quote: CheckoutQuoteView };

/** Callers that price no gift cards (the first render, shipping options) may leave the tender fields out. */
type QuoteInput = Omit<CheckoutQuoteInput, 'giftCardCodes' | 'useStoreCredit'> & Partial<Pick<CheckoutQuoteInput, 'giftCardCodes' | 'useStoreCredit'>>;

export async function quoteCheckout(ref: CartRef, input: QuoteInput, ip: string, executor: Executor = db): Promise<CheckoutQuote | null> {
  // Gift card codes are secrets worth money: wrong ones tried here spend the address's guessing budget (failures
  // only, reserved before the lookup); over it, the summary is priced without the codes and says why.
  const codes = input.giftCardCodes ?? [];
  const guard = codes.length > 0 ? await withinGiftCardGuessLimit(ip) : null;
  if (guard === 'limited') {
    const quoted = await quoteCheckout(ref, { ...input, giftCardCodes: [] }, ip, executor);
    return quoted ? { ...quoted, quote: { ...quoted.quote, giftCardError: GIFT_CARD_ATTEMPTS_MESSAGE } } : null;
  }
  try {
    const quoted = await quoteCheckoutPriced(ref, input, ip, executor);
    if (guard && !quoted?.unknownCode) await guard.release();
    return quoted ? { cart: quoted.cart, quote: quoted.quote } : null;
  } catch (error) {
    if (guard) await guard.release();
    throw error;
  }
}

async function quoteCheckoutPriced(ref: CartRef, input: QuoteInput, ip: string, executor: Executor): Promise<(CheckoutQuote & { unknownCode: boolean }) | null> {
  const countryCode = input.countryCode;
  // Only where a zone ships: anything else is a request the page never makes.
  if (!(await listShippingCountries(executor)).includes(countryCode)) {
    const message = `We do not ship to ${countryName(countryCode)}.`;
    throw new AppError('validation_failed', message, { fieldErrors: { countryCode: [message] } });
  }
  // The shipping country decides the market: a country of another market moves the cart there (re-pricing every
  // line in its currency) before anything is priced, and the answer says so, for the shopper to be told.
  const markets = await getCachedMarkets();
  const cartRow = await findActiveCart(executor, ref);
  const target = marketForCountry(markets, countryCode);
  const marketChange = cartRow && marketOfCart(markets, cartRow).id !== target.id ? await moveCartToMarket(ref, target, executor) : null;
  const region = checkRegion(countryCode, input.region);
  const postal = input.postalCode ? checkPostalCode(countryCode, input.postalCode) : null;
  const { preview, discountError } = await previewCheckoutWithinCodeLimit(
    ref,
    // A region that does not fit the country prices as the country alone (its country-wide tax, if any).
    {
      countryCode,
      region: region.ok ? (region.value ?? '') : '',
      shippingRateId: input.shippingRateId,
      discountCode: input.discountCode,
      giftCardCodes: input.giftCardCodes ?? [],
      useStoreCredit: input.useStoreCredit ?? false,
    },
    ip,
    executor,
  );
  if (!preview) return null;
  const { totals, tenders } = preview;
  return {
    unknownCode: tenders.unknownCode,
    cart: preview.cart,
    quote: {
      currency: preview.cart.currency,
      market: preview.cart.market,
      marketChange,
      countryCode,
      shippingOptions: preview.shippingOptions,
      selectedRateId: preview.selectedRateId,
      totals: {
        subtotalCents: totals.subtotalCents,
        discountCents: totals.discountCents,
        shippingCents: totals.shippingCents,
        taxCents: totals.taxCents,
        totalCents: totals.totalCents,
        taxInclusive: totals.taxInclusive,
      },
      discount: preview.discount,
      promotions: preview.promotions.applied.map((entry) => ({ id: entry.promotionId, title: entry.title, amountCents: entry.amountCents, freeShipping: entry.freeShipping })),
      discountError,
      giftCards: tenders.giftCards,
      giftCardError: tenders.error,
      storeCredit: tenders.storeCredit,
      amountDueCents: tenders.amountDueCents,
      // previewCheckout priced exactly these lines, in this order (the ones without a problem).
      allocations: preview.cart.lines
        .filter((line) => line.problem === null)
        .map((line, i) => ({
          lineId: line.id,
          variantId: line.variantId,
          quantity: line.quantity,
          subtotalCents: line.lineTotalCents,
          discountCents: totals.lineDiscountCents[i] ?? 0,
          taxCents: totals.lineTaxCents[i] ?? 0,
        })),
      addressErrors: {
        ...(region.ok ? {} : { region: region.message }),
        ...(postal && !postal.ok ? { postalCode: postal.message } : {}),
      },
    },
  };
}
