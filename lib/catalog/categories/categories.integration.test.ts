import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { categories } from '@/db/schema';
import { auditCount, staffActor, uniqueSuffix } from '@/lib/admin/testing';
import { categoryInputSchema, createCategory, deleteCategory, reorderCategory, updateCategory } from './service';

afterAll(() => closeConnection());

const input = (name: string, parentId: string | null = null) => categoryInputSchema.parse({ name, parentId: parentId ?? '' });

async function rows(ids: string[]) {
  const found = await db.select().from(categories).where(inArray(categories.id, ids));
  return Object.fromEntries(found.map((c) => [c.id, c]));
}

describe('category tree', () => {
  it('moving a category rewrites the path and depth of everything below it, in one go', async () => {
    const actor = await staffActor();
    const s = uniqueSuffix();
    const a = await createCategory(actor, input(`Alpha ${s}`));
    const b = await createCategory(actor, input(`Beta ${s}`, a.id));
    const c = await createCategory(actor, input(`Gamma ${s}`, b.id));
    const d = await createCategory(actor, input(`Delta ${s}`));
    let r = await rows([a.id, b.id, c.id]);
    expect(r[c.id]).toMatchObject({ path: `alpha-${s}/beta-${s}/gamma-${s}`, depth: 2 });

    const moved = await updateCategory(actor, { ...input(`Beta ${s}`, d.id), id: b.id });
    expect(moved.descendantsMoved).toBe(1);
    r = await rows([b.id, c.id]);
    expect(r[b.id]).toMatchObject({ path: `delta-${s}/beta-${s}`, depth: 1, parentId: d.id });
    expect(r[c.id]).toMatchObject({ path: `delta-${s}/beta-${s}/gamma-${s}`, depth: 2 });

    // To the top level, renamed: the slug change flows down too.
    await updateCategory(actor, { ...categoryInputSchema.parse({ name: 'Beta', slug: `beta-top-${s}`, parentId: '' }), id: b.id });
    r = await rows([b.id, c.id]);
    expect(r[b.id]).toMatchObject({ path: `beta-top-${s}`, depth: 0, parentId: null });
    expect(r[c.id]).toMatchObject({ path: `beta-top-${s}/gamma-${s}`, depth: 1 });
    expect(await auditCount('category.move', b.id)).toBe(2);
  });

  it('refuses cycles, and deleting a category that has children', async () => {
    const actor = await staffActor();
    const s = uniqueSuffix();
    const a = await createCategory(actor, input(`Top ${s}`));
    const b = await createCategory(actor, input(`Mid ${s}`, a.id));
    const c = await createCategory(actor, input(`Leaf ${s}`, b.id));
    await expect(updateCategory(actor, { ...input(`Top ${s}`, c.id), id: a.id })).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { parentId: [expect.stringMatching(/under itself/)] } });
    await expect(updateCategory(actor, { ...input(`Top ${s}`, a.id), id: a.id })).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await rows([a.id]))[a.id]).toMatchObject({ path: `top-${s}`, parentId: null });

    await expect(deleteCategory(actor, b.id)).rejects.toMatchObject({ code: 'conflict' });
    await deleteCategory(actor, c.id);
    await deleteCategory(actor, b.id);
    expect(await db.$count(categories, eq(categories.id, b.id))).toBe(0);
    expect(await auditCount('category.delete', b.id)).toBe(1);
  });

  it('reorders siblings', async () => {
    const actor = await staffActor();
    const s = uniqueSuffix();
    const parent = await createCategory(actor, input(`Parent ${s}`));
    const one = await createCategory(actor, input(`One ${s}`, parent.id));
    const two = await createCategory(actor, input(`Two ${s}`, parent.id));
    await reorderCategory(actor, two.id, 'up');
    const r = await rows([one.id, two.id]);
    expect([r[two.id]!.position, r[one.id]!.position]).toEqual([0, 1]);
  });
});
