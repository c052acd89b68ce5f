import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeConnection } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { addCartLine } from '@/lib/cart/service';
import { AppError } from '@/lib/errors';
import { installServerLayer } from '@/lib/server/install';
import { RATE_LIMITS } from '@/lib/rate-limit';
import { quoteCheckout } from './quote';
import { checkoutQuoteSchema, placeOrderSchema } from './schemas';
import { listShippingOptions, placeOrder } from './service';

// Only the request-bound parts are stood in for (there is no HTTP request here): the client address and cookies.
const request = vi.hoisted(() => ({ ip: '192.0.2.1', cookies: new Map<string, { value: string }>() }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-storefront-client-ip': request.ip }),
  cookies: async () => ({
    get: (name: string) => request.cookies.get(name),
    set: (name: string, value: string) => request.cookies.set(name, { value }),
    delete: (name: string) => request.cookies.delete(name),
  }),
}));
installServerLayer({ trustedProxyHops: 0, door: null, shutdown: null });
// Integration files share one module registry (vitest.config.ts: isolate false): the actions' modules, loaded
// fresh, see the stand-ins above even when an earlier file loaded the real ones.
vi.resetModules();
const fresh = await import('@/db/client');
const { quoteCheckoutAction, updateCheckoutSummaryAction } = await import('./actions');

afterAll(() => Promise.all([closeConnection(), fresh.closeConnection()]));

/** A client address no earlier run used (Redis outlives the test database): a random IPv6 /64. */
const freshAddress = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::1`;

// The live order summary: every figure comes from the server's pricing, whatever a client sends.

async function guestCart(priceCents = 4000, quantity = 1) {
  const { variant } = await createTestVariant({ stock: 20, priceCents });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity });
  return { token: newToken! };
}

const quote = (ref: { token: string }, raw: Record<string, unknown>) => quoteCheckout(ref, checkoutQuoteSchema.parse(raw), `test:${randomUUID()}`);

describe('re-pricing the checkout for an address', () => {
  it('adds a US state’s sales tax only once the state is known, and Express costs what the rate says', async () => {
    const ref = await guestCart(4000);
    const bare = (await quote(ref, { countryCode: 'us' }))!.quote;
    expect(bare.countryCode).toBe('US');
    expect(bare.totals).toMatchObject({ subtotalCents: 4000, shippingCents: 599, taxCents: 0, totalCents: 4599 });

    // California: 7.25 % on the goods only.
    const california = (await quote(ref, { countryCode: 'US', region: 'california' }))!.quote;
    expect(california.totals.taxCents).toBe(290);
    expect(california.totals.totalCents).toBe(4000 + 599 + 290);

    const express = bare.shippingOptions.find((option) => option.name === 'Express')!;
    const fast = (await quote(ref, { countryCode: 'US', region: 'CA', shippingRateId: express.id }))!.quote;
    expect(fast.selectedRateId).toBe(express.id);
    expect(fast.totals.shippingCents).toBe(1499);
  });

  it('a UK address moves the cart to the UK market: GBP, the European rates converted, 20 % VAT included in the prices', async () => {
    const ref = await guestCart(4000);
    const uk = (await quote(ref, { countryCode: 'GB', postalCode: 'sw1a 1aa' }))!.quote;
    expect(uk.marketChange).toMatchObject({ from: { currency: 'USD' }, to: { code: 'gb', currency: 'GBP' } });
    expect(uk.currency).toBe('GBP');
    expect(uk.shippingOptions.map((option) => option.name)).toEqual(['Standard International', 'Express International']);
    // $40.00 × 0.79 = £31.60, rounded up to .99; shipping $14.99 × 0.79 = £11.8421 → £11.84. VAT is inside both.
    expect(uk.totals).toMatchObject({ subtotalCents: 3199, shippingCents: 1184, totalCents: 3199 + 1184, taxInclusive: true });
    expect(uk.totals.taxCents).toBe(Math.round(((3199 + 1184) * 2000) / 12000));
    expect(uk.addressErrors).toEqual({});
    // Asked again for the same country, the cart is already there.
    expect((await quote(ref, { countryCode: 'GB' }))!.quote.marketChange).toBeNull();
  });

  it('shows exactly what placement then charges', async () => {
    const ref = await guestCart(3333, 2);
    const priced = (await quote(ref, { countryCode: 'US', region: 'NY', discountCode: 'save5' }))!.quote;
    expect(priced.discount?.code).toBe('SAVE5');
    const placed = await placeOrder(
      ref,
      placeOrderSchema.parse({
        email: `quote-${randomUUID()}@example.com`,
        shippingAddress: { name: 'Q', line1: '1 Main St', city: 'New York', region: 'NY', postalCode: '10001', countryCode: 'US' },
        shippingRateId: priced.selectedRateId,
        discountCode: 'SAVE5',
      }),
    );
    expect(placed.totalCents).toBe(priced.totals.totalCents);
  });

  it('an empty cart has nothing to price', async () => {
    expect(await quote({ token: 'x'.repeat(43) }, { countryCode: 'US' })).toBeNull();
  });
});

describe('what a client can send that the page never would', () => {
  it('a rate id from another zone is not used: the address’s own first rate is', async () => {
    const ref = await guestCart(4000);
    const usExpress = (await listShippingOptions('US', 'USD')).find((option) => option.name === 'Express')!;
    const uk = (await quote(ref, { countryCode: 'GB', shippingRateId: usExpress.id }))!.quote;
    expect(uk.selectedRateId).not.toBe(usExpress.id);
    expect(uk.shippingOptions.some((option) => option.id === usExpress.id)).toBe(false);
    expect(uk.totals.shippingCents).toBe(1184); // the Standard International rate, in GBP
    // A made-up id too.
    const madeUp = (await quote(ref, { countryCode: 'US', shippingRateId: randomUUID() }))!.quote;
    expect(madeUp.totals.shippingCents).toBe(599);
  });

  it('a country no zone ships to is refused with a field error, and so is a made-up one', async () => {
    const ref = await guestCart();
    for (const countryCode of ['KP', 'QX']) {
      const refused = await quote(ref, { countryCode }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('validation_failed');
      expect((refused as AppError).fieldErrors?.countryCode?.[0]).toMatch(/We do not ship to/);
    }
    expect(checkoutQuoteSchema.safeParse({ countryCode: 'USA' }).success).toBe(false);
    expect(checkoutQuoteSchema.safeParse({ countryCode: '' }).success).toBe(false);
  });

  it('a huge postal code is refused by the schema; garbage of a postal code’s size is priced and flagged', async () => {
    const huge = checkoutQuoteSchema.safeParse({ countryCode: 'US', postalCode: '9'.repeat(10_000) });
    expect(huge.success).toBe(false);
    expect(huge.error?.issues[0]?.path).toEqual(['postalCode']);
    expect(checkoutQuoteSchema.safeParse({ countryCode: 'US', region: 'x'.repeat(61) }).success).toBe(false);
    expect(checkoutQuoteSchema.safeParse({ countryCode: 'US', shippingRateId: "1' or '1'='1" }).success).toBe(false);

    const ref = await guestCart(4000);
    const garbage = (await quote(ref, { countryCode: 'GB', postalCode: '<script>' }))!.quote;
    expect(garbage.addressErrors.postalCode).toBe('Enter a valid postal code (e.g. SW1A 1AA).');
    expect(garbage.totals.taxCents).toBe(Math.round(((3199 + 1184) * 2000) / 12000)); // GBP, VAT inside the prices
    // A state that is not one: priced as the country alone (no state tax), and flagged.
    const notAState = (await quote(ref, { countryCode: 'US', region: 'Narnia' }))!.quote;
    expect(notAState.totals.taxCents).toBe(0);
    expect(notAState.addressErrors.region).toMatch(/is not a state of United States/);
  });
});

describe('the live endpoint', () => {
  it('prices the shopper’s own cart (by its cookie) and answers hostile input with field errors, not a crash', async () => {
    const { token } = await guestCart(4000);
    request.ip = freshAddress();
    request.cookies.set('sf_cart', { value: token });
    expect(await quoteCheckoutAction({ countryCode: 'GB' })).toMatchObject({ ok: true, data: { countryCode: 'GB', currency: 'GBP', totals: { shippingCents: 1184 } } });
    expect(await quoteCheckoutAction({ countryCode: 'US', postalCode: 'x'.repeat(5000) })).toMatchObject({ ok: false, code: 'validation_failed', fieldErrors: { postalCode: expect.any(Array) } });
    expect(await quoteCheckoutAction({ countryCode: 'KP' })).toMatchObject({ ok: false, fieldErrors: { countryCode: [expect.stringMatching(/We do not ship to/)] } });
    expect(await quoteCheckoutAction({ countryCode: { $ne: null } as unknown as string })).toMatchObject({ ok: false, code: 'validation_failed' });

    // The no-JavaScript form's update: the form's own names, what was typed echoed back.
    const form = new FormData();
    form.set('shipping.countryCode', 'DE');
    form.set('shipping.region', 'CA');
    form.set('shipping.line1', 'Unter den Linden 1');
    const updated = await updateCheckoutSummaryAction(null, form);
    expect(updated).toMatchObject({ ok: true, data: { countryCode: 'DE', addressErrors: { region: expect.stringMatching(/no state or region/) } }, values: { 'shipping.line1': 'Unter den Linden 1' } });
    form.set('shipping.countryCode', 'QX');
    expect(await updateCheckoutSummaryAction(null, form)).toMatchObject({ ok: false, fieldErrors: { 'shipping.countryCode': expect.any(Array) } });
    request.cookies.clear();
  });

  it(`${RATE_LIMITS.checkoutQuotePerIp.limit + 10} concurrent quotes from one address: exactly ${RATE_LIMITS.checkoutQuotePerIp.limit} are answered`, async () => {
    const { token } = await guestCart();
    request.cookies.set('sf_cart', { value: token });
    request.ip = freshAddress();
    const results = await Promise.all(Array.from({ length: RATE_LIMITS.checkoutQuotePerIp.limit + 10 }, () => quoteCheckoutAction({ countryCode: 'US', region: 'TX' })));
    expect(results.filter((result) => result.ok)).toHaveLength(RATE_LIMITS.checkoutQuotePerIp.limit);
    const refused = results.filter((result) => !result.ok);
    expect(refused).toHaveLength(10);
    for (const result of refused) expect(result).toMatchObject({ code: 'rate_limited' });
    // Another address is not affected.
    request.ip = freshAddress();
    expect(await quoteCheckoutAction({ countryCode: 'US', region: 'TX' })).toMatchObject({ ok: true });
    request.cookies.clear();
  });
});
