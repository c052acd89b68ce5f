import 'server-only';
import { and, asc, count, desc, eq, ilike } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { discountCodes, storeSettings } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/service';
import { AppError, invalidField } from '@/lib/errors';
import { parseAmountField } from '@/lib/money/fields';
import { type Page, pageCountOf } from '@/lib/pagination';
import type { DiscountInput } from './schemas';

export type DiscountView = {
  id: string;
  code: string;
  description: string;
  type: 'percentage' | 'fixed_amount' | 'free_shipping';
  value: number;
  currency: string;
  minSubtotalCents: number;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  timesUsed: number;
  startsAt: Date | null;
  endsAt: Date | null;
  isActive: boolean;
};

const columns = {
  id: discountCodes.id,
  code: discountCodes.code,
  description: discountCodes.description,
  type: discountCodes.type,
  value: discountCodes.value,
  currency: discountCodes.currency,
  minSubtotalCents: discountCodes.minSubtotalCents,
  usageLimit: discountCodes.usageLimit,
  perCustomerLimit: discountCodes.perCustomerLimit,
  timesUsed: discountCodes.timesUsed,
  startsAt: discountCodes.startsAt,
  endsAt: discountCodes.endsAt,
  isActive: discountCodes.isActive,
};

export async function listDiscounts(executor: Executor = db): Promise<DiscountView[]> {
  return executor.select(columns).from(discountCodes).orderBy(desc(discountCodes.createdAt)).limit(500);
}

export const DISCOUNTS_PER_PAGE = 25;

export const discountListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  // The column the list is sorted by and which way; without them, newest first.
  sort: z.enum(['created', 'code', 'used']).default('created').catch('created'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type DiscountListQuery = z.infer<typeof discountListQuerySchema>;

/** Codes ascend by default; dates and counts descend. */
export function discountSortDirection(query: Pick<DiscountListQuery, 'sort' | 'dir'>): 'asc' | 'desc' {
  return query.dir ?? (query.sort === 'code' ? 'asc' : 'desc');
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the panel's list: search by code, active or not, sorted by the chosen column (ties by id). */
export async function listDiscountsPage(query: DiscountListQuery, executor: Executor = db): Promise<Page<DiscountView & { createdAt: Date }>> {
  const where = and(
    query.q ? ilike(discountCodes.code, `%${escapeLike(query.q)}%`) : undefined,
    query.status ? eq(discountCodes.isActive, query.status === 'active') : undefined,
  );
  const direction = discountSortDirection(query) === 'asc' ? asc : desc;
  const column = query.sort === 'code' ? discountCodes.code : query.sort === 'used' ? discountCodes.timesUsed : discountCodes.createdAt;
  const [{ total }] = (await executor.select({ total: count() }).from(discountCodes).where(where)) as [{ total: number }];
  const pageCount = pageCountOf(total, DISCOUNTS_PER_PAGE);
  const page = Math.min(query.page, pageCount);
  const items = await executor
    .select({ ...columns, createdAt: discountCodes.createdAt })
    .from(discountCodes)
    .where(where)
    .orderBy(direction(column), direction(discountCodes.id))
    .limit(DISCOUNTS_PER_PAGE)
    .offset((page - 1) * DISCOUNTS_PER_PAGE);
  return { items, page, pageCount, total };
}

export async function getDiscount(id: string, executor: Executor = db): Promise<DiscountView | null> {
  const [row] = await executor.select(columns).from(discountCodes).where(eq(discountCodes.id, id));
  return row ?? null;
}

/** The value column's meaning depends on the type: whole percent, minor units, or 0 (see db/schema/commerce.ts). */
function discountValue(input: DiscountInput, currency: string): number {
  if (input.type === 'free_shipping') return 0;
  if (input.type === 'fixed_amount') return parseAmountField('value', input.value, currency, false);
  if (!/^\d{1,3}$/.test(input.value) || Number(input.value) < 1 || Number(input.value) > 100) {
    throw invalidField('value', 'Enter a whole percentage from 1 to 100.');
  }
  return Number(input.value);
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}

function auditable(view: Omit<DiscountView, 'id' | 'timesUsed'>): Record<string, unknown> {
  return { ...view, startsAt: view.startsAt?.toISOString() ?? null, endsAt: view.endsAt?.toISOString() ?? null };
}

export async function saveDiscount(actor: AuditActor, input: DiscountInput, executor: Executor = db): Promise<string> {
  try {
    return await executor.transaction(async (tx) => {
      const [settings] = await tx.select({ currency: storeSettings.currency }).from(storeSettings).where(eq(storeSettings.id, 1));
      const currency = settings?.currency ?? 'USD';
      const values = {
        code: input.code,
        description: input.description,
        type: input.type,
        value: discountValue(input, currency),
        currency,
        minSubtotalCents: parseAmountField('minSubtotal', input.minSubtotal, currency, true),
        usageLimit: input.usageLimit,
        perCustomerLimit: input.perCustomerLimit,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        isActive: input.isActive,
      };
      if (!input.id) {
        const [created] = await tx.insert(discountCodes).values(values).returning({ id: discountCodes.id });
        await recordAudit(tx, actor, { action: 'discount.create', entityType: 'discount', entityId: created!.id, after: auditable(values) });
        return created!.id;
      }
      const [before] = await tx.select(columns).from(discountCodes).where(eq(discountCodes.id, input.id)).for('update');
      if (!before) throw new AppError('not_found', 'No such discount.');
      if (values.usageLimit !== null && values.usageLimit < before.timesUsed) {
        throw invalidField('usageLimit', `This code was already used ${before.timesUsed} times; the limit cannot be lower.`);
      }
      await tx.update(discountCodes).set({ ...values, updatedAt: new Date() }).where(eq(discountCodes.id, input.id));
      const { id: _id, timesUsed: _t, ...rest } = before;
      await recordAudit(tx, actor, { action: 'discount.update', entityType: 'discount', entityId: input.id, before: auditable(rest), after: auditable(values) });
      return input.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('code', 'Another discount already uses this code.');
    throw error;
  }
}

/** A code that was used stays (orders point at it); deactivate it instead. */
export async function deleteDiscount(actor: AuditActor, id: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(discountCodes).where(eq(discountCodes.id, id)).for('update');
    if (!before) throw new AppError('not_found', 'No such discount.');
    if (before.timesUsed > 0) throw new AppError('conflict', 'This code has been used, so it is kept for the order history. Deactivate it instead.');
    await tx.delete(discountCodes).where(eq(discountCodes.id, id));
    const { id: _id, timesUsed: _t, ...rest } = before;
    await recordAudit(tx, actor, { action: 'discount.delete', entityType: 'discount', entityId: id, before: auditable(rest) });
  });
}
