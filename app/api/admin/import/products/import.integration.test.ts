import { inArray } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { setUpApiTestServer } from '@/db/testing/api-harness';
import { products } from '@/db/schema';
import { createPerson } from '@/lib/admin/testing/people';
import type { SessionUser } from '@/lib/auth/session-types';
import { siteOrigin } from '@/lib/http/origin';

// The import screen's two requests with one file: the dry run checks it, and "Import" sends the very same bytes
// (the page keeps the file after a clean dry run, so nobody chooses it again). And the template's header row is
// exactly what the importer accepts: a file made from it imports.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));

setUpApiTestServer();

const { POST } = await import('./route');
const { GET: template } = await import('./template/route');
const ctx = { params: Promise.resolve({}) };

function upload(file: File, mode: 'dry-run' | 'apply') {
  const body = new FormData();
  body.set('mode', mode);
  body.set('file', file);
  return POST(new NextRequest('http://localhost/api/admin/import/products', { method: 'POST', body, headers: { origin: siteOrigin() } }), ctx);
}

describe('product import screen', () => {
  it('downloads a template whose header row, with rows under it, imports after a clean dry run of the same file', async () => {
    const staff = await createPerson('staff');
    session.user = { id: staff.id, email: staff.email, name: '', role: 'staff' };

    const response = await template(new NextRequest('http://localhost/api/admin/import/products/template'), ctx);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('products-template.csv');
    const header = (await response.text()).trimEnd();
    expect(header.split(',')).toEqual(expect.arrayContaining(['handle', 'title', 'sku', 'price']));

    const s = Date.now().toString(36);
    const columns = header.split(',');
    const row = (values: Record<string, string>) => columns.map((c) => values[c] ?? '').join(',');
    const file = new File(
      [[header, row({ handle: `tpl-zorblat-${s}`, title: `Template zorblat ${s}`, status: 'active', sku: `TPL-${s}`, price: '12.00', stock: '3' })].join('\r\n')],
      'products.csv',
      { type: 'text/csv' },
    );

    const dry = await upload(file, 'dry-run');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ applied: false, errors: [], created: 1 });
    expect(await db.$count(products, inArray(products.slug, [`tpl-zorblat-${s}`]))).toBe(0);

    const applied = await upload(file, 'apply');
    expect(await applied.json()).toMatchObject({ applied: true, errors: [], created: 1 });
    expect(await db.$count(products, inArray(products.slug, [`tpl-zorblat-${s}`]))).toBe(1);
  });

  it('refuses the template and the import to a shopper', async () => {
    const shopper = await createPerson('customer');
    session.user = { id: shopper.id, email: shopper.email, name: '', role: 'customer' };
    expect((await template(new NextRequest('http://localhost/api/admin/import/products/template'), ctx)).status).toBe(403);
    expect((await upload(new File(['handle\r\n'], 'x.csv'), 'dry-run')).status).toBe(403);
  });
});
