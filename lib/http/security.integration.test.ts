import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { POST as checkoutRoute } from '@/app/api/store/v1/checkout/route';
import { GET as getCartRoute } from '@/app/api/store/v1/carts/current/route';
import { POST as addLineRoute } from '@/app/api/store/v1/carts/current/lines/route';
import { PATCH as updateLineRoute } from '@/app/api/store/v1/carts/current/lines/[lineId]/route';
import { db } from '@/db/client';
import { setUpApiTestServer } from '@/db/testing/api-harness';
import { createTestVariant } from '@/db/testing/fixtures';
import { discountCodes, emailMessages, orders, users, variants } from '@/db/schema';
import { profileSchema, registerSchema } from '@/lib/auth/schemas';
import { authenticateCredentials, registerUser, requestPasswordReset, updateProfile } from '@/lib/auth/service';
import { listShippingOptions } from '@/lib/checkout/service';
import { CLIENT_IP_HEADER } from '@/lib/server/client-ip';

// Attacks on the JSON Store API and the account services, through the real route handlers and services on a real
// database. Each test names the attack and asserts what the attacker gets. (Browser-side attacks — CSP, headers,
// stored XSS rendering, path tricks on protected pages — are in e2e/security/.) Rate limits here count in a fresh
// in-process store so that the attacks below are judged on their own merits, not stopped early by a limit.

const SITE = 'http://localhost:3000'; // SITE_URL's default, which these tests run with
const noParams = { params: Promise.resolve({}) };
let ipCounter = 0;
const freshIp = () => `192.0.2.${(ipCounter += 1)}`;

function api(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { [CLIENT_IP_HEADER]: freshIp(), ...init.headers };
  if (init.token) headers['x-cart-token'] = init.token;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return new NextRequest(new URL(path, SITE), {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function newCartWith(variantId: string, quantity = 1): Promise<{ token: string; lineId: string }> {
  const response = await addLineRoute(api('/api/store/v1/carts/current/lines', { method: 'POST', body: { variantId, quantity } }), noParams);
  expect(response.status).toBe(201);
  const body = (await response.json()) as { token: string; cart: { lines: { id: string }[] } };
  return { token: body.token, lineId: body.cart.lines[0]!.id };
}

const address = { name: 'Ada Buyer', line1: '1 Test Street', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' };

setUpApiTestServer();

describe('CSRF: state-changing JSON requests from a foreign origin', () => {
  it('refuses a cross-site POST (foreign Origin, Origin "null", Sec-Fetch-Site cross-site) with 403 and changes nothing', async () => {
    const { variant } = await createTestVariant({ stock: 5 });
    const { token } = await newCartWith(variant.id, 1);
    const attacks: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of attacks) {
      const response = await addLineRoute(
        api('/api/store/v1/carts/current/lines', { method: 'POST', token, body: { variantId: variant.id, quantity: 3 }, headers }),
        noParams,
      );
      expect(response.status).toBe(403);
    }
    const cart = (await (await getCartRoute(api('/api/store/v1/carts/current', { token }), noParams)).json()) as { cart: { lines: { quantity: number }[] } };
    expect(cart.cart.lines.map((l) => l.quantity)).toEqual([1]);
  });

  it('accepts the same request from this site, and from an API client that sends no Origin (documented Store API use)', async () => {
    const { variant } = await createTestVariant({ stock: 5 });
    const same = await addLineRoute(api('/api/store/v1/carts/current/lines', { method: 'POST', body: { variantId: variant.id, quantity: 1 }, headers: { origin: SITE } }), noParams);
    expect(same.status).toBe(201);
    const none = await addLineRoute(api('/api/store/v1/carts/current/lines', { method: 'POST', body: { variantId: variant.id, quantity: 1 } }), noParams);
    expect(none.status).toBe(201);
  });
});

describe('price and quantity tampering via the Store API', () => {
  it.each([
    ['negative quantity', -3],
    ['zero quantity', 0],
    ['fractional quantity', 1.5],
    ['huge quantity', 1e12],
    ['quantity as a string with SQL', '1; DROP TABLE orders'],
  ])('refuses a %s with 422 and leaves stock untouched', async (_name, quantity) => {
    const { variant } = await createTestVariant({ stock: 7 });
    const response = await addLineRoute(api('/api/store/v1/carts/current/lines', { method: 'POST', body: { variantId: variant.id, quantity } }), noParams);
    expect(response.status).toBe(422);
    const [row] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variant.id));
    expect(row!.stock).toBe(7);
  });

  it('refuses tampered quantities on an existing line (PATCH)', async () => {
    const { variant } = await createTestVariant({ stock: 7 });
    const { token, lineId } = await newCartWith(variant.id, 1);
    for (const quantity of [-1, 2.5, 1e9]) {
      const response = await updateLineRoute(
        api(`/api/store/v1/carts/current/lines/${lineId}`, { method: 'PATCH', token, body: { quantity } }),
        { params: Promise.resolve({ lineId }) },
      );
      expect([409, 422]).toContain(response.status);
    }
  });

  it('ignores a client-sent price, subtotal and total: the order is priced from the database', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 4200 });
    const add = await addLineRoute(
      api('/api/store/v1/carts/current/lines', { method: 'POST', body: { variantId: variant.id, quantity: 2, priceCents: 1, unitPriceCents: 1 } }),
      noParams,
    );
    expect(add.status).toBe(201);
    const { token } = (await add.json()) as { token: string };
    const rate = (await listShippingOptions('US', 'USD')).find((o) => o.name === 'Standard')!;
    const response = await checkoutRoute(
      api('/api/store/v1/checkout', {
        method: 'POST',
        token,
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: { email: 'tamper@example.com', shippingAddress: address, shippingRateId: rate.id, totalCents: 1, subtotalCents: 1, discountCents: 99999 },
      }),
      noParams,
    );
    expect(response.status).toBe(201);
    const { order } = (await response.json()) as { order: { number: string; totalCents: number } };
    const [row] = await db.select({ subtotal: orders.subtotalCents, total: orders.totalCents }).from(orders).where(eq(orders.number, order.number));
    expect(row!.subtotal).toBe(8400);
    expect(row!.total).toBeGreaterThanOrEqual(8400);
  });
});

describe('IDOR on carts', () => {
  it('a guessed or foreign cart token reads and changes nothing', async () => {
    const { variant } = await createTestVariant({ stock: 5 });
    const victim = await newCartWith(variant.id, 2);
    const guessed = 'A'.repeat(43);
    expect((await getCartRoute(api('/api/store/v1/carts/current', { token: guessed }), noParams)).status).toBe(404);
    // The attacker's own cart cannot reach the victim's line by id.
    const attacker = await newCartWith(variant.id, 1);
    const patch = await updateLineRoute(
      api(`/api/store/v1/carts/current/lines/${victim.lineId}`, { method: 'PATCH', token: attacker.token, body: { quantity: 5 } }),
      { params: Promise.resolve({ lineId: victim.lineId }) },
    );
    expect(patch.status).toBe(404);
    const cart = (await (await getCartRoute(api('/api/store/v1/carts/current', { token: victim.token }), noParams)).json()) as { cart: { lines: { quantity: number }[] } };
    expect(cart.cart.lines.map((l) => l.quantity)).toEqual([2]);
  });
});

describe('discount reuse race through the Store API', () => {
  it('eight shoppers racing for a code with one use left: exactly one order gets it', async () => {
    const code = `RACE${Date.now().toString(36).toUpperCase()}`;
    await db.insert(discountCodes).values({ code, type: 'fixed_amount', value: 500, currency: 'USD', usageLimit: 1 });
    const { variant } = await createTestVariant({ stock: 50, priceCents: 2000 });
    const rate = (await listShippingOptions('US', 'USD')).find((o) => o.name === 'Standard')!;
    const carts = await Promise.all(Array.from({ length: 8 }, () => newCartWith(variant.id, 1)));
    const responses = await Promise.all(
      carts.map(({ token }, i) =>
        checkoutRoute(
          api('/api/store/v1/checkout', {
            method: 'POST',
            token,
            headers: { 'idempotency-key': crypto.randomUUID() },
            body: { email: `racer${i}@example.com`, shippingAddress: address, shippingRateId: rate.id, discountCode: code },
          }),
          noParams,
        ),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status >= 500)).toHaveLength(0);
    const [row] = await db.select({ used: discountCodes.timesUsed }).from(discountCodes).where(eq(discountCodes.code, code));
    expect(row!.used).toBe(1);
  });
});

describe('mass assignment and account fields', () => {
  it('sign-up ignores a posted role=admin (and status, id): the account is a plain active customer', async () => {
    const email = `escalate-${Date.now()}@example.com`;
    const parsed = registerSchema.parse({ name: 'Mallory', email, password: 'mallory password 1', role: 'admin', status: 'active', id: crypto.randomUUID() });
    expect(Object.keys(parsed).sort()).toEqual(['email', 'name', 'password']);
    await registerUser(parsed);
    const user = await authenticateCredentials(email, 'mallory password 1');
    expect(user?.role).toBe('customer');
  });

  it('the profile form accepts only the name: role, email and password hash in the post do nothing', async () => {
    const email = `profile-${Date.now()}@example.com`;
    await registerUser({ name: 'Eve', email, password: 'eve password 123' });
    const user = (await authenticateCredentials(email, 'eve password 123'))!;
    const parsed = profileSchema.parse({ name: 'Eve Renamed', role: 'admin', email: 'admin@example.com', passwordHash: 'x' });
    expect(Object.keys(parsed)).toEqual(['name']);
    await updateProfile(user.id, parsed);
    const [row] = await db.select({ role: users.role, email: users.email, name: users.name }).from(users).where(eq(users.id, user.id));
    expect(row).toEqual({ role: 'customer', email, name: 'Eve Renamed' });
  });

  it('one account per mailbox: case and Unicode (NFKC) variants of an address are the same account', async () => {
    const email = `dup-${Date.now()}@example.com`;
    await registerUser({ name: 'First', email, password: 'first password 1' });
    await registerUser({ name: 'Second', email: `  ${email.toUpperCase().replace('D', 'Ｄ')} `, password: 'second password 2' });
    const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(rows).toHaveLength(1);
    expect(await authenticateCredentials(email, 'second password 2')).toBeNull();
  });

  it('password-reset links are built from SITE_URL, whatever Host the request came with', async () => {
    const email = `reset-host-${Date.now()}@example.com`;
    await registerUser({ name: 'Host', email, password: 'host password 12' });
    await requestPasswordReset(email);
    const all = await db.select({ text: emailMessages.textBody, template: emailMessages.template }).from(emailMessages).where(eq(emailMessages.toAddress, email));
    const reset = all.find((m) => m.template === 'password_reset')!;
    expect(reset.text).toMatch(new RegExp(`${SITE.replace(/[.:/]/g, '\\$&')}/account/reset-password\\?token=`));
  });
});

describe('stored XSS in the order confirmation email', () => {
  it('escapes names and addresses in the HTML part: a payload arrives as text, never as markup', async () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const { variant } = await createTestVariant({ stock: 5, priceCents: 1000 });
    const { token } = await newCartWith(variant.id, 1);
    const rate = (await listShippingOptions('US', 'USD')).find((o) => o.name === 'Standard')!;
    const email = `xss-${Date.now()}@example.com`;
    const response = await checkoutRoute(
      api('/api/store/v1/checkout', {
        method: 'POST',
        token,
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: { email, shippingAddress: { ...address, name: payload, line1: payload }, shippingRateId: rate.id },
      }),
      noParams,
    );
    expect(response.status).toBe(201);
    const { order } = (await response.json()) as { order: { number: string } };
    expect(order.number).toMatch(/^SF-/);
    // The confirmation goes out moments after the answer (lib/orders/notifications.ts), not within the request.
    const mails = await vi.waitFor(
      async () => {
        const found = await db
          .select({ subject: emailMessages.subject, html: emailMessages.htmlBody, text: emailMessages.textBody })
          .from(emailMessages)
          .where(eq(emailMessages.toAddress, email));
        if (!found.some((mail) => mail.subject.startsWith('Order confirmation'))) throw new Error('no confirmation email yet');
        return found;
      },
      { timeout: 10_000, interval: 100 },
    );
    // No message to this buyer carries the payload as markup; the confirmation, which prints the name and address,
    // shows it as text.
    for (const mail of mails) expect(mail.html).not.toMatch(/<script|<img src=x/i);
    const confirmation = mails.find((mail) => mail.subject.startsWith('Order confirmation'))!;
    expect(confirmation.html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(confirmation.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(confirmation.text).toContain(payload);
  });
});
