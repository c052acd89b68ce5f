import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { orders } from '@/db/schema';
import { createPerson } from '@/lib/admin/testing/people';
import type { SessionUser } from '@/lib/auth/session-types';

// The command palette's search against the real database: staff find orders by number, products by title or SKU and
// customers by email; a shopper's session (or none) is refused before anything is read. Only the request-bound
// parts are stood in for: which user the session cookie names, and the request headers.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.21' }),
  cookies: async () => new Map<string, { value: string }>(),
}));

const { searchAdminAction } = await import('./actions');

afterAll(() => closeConnection());

async function signedIn(role: 'customer' | 'staff') {
  const person = await createPerson(role);
  session.user = { id: person.id, email: person.email, name: '', role };
  return person;
}

describe('command palette search', () => {
  it('finds an order by part of its number, a product by SKU and a customer by email, with links to each', async () => {
    const customer = await createPerson('customer');
    const { product, variant } = await createTestVariant();
    const [order] = await db.select({ number: orders.number }).from(orders).limit(1);
    await signedIn('staff');

    const byNumber = await searchAdminAction({ q: order!.number.slice(3, 9).toLowerCase() });
    expect(byNumber).toMatchObject({ ok: true });
    expect(byNumber.ok && byNumber.data).toContainEqual(expect.objectContaining({ kind: 'order', href: `/admin/orders/${order!.number}` }));

    const bySku = await searchAdminAction({ q: variant.sku });
    expect(bySku.ok && bySku.data).toContainEqual({ kind: 'product', href: `/admin/products/${product.id}`, label: product.title, detail: `SKU ${variant.sku}` });

    const byEmail = await searchAdminAction({ q: customer.email });
    expect(byEmail.ok && byEmail.data).toContainEqual(expect.objectContaining({ kind: 'customer', href: `/admin/customers/${customer.id}`, detail: customer.email }));
  });

  it('never lists staff accounts as customers', async () => {
    const colleague = await createPerson('staff');
    await signedIn('staff');
    const result = await searchAdminAction({ q: colleague.email });
    expect(result.ok && result.data.filter((r) => r.kind === 'customer')).toEqual([]);
  });

  it('refuses a shopper and an anonymous caller, and validates what is typed', async () => {
    const shopper = await signedIn('customer');
    expect(await searchAdminAction({ q: shopper.email })).toMatchObject({ ok: false, code: 'forbidden' });
    session.user = null;
    expect(await searchAdminAction({ q: 'SF-' })).toMatchObject({ ok: false, code: 'unauthenticated' });
    await signedIn('staff');
    expect(await searchAdminAction({ q: 'x' })).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await searchAdminAction({ q: 'x'.repeat(101) })).toMatchObject({ ok: false, code: 'validation_failed' });
  });

  it('treats LIKE wildcards as text: "%%" finds nothing rather than everything', async () => {
    await signedIn('staff');
    const result = await searchAdminAction({ q: '%%' });
    expect(result).toEqual({ ok: true, data: [] });
  });
});
