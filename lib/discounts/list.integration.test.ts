import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db/client';
import { actorFor, createPerson } from '@/lib/admin/testing/people';
import { discountSchema } from './schemas';
import { discountListQuerySchema, listDiscountsPage, saveDiscount } from './service';

afterAll(() => closeConnection());

describe('the panel’s discount list', () => {
  it('searches by code, filters active or not, sorts by code or use, and reads a broken URL as the default', async () => {
    const admin = await createPerson('admin');
    const tag = `ls${Date.now().toString(36)}`;
    for (const [suffix, isActive] of [['b', 'on'], ['a', 'on'], ['c', undefined]] as const) {
      await saveDiscount(actorFor(admin), discountSchema.parse({ code: `${tag}${suffix}`, type: 'percentage', value: '10', isActive }));
    }
    const codes = async (raw: Record<string, string>) => (await listDiscountsPage(discountListQuerySchema.parse({ q: tag, ...raw }))).items.map((item) => item.code);
    const upper = (suffix: string) => `${tag}${suffix}`.toUpperCase();

    // Newest first by default; by code A→Z at a click; the filter keeps only the active ones.
    expect(await codes({})).toEqual([upper('c'), upper('a'), upper('b')]);
    expect(await codes({ sort: 'code' })).toEqual([upper('a'), upper('b'), upper('c')]);
    expect(await codes({ sort: 'code', dir: 'desc' })).toEqual([upper('c'), upper('b'), upper('a')]);
    expect(await codes({ sort: 'code', status: 'active' })).toEqual([upper('a'), upper('b')]);
    expect(await codes({ sort: 'code', status: 'inactive' })).toEqual([upper('c')]);
    // A hand-edited URL falls back instead of failing: unknown sort, status and page.
    const page = await listDiscountsPage(discountListQuerySchema.parse({ q: tag, sort: 'price', status: 'maybe', page: '99' }));
    expect(page.items.map((item) => item.code)).toEqual([upper('c'), upper('a'), upper('b')]);
    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 3 });
  });
});
