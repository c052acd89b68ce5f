import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { users } from '@/db/schema';
import { saveViewSchema } from './schemas';
import { deleteView, listSavedViews, saveView } from './service';

afterAll(() => closeConnection());

async function staffMember() {
  const [user] = await db.insert(users).values({ email: `views-${randomBytes(4).toString('hex')}@example.com`, name: 'Views', role: 'staff' }).returning({ id: users.id });
  return user!.id;
}

describe('saved views', () => {
  it('keeps a list’s filters, sort and columns under a name, per person; the same name replaces; only the owner deletes', async () => {
    const [me, colleague] = await Promise.all([staffMember(), staffMember()]);
    const saved = await saveView(me, saveViewSchema.parse({ list: 'products', name: 'Low stock drafts', query: '?status=draft&sort=stock&dir=asc&hide=updated&page=3&evil=1' }));
    expect(saved.query).toBe('status=draft&sort=stock&dir=asc&hide=updated');
    await saveView(me, saveViewSchema.parse({ list: 'products', name: 'Low stock drafts', query: 'status=active' }));
    expect(await listSavedViews(me, 'products')).toEqual([{ id: saved.id, name: 'Low stock drafts', query: 'status=active' }]);
    expect(await listSavedViews(me, 'orders')).toEqual([]);
    expect(await listSavedViews(colleague, 'products')).toEqual([]);
    expect(await deleteView(colleague, saved.id)).toBe(false);
    expect(await deleteView(me, saved.id)).toBe(true);
    expect(await listSavedViews(me, 'products')).toEqual([]);
  });
});
