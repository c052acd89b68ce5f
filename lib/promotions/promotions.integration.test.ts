import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createCartRoute } from '@/app/api/store/v1/carts/route';
import { GET as getCartRoute } from '@/app/api/store/v1/carts/current/route';
import { POST as addLineRoute } from '@/app/api/store/v1/carts/current/lines/route';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { orderLines, orderPromotions, orders, promotions, users } from '@/db/schema';
import { addCartLine, getCartView } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder, previewCheckout } from '@/lib/checkout/service';
import { getOrderByNumberAndEmail } from '@/lib/orders/queries';
import { promotionFormSchema } from './schemas';
import { addGroupMembers, saveCustomerGroup, savePromotion } from './service';

// Promotions through the real cart, checkout and placement: every promotion here is scoped to products made for
// the test, so the other files' totals on the shared database never see them.

afterAll(() => closeConnection());

let staff: { user: { id: string; email: string }; requestId: string; ip: string };

beforeAll(async () => {
  const email = `promo-admin-${randomBytes(4).toString('hex')}@example.com`;
  const [user] = await db.insert(users).values({ email, name: 'Promo Admin', role: 'admin' }).returning({ id: users.id, email: users.email });
  staff = { user: user!, requestId: 'test-promotions', ip: '127.0.0.1' };
});

const address = { name: 'Pat Promo', line1: '1 Test Street', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' };

async function standardRateId() {
  return (await listShippingOptions('US', 'USD')).find((o) => o.name === 'Standard')!.id;
}

function form(values: Record<string, string>) {
  return promotionFormSchema.parse({ isActive: 'on', stackable: 'on', eligibility: 'everyone', scope: 'products', ...values });
}

describe('promotions in the cart and at placement', () => {
  it('buy 2 get 1 free and spend tiers show in the cart with the next tier, and the order records them', async () => {
    const { variant: socks, product: sockProduct } = await createTestVariant({ priceCents: 800, stock: 50 });
    const { variant: coat, product: coatProduct } = await createTestVariant({ priceCents: 7000, stock: 50 });
    await savePromotion(staff, form({ title: 'Buy 2 socks get 1 free', actionKind: 'buy_x_get_y', buyQuantity: '2', getQuantity: '1', productIds: sockProduct.id }));
    await savePromotion(staff, form({ title: 'Spend more, save more', actionKind: 'tiered', tierBasis: 'spend', tiers: '100 = 10, 200 = 20', productIds: `${sockProduct.id},${coatProduct.id}` }));

    const { newToken } = await addCartLine({}, { variantId: socks.id, quantity: 3 });
    const ref = { token: newToken! };
    let cart = (await getCartView(ref))!;
    expect(cart.promotions).toEqual([expect.objectContaining({ title: 'Buy 2 socks get 1 free', amountCents: 800 })]);
    expect(cart.discountCents).toBe(800);
    expect(cart.lines[0]!.discountCents).toBe(800);
    // 2400 of $100: $76.00 to go for 10 %.
    expect(cart.nextTier).toMatchObject({ basis: 'spend', remaining: 7600, percent: 10 });

    await addCartLine(ref, { variantId: coat.id, quantity: 1 });
    cart = (await getCartView(ref))!;
    // 2400 + 7000 = 9400 < 10000: still only the socks; $6.00 to the first tier.
    expect(cart.nextTier).toMatchObject({ remaining: 600, percent: 10 });
    await addCartLine(ref, { variantId: coat.id, quantity: 1 });
    cart = (await getCartView(ref))!;
    // 16400 ≥ 10000: 10 % of what is left after the free sock (1600 + 14000) = 1560.
    expect(cart.promotions.map((p) => [p.title, p.amountCents])).toEqual([
      ['Buy 2 socks get 1 free', 800],
      ['Spend more, save more', 1560],
    ]);
    expect(cart.discountCents).toBe(2360);
    expect(cart.lines.reduce((sum, line) => sum + line.discountCents, 0)).toBe(2360);
    expect(cart.nextTier).toMatchObject({ remaining: 20_000 - 16_400, percent: 20 });

    const rateId = await standardRateId();
    const preview = (await previewCheckout(ref, { countryCode: 'US', region: 'OR', shippingRateId: rateId }))!;
    const placed = await placeOrder(ref, placeOrderSchema.parse({ email: `promo-${randomBytes(3).toString('hex')}@example.com`, shippingAddress: address, shippingRateId: rateId }));
    expect(placed.totalCents).toBe(preview.totals.totalCents);
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order!.discountCents).toBe(2360);
    const lines = await db.select({ discountCents: orderLines.discountCents }).from(orderLines).where(eq(orderLines.orderId, placed.orderId));
    expect(lines.reduce((sum, line) => sum + line.discountCents, 0)).toBe(2360);
    const recorded = await db.select({ title: orderPromotions.title, amountCents: orderPromotions.amountCents }).from(orderPromotions).where(eq(orderPromotions.orderId, placed.orderId));
    expect(recorded.sort((a, b) => a.amountCents - b.amountCents)).toEqual([
      { title: 'Buy 2 socks get 1 free', amountCents: 800 },
      { title: 'Spend more, save more', amountCents: 1560 },
    ]);
    const detail = await getOrderByNumberAndEmail(placed.number, order!.email);
    expect(detail?.promotions.map((p) => p.amountCents).sort((a, b) => a - b)).toEqual([800, 1560]);
  });

  it('a per-customer limit holds under 10 concurrent placements by one customer: exactly the limit succeed', async () => {
    const { variant, product } = await createTestVariant({ priceCents: 1000, stock: 100 });
    const { id } = await savePromotion(staff, form({ title: 'Twice per customer', actionKind: 'percent', percent: '50', productIds: product.id, perCustomerLimit: '2' }));
    const email = `limit-${randomBytes(4).toString('hex')}@example.com`;
    const rateId = await standardRateId();
    const refs = [];
    for (let i = 0; i < 10; i += 1) refs.push({ token: (await addCartLine({}, { variantId: variant.id, quantity: 1 })).newToken! });
    const results = await Promise.allSettled(refs.map((ref) => placeOrder(ref, placeOrderSchema.parse({ email, shippingAddress: address, shippingRateId: rateId }))));
    const placed = results.filter((r) => r.status === 'fulfilled');
    expect(placed).toHaveLength(2);
    for (const failure of results.filter((r) => r.status === 'rejected')) {
      expect((failure as PromiseRejectedResult).reason.message).toMatch(/already used “Twice per customer”/);
    }
    expect(await db.$count(orderPromotions, eq(orderPromotions.promotionId, id))).toBe(2);
    const [row] = await db.select({ timesUsed: promotions.timesUsed }).from(promotions).where(eq(promotions.id, id));
    expect(row!.timesUsed).toBe(2);
  });

  it('an overall limit holds under 10 concurrent placements by different shoppers', async () => {
    const { variant, product } = await createTestVariant({ priceCents: 1000, stock: 100 });
    const { id } = await savePromotion(staff, form({ title: 'First three only', actionKind: 'fixed', amount: '2.00', productIds: product.id, usageLimit: '3' }));
    const rateId = await standardRateId();
    const refs = [];
    for (let i = 0; i < 10; i += 1) refs.push({ token: (await addCartLine({}, { variantId: variant.id, quantity: 1 })).newToken! });
    const results = await Promise.allSettled(
      refs.map((ref, i) => placeOrder(ref, placeOrderSchema.parse({ email: `overall-${i}-${randomBytes(3).toString('hex')}@example.com`, shippingAddress: address, shippingRateId: rateId }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await db.$count(orderPromotions, eq(orderPromotions.promotionId, id))).toBe(3);
    // Used up: carts no longer get it.
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    expect((await getCartView({ token: newToken! }))!.promotions).toEqual([]);
  });

  it('a customer group promotion reaches its signed-in members only', async () => {
    const { variant, product } = await createTestVariant({ priceCents: 5000, stock: 20 });
    const groupId = await saveCustomerGroup(staff, { name: `VIP ${randomBytes(3).toString('hex')}` });
    await savePromotion(staff, form({ title: 'VIP 15 % off', actionKind: 'percent', percent: '15', productIds: product.id, eligibility: 'group', customerGroupId: groupId }));
    const memberEmail = `vip-${randomBytes(4).toString('hex')}@example.com`;
    const [member] = await db.insert(users).values({ email: memberEmail, name: 'Vee Ip', role: 'customer', passwordHash: 'x' }).returning({ id: users.id });
    const [outsider] = await db.insert(users).values({ email: `out-${randomBytes(4).toString('hex')}@example.com`, name: 'Out Sider', role: 'customer', passwordHash: 'x' }).returning({ id: users.id });
    const added = await addGroupMembers(staff, { groupId, emails: [memberEmail, 'nobody-here@example.com'] });
    expect(added).toEqual({ added: 1, unknown: ['nobody-here@example.com'] });
    expect((await addGroupMembers(staff, { groupId, emails: [memberEmail] })).added).toBe(0);

    const guest = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    expect(guest.cart.promotions).toEqual([]);
    const other = await addCartLine({ userId: outsider!.id }, { variantId: variant.id, quantity: 1 });
    expect(other.cart.discountCents).toBe(0);
    const vip = await addCartLine({ userId: member!.id }, { variantId: variant.id, quantity: 1 });
    expect(vip.cart.promotions).toEqual([expect.objectContaining({ title: 'VIP 15 % off', amountCents: 750 })]);
  });

  it('a code promotion applies only with its code, and an unknown code still reads as a discount code', async () => {
    const { variant, product } = await createTestVariant({ priceCents: 4000, stock: 20 });
    const code = `PROMO${randomBytes(3).toString('hex').toUpperCase()}`;
    await savePromotion(staff, form({ title: 'Code for 25 %', actionKind: 'percent', percent: '25', productIds: product.id, code }));
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const ref = { token: newToken! };
    expect((await getCartView(ref))!.promotions).toEqual([]);
    const withCode = (await previewCheckout(ref, { countryCode: 'US', discountCode: code.toLowerCase() }))!;
    expect(withCode.totals.discountCents).toBe(1000);
    expect(withCode.discountError).toBeNull();
    const unknown = (await previewCheckout(ref, { countryCode: 'US', discountCode: 'NOSUCHCODE42' }))!;
    expect(unknown.discountError).toBe('This discount code is not valid.');
  });

  it('the Store API cart carries the promotions, the lines’ shares and the next tier; a client-sent discount is ignored', async () => {
    const { variant, product } = await createTestVariant({ priceCents: 3000, stock: 20 });
    await savePromotion(staff, form({ title: 'Two-step spend', actionKind: 'tiered', tierBasis: 'spend', tiers: '50 = 5, 100 = 15', productIds: product.id }));
    const noParams = { params: Promise.resolve({}) };
    const request = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
      new NextRequest(new URL(path, 'http://store.test'), {
        method: init.method ?? 'GET',
        headers: { ...(init.token ? { 'x-cart-token': init.token } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    const { token } = await (await createCartRoute(request('/api/store/v1/carts', { method: 'POST' }), noParams)).json();
    const added = await addLineRoute(request('/api/store/v1/carts/current/lines', { method: 'POST', token, body: { variantId: variant.id, quantity: 2, discountCents: 6000 } }), noParams);
    expect(added.status).toBe(201);
    const { cart } = await added.json();
    // $60: 5 % ($3.00); $40 more reaches 15 %.
    expect(cart).toMatchObject({
      subtotalCents: 6000,
      discountCents: 300,
      discountedSubtotalCents: 5700,
      promotions: [{ title: 'Two-step spend', amountCents: 300, freeShipping: false }],
      nextTier: { title: 'Two-step spend', basis: 'spend', remaining: 4000, percent: 15 },
      lines: [{ discountCents: 300 }],
    });
    const current = await (await getCartRoute(request('/api/store/v1/carts/current', { token }), noParams)).json();
    expect(current.cart).toMatchObject({ discountCents: 300, nextTier: { remaining: 4000 } });
  });
});
