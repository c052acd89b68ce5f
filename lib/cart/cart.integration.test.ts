import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { cartLines, carts, variants } from '@/db/schema';
import { POST as createCartRoute } from '@/app/api/store/v1/carts/route';
import { GET as getCartRoute } from '@/app/api/store/v1/carts/current/route';
import { POST as addLineRoute } from '@/app/api/store/v1/carts/current/lines/route';
import { DELETE as removeLineRoute, PATCH as updateLineRoute } from '@/app/api/store/v1/carts/current/lines/[lineId]/route';
import { AppError } from '@/lib/errors';
import { addCartLine, getCartView, hashCartToken, removeCartLine, updateCartLine } from './service';

afterAll(() => closeConnection());

const noParams = { params: Promise.resolve({}) };

function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers['x-cart-token'] = init.token;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return new NextRequest(new URL(path, 'http://store.test'), {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function newApiCart(): Promise<string> {
  const response = await createCartRoute(api('/api/store/v1/carts', { method: 'POST' }), noParams);
  expect(response.status).toBe(201);
  const body = await response.json();
  expect(response.headers.get('set-cookie')).toMatch(/sf_cart=.+HttpOnly.*SameSite=lax/i);
  return body.token as string;
}

async function lineCount(token: string) {
  const cart = await getCartView({ token });
  return cart ? cart.lines.map((line) => [line.variantId, line.quantity]) : [];
}

describe('guest cart (service)', () => {
  it('creates the cart lazily on the first add, storing only a hash of the token', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 1999 });
    const result = await addCartLine({}, { variantId: variant.id, quantity: 2 });
    expect(result.newToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(carts).where(eq(carts.id, result.cart.id));
    expect(row!.tokenHash).toBe(hashCartToken(result.newToken!));
    expect(row!.tokenHash).not.toContain(result.newToken!);
    expect(result.cart.subtotalCents).toBe(3998);
    expect(result.cart.itemCount).toBe(2);

    // A second add of the same variant adds to the line; the limit is min(stock, 10).
    const again = await addCartLine({ token: result.newToken }, { variantId: variant.id, quantity: 3 });
    expect(again.newToken).toBeNull();
    expect(again.cart.lines).toHaveLength(1);
    expect(again.cart.lines[0]!.quantity).toBe(5);
    await expect(addCartLine({ token: result.newToken }, { variantId: variant.id, quantity: 1 })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('prices every view from the catalogue as it is now', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 1000 });
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 3 });
    await db.update(variants).set({ priceCents: 1250 }).where(eq(variants.id, variant.id));
    const cart = await getCartView({ token: newToken });
    expect(cart!.subtotalCents).toBe(3750);
  });

  it('refuses a sold-out variant and leaves no cart behind', async () => {
    const { variant } = await createTestVariant({ stock: 0 });
    const before = await db.$count(carts);
    await expect(addCartLine({}, { variantId: variant.id, quantity: 1 })).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.$count(carts)).toBe(before);
  });

  it.each(['draft', 'archived'] as const)('refuses a variant of a %s product', async (status) => {
    const { variant } = await createTestVariant({ status, stock: 10 });
    const error = await addCartLine({}, { variantId: variant.id, quantity: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
  });

  it('changes and removes lines only in the caller’s own cart', async () => {
    const { variant } = await createTestVariant({ stock: 8 });
    const mine = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const theirs = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const theirLine = theirs.cart.lines[0]!.id;

    await expect(updateCartLine({ token: mine.newToken }, { lineId: theirLine, quantity: 4 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeCartLine({ token: mine.newToken }, theirLine)).rejects.toMatchObject({ code: 'not_found' });
    expect(await lineCount(theirs.newToken!)).toEqual([[variant.id, 1]]);

    const updated = await updateCartLine({ token: mine.newToken }, { lineId: mine.cart.lines[0]!.id, quantity: 8 });
    expect(updated.lines[0]!.quantity).toBe(8);
    await expect(updateCartLine({ token: mine.newToken }, { lineId: mine.cart.lines[0]!.id, quantity: 9 })).rejects.toMatchObject({
      code: 'conflict',
    });
    const emptied = await removeCartLine({ token: mine.newToken }, mine.cart.lines[0]!.id);
    expect(emptied.lines).toEqual([]);
  });

  it('flags lines whose product was unpublished or whose stock fell, and leaves them out of the subtotal', async () => {
    const { variant } = await createTestVariant({ stock: 6, priceCents: 500 });
    const other = await createTestVariant({ stock: 6, priceCents: 700 });
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 4 });
    await addCartLine({ token: newToken }, { variantId: other.variant.id, quantity: 1 });
    await db.update(variants).set({ stockOnHand: 2 }).where(eq(variants.id, variant.id));
    const cart = (await getCartView({ token: newToken }))!;
    expect(cart.lines.map((l) => l.problem)).toEqual(['insufficient_stock', null]);
    expect(cart.hasProblems).toBe(true);
    expect(cart.subtotalCents).toBe(700);
  });
});

describe('Store API carts', () => {
  it('ignores a client-sent price: the total comes from the database', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 4200 });
    const token = await newApiCart();
    const response = await addLineRoute(
      api('/api/store/v1/carts/current/lines', {
        method: 'POST',
        token,
        body: { variantId: variant.id, quantity: 2, priceCents: 1, unitPriceCents: 1, totalCents: 1 },
      }),
      noParams,
    );
    expect(response.status).toBe(201);
    const { cart } = await response.json();
    expect(cart.lines[0].unitPriceCents).toBe(4200);
    expect(cart.subtotalCents).toBe(8400);
  });

  it.each([
    ['negative', -1],
    ['zero', 0],
    ['fractional', 1.5],
    ['huge', 1_000_000_000],
    ['a string', 'lots'],
  ])('refuses a %s quantity with 422 and changes nothing', async (_label, quantity) => {
    const { variant } = await createTestVariant({ stock: 5 });
    const token = await newApiCart();
    await addLineRoute(api('/api/store/v1/carts/current/lines', { method: 'POST', token, body: { variantId: variant.id, quantity: 1 } }), noParams);
    const before = await lineCount(token);

    const add = await addLineRoute(api('/api/store/v1/carts/current/lines', { method: 'POST', token, body: { variantId: variant.id, quantity } }), noParams);
    expect(add.status).toBe(422);
    expect((await add.json()).error.fieldErrors.quantity).toBeTruthy();

    const cart = (await getCartView({ token }))!;
    const patch = await updateLineRoute(
      api(`/api/store/v1/carts/current/lines/${cart.lines[0]!.id}`, { method: 'PATCH', token, body: { quantity } }),
      { params: Promise.resolve({ lineId: cart.lines[0]!.id }) },
    );
    expect(patch.status).toBe(422);
    expect(await lineCount(token)).toEqual(before);
  });

  it('refuses sold-out and unpublished variants with 4xx', async () => {
    const token = await newApiCart();
    const soldOut = await createTestVariant({ stock: 0 });
    const draft = await createTestVariant({ status: 'draft' });
    const archived = await createTestVariant({ status: 'archived' });
    for (const { variant } of [soldOut, draft, archived]) {
      const response = await addLineRoute(
        api('/api/store/v1/carts/current/lines', { method: 'POST', token, body: { variantId: variant.id, quantity: 1 } }),
        noParams,
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(await lineCount(token)).toEqual([]);
  });

  it('reads, updates and deletes lines by token; an unknown token has no cart', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 300 });
    const first = await addLineRoute(api('/api/store/v1/carts/current/lines', { method: 'POST', body: { variantId: variant.id, quantity: 1 } }), noParams);
    const { token, cart } = await first.json();
    expect(token).toBeTruthy();
    const lineId = cart.lines[0].id;

    const patched = await updateLineRoute(
      api(`/api/store/v1/carts/current/lines/${lineId}`, { method: 'PATCH', token, body: { quantity: 3 } }),
      { params: Promise.resolve({ lineId }) },
    );
    expect((await patched.json()).cart.subtotalCents).toBe(900);

    const got = await getCartRoute(api('/api/store/v1/carts/current', { token }), noParams);
    expect((await got.json()).cart.itemCount).toBe(3);

    const stranger = await newApiCart();
    const foreign = await removeLineRoute(api(`/api/store/v1/carts/current/lines/${lineId}`, { method: 'DELETE', token: stranger }), {
      params: Promise.resolve({ lineId }),
    });
    expect(foreign.status).toBe(404);

    const removed = await removeLineRoute(api(`/api/store/v1/carts/current/lines/${lineId}`, { method: 'DELETE', token }), {
      params: Promise.resolve({ lineId }),
    });
    expect((await removed.json()).cart.lines).toEqual([]);
    expect(await db.$count(cartLines)).toBeGreaterThanOrEqual(0);

    const unknown = await getCartRoute(api('/api/store/v1/carts/current', { token: 'x'.repeat(43) }), noParams);
    expect(unknown.status).toBe(404);
  });
});
