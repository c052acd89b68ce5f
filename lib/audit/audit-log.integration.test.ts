import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { setCustomerStatus } from '@/lib/customers/service';
import { actorFor, createPerson } from '@/lib/admin/testing/people';
import { auditLogFilterSchema } from './schemas';
import { listAuditEntries, listAuditFacets } from './queries';
import { matrixProduct, staffActor, uniqueSuffix } from '@/lib/admin/testing';
import { saveProduct } from '@/lib/catalog/products/service';
import { describeAuditChanges } from './diff';
import { describeAuditEntities } from './entities';

afterAll(() => closeConnection());

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('audit log', () => {
  it('lists newest first and filters by actor, action, entity type and an inclusive date range', async () => {
    const staff = await createPerson('staff');
    const first = await createPerson('customer');
    const second = await createPerson('customer');
    await setCustomerStatus(actorFor(staff), first.id, 'disabled');
    await setCustomerStatus(actorFor(staff), second.id, 'disabled');
    await setCustomerStatus(actorFor(staff), second.id, 'active');

    const mine = await listAuditEntries(auditLogFilterSchema.parse({ actor: staff.email.toUpperCase() }));
    const names = await describeAuditEntities(mine.items);
    // Entities are named for people: the customer's email, with a link to their page.
    expect(names.get(`user:${first.id}`)).toEqual({ typeLabel: 'Person', name: first.email, href: `/admin/customers/${first.id}` });
    expect(mine.items.map((entry) => [entry.action, entry.entityId])).toEqual([
      ['customer.enable', second.id],
      ['customer.disable', second.id],
      ['customer.disable', first.id],
    ]);
    expect(mine.items[0]).toMatchObject({ actorEmail: staff.email, before: { status: 'disabled' }, after: { status: 'active' } });

    const enables = await listAuditEntries(auditLogFilterSchema.parse({ actor: staff.email, action: 'customer.enable', entityType: 'user' }));
    expect(enables.items).toHaveLength(1);
    expect((await listAuditEntries(auditLogFilterSchema.parse({ actor: staff.email, entityType: 'discount' }))).items).toHaveLength(0);

    // "to" includes the whole day; a range that ends yesterday or starts tomorrow finds nothing of today's.
    expect((await listAuditEntries(auditLogFilterSchema.parse({ actor: staff.email, from: day(0), to: day(0) }))).total).toBe(3);
    expect((await listAuditEntries(auditLogFilterSchema.parse({ actor: staff.email, to: day(-1) }))).total).toBe(0);
    expect((await listAuditEntries(auditLogFilterSchema.parse({ actor: staff.email, from: day(1) }))).total).toBe(0);
    // Malformed filters are dropped, not errors.
    expect(auditLogFilterSchema.parse({ from: 'yesterday', page: '-4' })).toMatchObject({ from: undefined, page: 1 });

    const facets = await listAuditFacets();
    expect(facets.actions).toEqual(expect.arrayContaining(['customer.disable', 'customer.enable']));
    expect(facets.actors).toContain(staff.email);
  });

  it("reads a product update as the merchant made it: the product's title with a link, every price and compare-at change", async () => {
    const actor = await staffActor();
    const suffix = uniqueSuffix();
    const input = matrixProduct(suffix);
    const saved = await saveProduct(actor, input);
    // Only one variant's compare-at price changes, and another's price moves inside the product's price range.
    const sku = input.variants[0]!.sku;
    const other = input.variants[1]!.sku;
    await saveProduct(actor, {
      ...input,
      id: saved.id,
      variants: input.variants.map((v) => (v.sku === sku ? { ...v, compareAtPrice: '25.00' } : v.sku === other ? { ...v, price: '20.05' } : v)),
    });

    const { items } = await listAuditEntries(auditLogFilterSchema.parse({ action: 'product.update', actor: actor.user.email }));
    const entry = items.find((item) => item.entityId === saved.id)!;
    expect(describeAuditChanges(entry.before, entry.after, 'USD')).toEqual([
      { label: `Compare-at price (${sku})`, from: null, to: '$25.00' },
      { label: `Price (${other})`, from: '$20.10', to: '$20.05' },
    ]);
    const entities = await describeAuditEntities([entry, { entityType: 'order', entityId: 'not-a-uuid' }]);
    expect(entities.get(`product:${saved.id}`)).toEqual({ typeLabel: 'Product', name: input.title, href: `/admin/products/${saved.id}` });
    expect(entities.get('order:not-a-uuid')).toEqual({ typeLabel: 'Order', name: null, href: null });
  });

  it('cannot be changed: the table refuses updates and deletes', async () => {
    await expect(db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
