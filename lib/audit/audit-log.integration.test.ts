import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { setCustomerStatus } from '@/lib/customers/service';
import { actorFor, createPerson } from '@/lib/admin/testing/people';
import { auditLogFilterSchema } from './schemas';
import { listAuditEntries, listAuditFacets } from './queries';

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

    expect((await listAuditFacets()).actions).toEqual(expect.arrayContaining(['customer.disable', 'customer.enable']));
  });

  it('cannot be changed: the table refuses updates and deletes', async () => {
    await expect(db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
