import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import {
  cartLines,
  carts,
  discountCodes,
  discountRedemptions,
  orderEvents,
  orderLines,
  orderPromotions,
  orders,
  outboxEvents,
  payments,
  productImages,
  products,
  promotions as promotionsTable,
  shippingRates,
  shippingZones,
  taxRates,
  variants,
} from '@/db/schema';
import { getCartView, hashCartToken, marketOfCart } from '@/lib/cart/service';
import { getCachedMarkets } from '@/lib/markets/cache';
import { convertAmount, resolvePrice } from '@/lib/markets/pricing';
import { getExplicitPrices, marketForCountry } from '@/lib/markets/queries';
import type { MarketView } from '@/lib/markets/types';
import type { CartRef, CartView } from '@/lib/cart/types';
import { isPurchasable } from '@/lib/catalog/purchasable';
import { moveStock } from '@/lib/inventory/stock';
import { ensureGuestCustomer } from '@/lib/customers/guests';
import { AppError } from '@/lib/errors';
import { isStripeEnabled } from '@/lib/payments/providers';
import { getStoreInfo } from '@/lib/store/settings';
import { formatMoney, money } from '@/lib/money';
import { checkAddressRules } from './address';
import { computeTotals, type PricingDiscount, type Totals } from './pricing';
import { type AppliedPromotions, applyPromotions, isPromotionCode } from '@/lib/promotions/pricing';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import type { PlaceOrderInput } from './schemas';
import { enqueueWebhookEvent } from '@/lib/webhooks/enqueue';
import { previewTenders, recordTenders, spendTenders, type TenderPreview } from '@/lib/gift-cards/service';

// Checkout: shipping options, tax, discount validation, and placing the order in one transaction.

export type ShippingOption = {
  id: string;
  name: string;
  priceCents: number;
  currency: string;
  freeAboveCents: number | null;
  minDeliveryDays: number | null;
  maxDeliveryDays: number | null;
};

/**
 * The active rates that ship to a country, in the market's currency: rates set in that currency when the zone has
 * them, else the store-currency rates converted at the market's rate (to the minor unit: no charm rounding on
 * shipping). The default market is the store currency itself, as before markets existed.
 */
export async function listShippingOptions(
  countryCode: string,
  marketOrCurrency: Pick<MarketView, 'currency' | 'exchangeRate' | 'roundingRule'> | string,
  baseCurrency?: string,
  executor: Executor = db,
): Promise<ShippingOption[]> {
  // A bare currency: the rates set in it, as before markets (the store's own currency at rate 1).
  const market = typeof marketOrCurrency === 'string' ? { currency: marketOrCurrency, exchangeRate: '1', roundingRule: 'none' as const } : marketOrCurrency;
  baseCurrency ??= market.currency;
  const currencies = market.currency === baseCurrency ? [baseCurrency] : [market.currency, baseCurrency];
  const rows = await executor
    .select({
      id: shippingRates.id,
      name: shippingRates.name,
      priceCents: shippingRates.priceCents,
      currency: shippingRates.currency,
      freeAboveCents: shippingRates.freeAboveCents,
      minDeliveryDays: shippingRates.minDeliveryDays,
      maxDeliveryDays: shippingRates.maxDeliveryDays,
    })
    .from(shippingRates)
    .innerJoin(shippingZones, eq(shippingZones.id, shippingRates.zoneId))
    .where(
      and(
        eq(shippingRates.isActive, true),
        inArray(shippingRates.currency, currencies),
        sql`${countryCode.toUpperCase()} = any(${shippingZones.countries})`,
      ),
    )
    .orderBy(asc(shippingZones.position), asc(shippingRates.position), asc(shippingRates.priceCents));
  const own = rows.filter((row) => row.currency === market.currency);
  if (own.length > 0) return own;
  const convert = (cents: number) => convertAmount(cents, baseCurrency, market, 'none');
  return rows.map((row) => ({
    ...row,
    priceCents: convert(row.priceCents),
    freeAboveCents: row.freeAboveCents === null ? null : convert(row.freeAboveCents),
    currency: market.currency,
  }));
}

/** The region's own rate when there is one, else the country-wide rate, else none. */
async function findTaxRate(executor: Executor, countryCode: string, region: string | null) {
  const rows = await executor
    .select({ rateBasisPoints: taxRates.rateBasisPoints, appliesToShipping: taxRates.appliesToShipping, regionCode: taxRates.regionCode })
    .from(taxRates)
    .where(and(eq(taxRates.countryCode, countryCode), region ? or(isNull(taxRates.regionCode), eq(taxRates.regionCode, region)) : isNull(taxRates.regionCode)));
  return rows.find((row) => row.regionCode !== null) ?? rows.find((row) => row.regionCode === null) ?? null;
}

function discountError(message: string): AppError {
  return new AppError('validation_failed', message, { fieldErrors: { discountCode: [message] } });
}

type DiscountRow = typeof discountCodes.$inferSelect;

/** Checks a code against dates, activity, currency and minimum subtotal (usage limits are checked at placement). */
/**
 * Checks a code against dates, activity, currency and minimum subtotal (usage limits are checked at placement), and
 * answers it in the market's currency: a fixed amount or minimum set in the store currency applies in another market
 * at that market's rate (to the minor unit).
 */
async function findUsableDiscount(executor: Executor, code: string, subtotalCents: number, market: MarketView, baseCurrency: string): Promise<DiscountRow> {
  const currency = market.currency;
  const now = new Date();
  const [row] = await executor.select().from(discountCodes).where(eq(discountCodes.code, code.toUpperCase()));
  if (!row || !row.isActive || (row.startsAt && row.startsAt > now) || (row.endsAt && row.endsAt <= now)) {
    throw discountError('This discount code is not valid.');
  }
  if (row.currency !== currency && row.currency !== baseCurrency) throw discountError('This discount code is not valid.');
  const inMarket = (cents: number) => (row.currency === currency ? cents : convertAmount(cents, row.currency, market, 'none'));
  const minimumCents = inMarket(row.minSubtotalCents);
  if (subtotalCents < minimumCents) {
    throw discountError(`This code needs a subtotal of at least ${formatMoney(money(minimumCents, currency))}.`);
  }
  if (row.usageLimit !== null && row.timesUsed >= row.usageLimit) throw discountError('This discount code has been used up.');
  return { ...row, value: row.type === 'fixed_amount' ? inMarket(row.value) : row.value, minSubtotalCents: minimumCents, currency };
}

function asPricingDiscount(row: DiscountRow | null): PricingDiscount {
  return row ? { type: row.type, value: row.value } : null;
}

export type CheckoutPreview = {
  cart: CartView;
  shippingOptions: ShippingOption[];
  selectedRateId: string | null;
  totals: Totals;
  /** The promotions applied (automatic ones, and one whose code was entered), with their amounts. */
  promotions: AppliedPromotions;
  discount: { code: string; description: string } | null;
  discountError: string | null;
  tenders: TenderPreview;
};

/** What the review step shows: the same arithmetic placement uses, on today's prices. */
export async function previewCheckout(
  ref: CartRef,
  input: { countryCode?: string | null; region?: string | null; shippingRateId?: string | null; discountCode?: string | null; giftCardCodes?: string[]; useStoreCredit?: boolean },
  executor: Executor = db,
): Promise<CheckoutPreview | null> {
  const cart = await getCartView(ref, executor);
  if (!cart || cart.lines.length === 0) return null;
  const [store, all] = await Promise.all([getStoreInfo(executor), getCachedMarkets()]);
  const market = all.find((candidate) => candidate.code === cart.market) ?? marketOfCart(all, { marketId: null });
  const countryCode = (input.countryCode ?? 'US').toUpperCase();
  const shippingOptions = await listShippingOptions(countryCode, market, store.currency, executor);
  const rate = shippingOptions.find((option) => option.id === input.shippingRateId) ?? shippingOptions[0] ?? null;
  const tax = await findTaxRate(executor, countryCode, input.region?.toUpperCase() ?? null);
  let discount: DiscountRow | null = null;
  let discountMessage: string | null = null;
  // A code names a promotion or a discount code (the promotion first); a promotion's code that does not fit the
  // cart says so, as a discount code's would.
  const promotionCode = input.discountCode && (await isPromotionCode(input.discountCode, executor)) ? input.discountCode : null;
  if (input.discountCode && !promotionCode) {
    try {
      discount = await findUsableDiscount(executor, input.discountCode, cart.subtotalCents, market, store.currency);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      discountMessage = error.message;
    }
  }
  const buyable = cart.lines.filter((line) => line.problem === null);
  const promoted = await applyPromotions(executor, {
    lines: buyable.map((line) => ({ key: line.id, variantId: line.variantId, unitPriceCents: line.unitPriceCents, quantity: line.quantity, isGiftCard: line.isGiftCard })),
    customerId: ref.userId ?? null,
    market,
    baseCurrency: store.currency,
    code: promotionCode,
    shippingCents: rate?.priceCents ?? 0,
  });
  if (promotionCode && !promoted.applied.some((entry) => entry.code === promotionCode.trim().toUpperCase())) {
    discountMessage = 'This code does not apply to your cart.';
  }
  const totals = computeTotals({
    lines: buyable,
    promotions: promoted,
    discount: asPricingDiscount(discount),
    shipping: rate,
    tax,
    taxInclusive: market.taxDisplay === 'inclusive',
  });
  const tenders = await previewTenders(
    {
      codes: input.giftCardCodes ?? [],
      useStoreCredit: input.useStoreCredit ?? false,
      customerId: ref.userId ?? null,
      currency: market.currency,
      amountCents: totals.totalCents,
      buysGiftCards: buyable.some((line) => line.isGiftCard),
    },
    executor,
  );
  return {
    tenders,
    cart,
    shippingOptions,
    selectedRateId: rate?.id ?? null,
    totals,
    promotions: promoted,
    discount: discount ? { code: discount.code, description: discount.description } : null,
    discountError: discountMessage,
  };
}

/**
 * Counts one use of each applied promotion in the order's transaction: a conditional increment (never past the
 * overall limit), whose row lock also serialises the per-customer count after it — so concurrent orders of one
 * customer cannot both take the last use. Rows are locked in id order, so two orders never wait on each other.
 */
async function countPromotionUses(tx: Transaction, promoted: AppliedPromotions, customerId: string): Promise<void> {
  for (const entry of [...promoted.applied].sort((a, b) => (a.promotionId < b.promotionId ? -1 : 1))) {
    const [counted] = await tx
      .update(promotionsTable)
      .set({ timesUsed: sql`${promotionsTable.timesUsed} + 1` })
      .where(and(eq(promotionsTable.id, entry.promotionId), or(isNull(promotionsTable.usageLimit), sql`${promotionsTable.timesUsed} < ${promotionsTable.usageLimit}`)))
      .returning({ perCustomerLimit: promotionsTable.perCustomerLimit });
    const refused = `“${entry.title}” is no longer available for this order. Review the order summary (its total has been updated) and place the order again.`;
    if (!counted) throw new AppError('conflict', refused, { fieldErrors: { discountCode: [refused] } });
    if (counted.perCustomerLimit !== null) {
      const used = await tx.$count(orderPromotions, and(eq(orderPromotions.promotionId, entry.promotionId), eq(orderPromotions.customerId, customerId)));
      if (used >= counted.perCustomerLimit) {
        const message = `You have already used “${entry.title}” as many times as it allows. Review the order summary and place the order again.`;
        throw new AppError('conflict', message, { fieldErrors: { discountCode: [message] } });
      }
    }
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "SF-" + 8 Crockford base32 characters (40 random bits): unguessable enough to pair with the email for lookup. */
export function newOrderNumber(): string {
  const bytes = randomBytes(8);
  let out = 'SF-';
  for (const byte of bytes) out += CROCKFORD[byte & 31];
  return out;
}

export type PlacedOrder = {
  orderId: string;
  number: string;
  totalCents: number;
  /** Left to pay after gift cards and store credit (0: paid at placement, nothing to start). */
  amountDueCents: number;
  currency: string;
  created: boolean;
  /** Products whose stock and sales changed (empty when an existing order was returned). */
  productSlugs: string[];
};

/** Locks the cart the caller may use: by id (web form), else the ref's active or converted cart (API token). */
async function lockCheckoutCart(tx: Transaction, ref: CartRef, cartId: string | undefined) {
  const owner = ref.userId
    ? eq(carts.userId, ref.userId)
    : ref.token
      ? and(eq(carts.tokenHash, hashCartToken(ref.token)), isNull(carts.userId))
      : undefined;
  if (!owner) return null;
  const where = cartId ? and(eq(carts.id, cartId), owner) : ref.userId ? and(owner, eq(carts.status, 'active')) : owner;
  const [row] = await tx
    .select({ id: carts.id, status: carts.status, currency: carts.currency, marketId: carts.marketId })
    .from(carts)
    .where(where)
    .limit(1)
    // Concurrent submits of one cart queue here; the first converts it, the rest find the order it made.
    .for('update');
  return row ?? null;
}

async function existingOrderFor(executor: Executor, cartId: string): Promise<PlacedOrder | null> {
  const [row] = await executor
    .select({
      orderId: orders.id,
      number: orders.number,
      totalCents: orders.totalCents,
      amountDueCents: sql<number>`${orders.totalCents} - ${orders.giftCardCents} - ${orders.storeCreditCents}`.mapWith(Number),
      currency: orders.currency,
    })
    .from(orders)
    .where(eq(orders.sourceCartId, cartId));
  return row ? { ...row, created: false, productSlugs: [] } : null;
}

/**
 * Places the order for a cart in ONE transaction: re-price every line from the database, count the discount use with
 * a conditional increment, snapshot lines, convert the cart, write the outbox event, and — last — take stock with a
 * conditional decrement. Idempotent per cart: repeated or concurrent submits return the one order.
 *
 * Why stock comes last: a popular variant's row is the one lock every buyer of it queues on. Taken last, it is held
 * only for the statement that takes the stock (with its ledger row and sales count) and the commit, not for the rest
 * of the placement — on a Black-Friday variant that is what bounds orders per second. Independent statements are
 * sent together (pipelined on the transaction's connection) for the same reason.
 */
export async function placeOrder(
  ref: CartRef,
  input: PlaceOrderInput,
  options: {
    userId?: string | null;
    /**
     * A destination in another market moves the cart there and places the order in its currency (the Store API, whose
     * answer carries the currency). Off for the web form: its shopper must have seen the new prices first (the live
     * summary moves the cart as the country changes), so a placement that skipped that is refused.
     */
    followCountryMarket?: boolean;
    /** The storefront language the shopper placed the order in: its emails are written in it. */
    locale?: Locale;
  } = {},
  executor: Executor = db,
): Promise<PlacedOrder> {
  if (input.paymentProvider === 'stripe' && !isStripeEnabled()) {
    throw new AppError('validation_failed', 'Card payments are not available.', { fieldErrors: { paymentProvider: ['Choose an available payment method.'] } });
  }
  // The schema already applied the per-country address rules; re-applied for callers that built the input by hand.
  const checkedAddress = checkAddressRules(input.shippingAddress);
  if (!checkedAddress.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(checkedAddress.fieldErrors).map(([key, messages]) => [`shippingAddress.${key}`, messages]));
    throw new AppError('validation_failed', 'Some fields are invalid.', { fieldErrors });
  }
  input = { ...input, shippingAddress: checkedAddress.address };
  // Read before the transaction (a cache miss inside it would wait for a second connection while holding one).
  const [allMarkets, baseStore] = await Promise.all([getCachedMarkets(), getStoreInfo(executor)]);
  return executor.transaction(async (tx) => {
    const cart = await lockCheckoutCart(tx, ref, input.cartId);
    if (!cart) throw new AppError('not_found', 'Your cart could not be found. It may have expired.');
    if (cart.status !== 'active') {
      const existing = await existingOrderFor(tx, cart.id);
      if (existing) return existing;
      throw new AppError('conflict', 'This cart can no longer be checked out.');
    }

    const countryCode = input.shippingAddress.countryCode;
    let market = marketOfCart(allMarkets, cart);
    // The shipping country must be in the cart's market: the order summary (quoteCheckout) moves the cart when the
    // country changes, so the shopper sees the new currency before paying; a placement that skipped it is refused.
    const countryMarket = marketForCountry(allMarkets, countryCode);
    if ((countryMarket.id !== market.id || cart.currency !== market.currency) && options.followCountryMarket) {
      await tx.update(carts).set({ marketId: countryMarket.id, currency: countryMarket.currency }).where(eq(carts.id, cart.id));
      market = countryMarket;
    } else if (countryMarket.id !== market.id || cart.currency !== market.currency) {
      const message = `${countryMarket.name} pays in ${countryMarket.currency}: update the order summary to see your cart in ${countryMarket.currency}, then place the order.`;
      throw new AppError('conflict', message, { fieldErrors: { 'shippingAddress.countryCode': [message] } });
    }
    const [lines, shippingOptions, tax, customer] = await Promise.all([
      // Variants in id order, so two checkouts sharing variants take their row locks in the same order.
      tx
        .select({
          variantId: variants.id,
          productId: products.id,
          productSlug: products.slug,
          productTitle: products.title,
          productStatus: products.status,
          variantTitle: variants.title,
          sku: variants.sku,
          unitPriceCents: variants.priceCents,
          currency: variants.currency,
          isActive: variants.isActive,
          quantity: cartLines.quantity,
          isGiftCard: products.isGiftCard,
          giftCardRecipient: cartLines.giftCardRecipient,
          imageKey: sql<string | null>`(select ${productImages.storageKey} from ${productImages}
            where ${productImages.productId} = ${products.id} order by ${productImages.position} limit 1)`,
        })
        .from(cartLines)
        .innerJoin(variants, eq(variants.id, cartLines.variantId))
        .innerJoin(products, eq(products.id, variants.productId))
        .where(eq(cartLines.cartId, cart.id))
        .orderBy(asc(variants.id)),
      listShippingOptions(countryCode, market, baseStore.currency, tx),
      findTaxRate(tx, countryCode, input.shippingAddress.region),
      // The customer record: the account, or one per guest email (one upsert, sent with the reads above).
      options.userId ? { id: options.userId, created: false } : ensureGuestCustomer(tx, input.email, input.shippingAddress.name),
    ]);
    if (lines.length === 0) throw new AppError('conflict', 'Your cart is empty.');
    // Every line in the market's currency: its explicit price there, else derived (lib/markets/pricing.ts).
    const explicit = market.isDefault ? new Map() : await getExplicitPrices(market.id, lines.map((line) => line.variantId), tx);
    for (const line of lines) {
      line.unitPriceCents = resolvePrice({ priceCents: line.unitPriceCents, compareAtPriceCents: null, currency: line.currency }, market, explicit.get(line.variantId)).priceCents;
    }
    for (const line of lines) {
      if (!isPurchasable(line, baseStore.currency)) {
        throw new AppError('conflict', `${line.productTitle} is no longer available. Please remove it from your cart.`);
      }
    }
    const rate = shippingOptions.find((option) => option.id === input.shippingRateId);
    if (!rate) {
      throw new AppError('validation_failed', 'Choose a shipping method available for this address.', {
        fieldErrors: { shippingRateId: ['Choose a shipping method available for this address.'] },
      });
    }
    const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);

    let discount: DiscountRow | null = null;
    const promotionCode = input.discountCode && (await isPromotionCode(input.discountCode, tx)) ? input.discountCode : null;
    if (input.discountCode && !promotionCode) {
      discount = await findUsableDiscount(tx, input.discountCode, subtotalCents, market, baseStore.currency);
      // Conditional increment: the row lock it takes also serialises the per-customer count just below.
      const [counted] = await tx
        .update(discountCodes)
        .set({ timesUsed: sql`${discountCodes.timesUsed} + 1` })
        .where(
          and(
            eq(discountCodes.id, discount.id),
            or(isNull(discountCodes.usageLimit), sql`${discountCodes.timesUsed} < ${discountCodes.usageLimit}`),
          ),
        )
        .returning({ id: discountCodes.id });
      if (!counted) throw discountError('This discount code has been used up.');
      if (discount.perCustomerLimit !== null) {
        const customer = options.userId
          ? or(eq(discountRedemptions.userId, options.userId), eq(discountRedemptions.email, input.email))
          : eq(discountRedemptions.email, input.email);
        const used = await tx.$count(discountRedemptions, and(eq(discountRedemptions.discountCodeId, discount.id), customer));
        if (used >= discount.perCustomerLimit) throw discountError('You have already used this discount code.');
      }
    }

    // Promotions priced again here, on the prices read in this transaction, as the summary priced them.
    const promoted = await applyPromotions(tx, {
      lines: lines.map((line) => ({ key: line.variantId, variantId: line.variantId, unitPriceCents: line.unitPriceCents, quantity: line.quantity, isGiftCard: line.isGiftCard })),
      customerId: options.userId ?? null,
      market,
      baseCurrency: baseStore.currency,
      code: promotionCode,
      shippingCents: rate.priceCents,
    });
    if (promotionCode && !promoted.applied.some((entry) => entry.code === promotionCode.trim().toUpperCase())) {
      throw discountError('This code does not apply to your cart.');
    }
    await countPromotionUses(tx, promoted, customer.id);

    const totals = computeTotals({
      lines,
      promotions: promoted,
      discount: asPricingDiscount(discount),
      shipping: rate,
      tax,
      taxInclusive: market.taxDisplay === 'inclusive',
    });

    // Gift cards and store credit pay after tax, in this transaction: locked, planned, conditionally decremented.
    const tendered = await spendTenders(tx, {
      codes: input.giftCardCodes ?? [],
      useStoreCredit: input.useStoreCredit ?? false,
      customerId: options.userId ?? null,
      currency: market.currency,
      amountCents: totals.totalCents,
      buysGiftCards: lines.some((line) => line.isGiftCard),
    });
    const giftCardCents = tendered.giftCards.reduce((sum, card) => sum + card.amountCents, 0);
    const amountDueCents = totals.totalCents - giftCardCents - tendered.storeCreditCents;
    // Covered in full by gift cards and store credit: paid now, nothing to collect.
    const paidByTender = amountDueCents === 0 && giftCardCents + tendered.storeCreditCents > 0;
    const placedAt = new Date();

    let order: { id: string; number: string } | undefined;
    for (let attempt = 0; !order && attempt < 5; attempt += 1) {
      [order] = await tx
        .insert(orders)
        .values({
          number: newOrderNumber(),
          userId: options.userId ?? null,
          customerId: customer.id,
          email: input.email,
          currency: market.currency,
          marketCode: market.code,
          exchangeRate: market.exchangeRate,
          locale: options.locale ?? DEFAULT_LOCALE,
          subtotalCents: totals.subtotalCents,
          discountCents: totals.discountCents,
          shippingCents: totals.shippingCents,
          taxCents: totals.taxCents,
          totalCents: totals.totalCents,
          giftCardCents,
          storeCreditCents: tendered.storeCreditCents,
          ...(paidByTender ? { status: 'paid' as const, paymentStatus: 'paid' as const, paidAt: placedAt } : {}),
          taxInclusive: totals.taxInclusive,
          shippingAddress: input.shippingAddress,
          shippingRateId: rate.id,
          shippingMethod: rate.name,
          discountCodeId: discount?.id ?? null,
          discountCode: discount?.code ?? null,
          paymentProvider: input.paymentProvider,
          customerNote: input.customerNote,
          sourceCartId: cart.id,
        })
        // A (very unlikely) clash of random numbers just draws again.
        .onConflictDoNothing({ target: orders.number })
        .returning({ id: orders.id, number: orders.number });
    }
    if (!order) throw new Error('could not draw a unique order number');
    const orderId = order.id;

    await Promise.all([
      tx.insert(orderLines).values(
        lines.map((line, i) => {
          const gross = line.unitPriceCents * line.quantity;
          const lineDiscount = totals.lineDiscountCents[i] ?? 0;
          const lineTax = totals.lineTaxCents[i] ?? 0;
          return {
            orderId,
            productId: line.productId,
            variantId: line.variantId,
            productTitle: line.productTitle,
            variantTitle: line.variantTitle,
            sku: line.sku,
            unitPriceCents: line.unitPriceCents,
            quantity: line.quantity,
            discountCents: lineDiscount,
            taxCents: lineTax,
            totalCents: gross - lineDiscount + (totals.taxInclusive ? 0 : lineTax),
            imageKey: line.imageKey,
            isGiftCard: line.isGiftCard,
            giftCardRecipient: line.isGiftCard ? line.giftCardRecipient : null,
          };
        }),
      ),
      promoted.applied.length > 0
        ? tx.insert(orderPromotions).values(
            promoted.applied.map((entry) => ({
              orderId,
              promotionId: entry.promotionId,
              customerId: customer.id,
              title: entry.title,
              code: entry.code,
              amountCents: entry.amountCents,
              freeShipping: entry.freeShipping,
            })),
          )
        : null,
      discount
        ? tx.insert(discountRedemptions).values({
            discountCodeId: discount.id,
            orderId,
            userId: options.userId ?? null,
            email: input.email,
            amountCents: totals.discountCents,
          })
        : null,
      input.paymentProvider === 'manual' && !paidByTender
        ? tx.insert(payments).values({ orderId, provider: 'manual', status: 'pending', amountCents: amountDueCents, currency: market.currency })
        : null,
      tx.insert(orderEvents).values({
        orderId,
        type: 'placed',
        message: `Order placed (${paidByTender ? 'paid by gift card / store credit' : input.paymentProvider === 'manual' ? 'awaiting payment' : 'card payment'})`,
        data: giftCardCents + tendered.storeCreditCents > 0 ? { giftCardCents, storeCreditCents: tendered.storeCreditCents, giftCards: tendered.giftCards.map((card) => ({ lastFour: card.lastFour, amountCents: card.amountCents })) } : null,
        actorId: options.userId ?? null,
      }),
      recordTenders(tx, orderId, tendered, options.userId ?? null),
      paidByTender ? enqueueWebhookEvent(tx, 'order.paid', { kind: 'order', id: orderId }) : null,
      tx.update(carts).set({ status: 'converted', email: input.email }).where(eq(carts.id, cart.id)),
      tx.insert(outboxEvents).values({ type: 'order.placed', aggregateType: 'order', aggregateId: orderId, payload: { orderId, number: order.number } }),
      enqueueWebhookEvent(tx, 'order.created', { kind: 'order', id: orderId }),
      // A guest's first order makes them a customer: announced as a registration is (Shopify's customers/create).
      customer.created ? enqueueWebhookEvent(tx, 'customer.created', { kind: 'customer', id: customer.id }) : null,
    ]);

    // Stock, last (see above). Per line, in variant id order: a conditional decrement — zero rows means someone else
    // took it first and nothing is oversold — with its ledger entry and the product's sales count in one statement.
    for (const line of lines) {
      const taken = await moveStock(tx, { variantId: line.variantId, delta: -line.quantity, reason: 'order_placed', orderId, actorId: options.userId ?? null, countsAsSale: true });
      if (!taken) {
        throw new AppError('conflict', `Sorry, ${line.productTitle} (${line.variantTitle}) no longer has ${line.quantity} in stock.`, {
          fieldErrors: { cart: [`${line.productTitle} is low on stock.`] },
        });
      }
    }
    return {
      orderId,
      number: order.number,
      totalCents: totals.totalCents,
      amountDueCents,
      currency: market.currency,
      created: true,
      productSlugs: [...new Set(lines.map((line) => line.productSlug))],
    };
  });
}

/** Countries some active rate ships to, as codes; the page names them with Intl.DisplayNames. */
export async function listShippingCountries(executor: Executor = db): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ countries: shippingZones.countries })
    .from(shippingZones)
    .innerJoin(shippingRates, and(eq(shippingRates.zoneId, shippingZones.id), eq(shippingRates.isActive, true)));
  return [...new Set(rows.flatMap((row) => row.countries))].sort();
}
