import 'server-only';
import { and, asc, count, desc, eq, ilike, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { categories, customerGroupMembers, customerGroups, orderPromotions, products, promotions, users } from '@/db/schema';
import { type Page, pageCountOf } from '@/lib/pagination';
import { promotionBadge } from './engine';

// Promotion reads: the product page's badges (the same for every shopper, so they can sit in the page cache), and
// the panel's lists.

/**
 * The badges a product page shows: live automatic promotions open to everyone that reach this product, with no
 * minimum the page cannot know about (tiers say "up to"). Group, signed-in and first-order promotions never show
 * here: the page is cached and shared.
 */
export async function listProductPromotionBadges(productId: string, executor: Executor = db): Promise<string[]> {
  const rows = await executor
    .select({ action: promotions.action, minSubtotalCents: promotions.minSubtotalCents, minQuantity: promotions.minQuantity })
    .from(promotions)
    .where(
      and(
        eq(promotions.isActive, true),
        sql`${promotions.code} is null`,
        eq(promotions.eligibility, 'everyone'),
        sql`(${promotions.startsAt} is null or ${promotions.startsAt} <= now())`,
        sql`(${promotions.endsAt} is null or ${promotions.endsAt} > now())`,
        sql`(${promotions.usageLimit} is null or ${promotions.timesUsed} < ${promotions.usageLimit})`,
        sql`(${promotions.scope} = 'order'
          or (${promotions.scope} = 'products' and ${productId}::uuid = any(${promotions.productIds}))
          or (${promotions.scope} = 'categories' and ${promotions.categoryIds} && coalesce((select array_agg(pc.category_id) from product_categories pc where pc.product_id = ${productId}::uuid), '{}'::uuid[])))`,
        sql`(not ${promotions.excludeSaleItems} or exists (select 1 from variants v where v.product_id = ${productId}::uuid and v.is_active and (v.compare_at_price_cents is null or v.compare_at_price_cents <= v.price_cents)))`,
      ),
    )
    .orderBy(asc(promotions.createdAt));
  const badges = rows.flatMap((row) => {
    if (row.action.kind !== 'tiered' && (row.minSubtotalCents > 0 || row.minQuantity > 0)) return [];
    const badge = promotionBadge(row.action);
    return badge ? [badge] : [];
  });
  return [...new Set(badges)];
}

export type PromotionListRow = {
  id: string;
  title: string;
  code: string | null;
  actionKind: string;
  eligibility: string;
  groupName: string | null;
  isActive: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  timesUsed: number;
  usageLimit: number | null;
  discountCents: number;
  createdAt: Date;
};

export const PROMOTIONS_PER_PAGE = 25;

export const promotionListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type PromotionListQuery = z.infer<typeof promotionListQuerySchema>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the panel's list, newest first, with what each promotion has given in orders so far. */
export async function listPromotionsPage(query: PromotionListQuery, executor: Executor = db): Promise<Page<PromotionListRow>> {
  const where = query.q ? ilike(promotions.title, `%${escapeLike(query.q)}%`) : undefined;
  const [{ total }] = (await executor.select({ total: count() }).from(promotions).where(where)) as [{ total: number }];
  const pageCount = pageCountOf(total, PROMOTIONS_PER_PAGE);
  const page = Math.min(query.page, pageCount);
  const items = await executor
    .select({
      id: promotions.id,
      title: promotions.title,
      code: promotions.code,
      actionKind: promotions.actionKind,
      eligibility: promotions.eligibility,
      groupName: customerGroups.name,
      isActive: promotions.isActive,
      startsAt: promotions.startsAt,
      endsAt: promotions.endsAt,
      timesUsed: promotions.timesUsed,
      usageLimit: promotions.usageLimit,
      discountCents: sql<number>`coalesce((select sum(${orderPromotions.amountCents}) from ${orderPromotions} where ${orderPromotions.promotionId} = ${promotions.id}), 0)::int`,
      createdAt: promotions.createdAt,
    })
    .from(promotions)
    .leftJoin(customerGroups, eq(customerGroups.id, promotions.customerGroupId))
    .where(where)
    .orderBy(desc(promotions.createdAt), desc(promotions.id))
    .limit(PROMOTIONS_PER_PAGE)
    .offset((page - 1) * PROMOTIONS_PER_PAGE);
  return { items: items.map((row) => ({ ...row, discountCents: Number(row.discountCents) })), page, pageCount, total };
}

export async function getPromotion(id: string, executor: Executor = db) {
  const [row] = await executor.select().from(promotions).where(eq(promotions.id, id));
  return row ?? null;
}

export type CustomerGroupView = { id: string; name: string; memberCount: number };

export async function listCustomerGroups(executor: Executor = db): Promise<CustomerGroupView[]> {
  const rows = await executor
    .select({ id: customerGroups.id, name: customerGroups.name, memberCount: sql<number>`(select count(*) from ${customerGroupMembers} m where m.group_id = ${customerGroups.id})::int` })
    .from(customerGroups)
    .orderBy(asc(customerGroups.name));
  return rows.map((row) => ({ ...row, memberCount: Number(row.memberCount) }));
}

export async function listGroupMembers(groupId: string, executor: Executor = db): Promise<{ userId: string; email: string; name: string }[]> {
  return executor
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(customerGroupMembers)
    .innerJoin(users, eq(users.id, customerGroupMembers.userId))
    .where(eq(customerGroupMembers.groupId, groupId))
    .orderBy(asc(users.email))
    .limit(1000);
}

/** What the promotion form offers to pick: the newest products (searchable in the form), categories, groups. */
export async function listPromotionChoices(executor: Executor = db) {
  const [productRows, categoryRows, groups] = await Promise.all([
    executor.select({ value: products.id, label: products.title }).from(products).where(sql`${products.status} <> 'archived'`).orderBy(desc(products.createdAt)).limit(1000),
    executor.select({ value: categories.id, label: categories.name, path: categories.path }).from(categories).orderBy(asc(categories.path)).limit(1000),
    executor.select({ value: customerGroups.id, label: customerGroups.name }).from(customerGroups).orderBy(asc(customerGroups.name)),
  ]);
  return { products: productRows, categories: categoryRows.map(({ value, label }) => ({ value, label })), groups };
}
