import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { categories, customerGroupMembers, customerGroups, products, promotions, storeSettings, users, type PromotionActionData } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/service';
import { AppError, invalidField } from '@/lib/errors';
import { parseAmountField } from '@/lib/money/fields';
import type { PromotionFormInput } from './schemas';

// Promotion and customer group writes, each audited in its transaction.

function percentOf(field: string, value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 100) throw invalidField(field, 'Enter a whole percentage from 1 to 100.');
  return Number(value);
}

/** "100 = 10, 200 = 20" (or one step per line): thresholds rising, percentages rising. */
function parseTiers(text: string, basis: 'spend' | 'quantity', currency: string): { threshold: number; percent: number }[] {
  const steps = text.split(/[\n,;]+/).map((part) => part.trim()).filter(Boolean);
  const message = basis === 'spend' ? 'Write each step as "amount = percent", e.g. "100 = 10, 200 = 20".' : 'Write each step as "items = percent", e.g. "3 = 10, 5 = 20".';
  if (steps.length === 0 || steps.length > 10) throw invalidField('tiers', message);
  const tiers = steps.map((step) => {
    const match = /^([\d.,]+)\s*[=:]\s*(\d{1,3})\s*%?$/.exec(step);
    if (!match) throw invalidField('tiers', message);
    const threshold = basis === 'spend' ? parseAmountField('tiers', match[1]!, currency, false) : Number(match[1]);
    if (!Number.isSafeInteger(threshold) || threshold < 1) throw invalidField('tiers', message);
    return { threshold, percent: percentOf('tiers', match[2]!) };
  });
  tiers.sort((a, b) => a.threshold - b.threshold);
  for (let i = 1; i < tiers.length; i += 1) {
    if (tiers[i]!.threshold === tiers[i - 1]!.threshold || tiers[i]!.percent <= tiers[i - 1]!.percent) {
      throw invalidField('tiers', 'Each step needs a higher threshold and a higher percentage than the one before.');
    }
  }
  return tiers;
}

function actionOf(input: PromotionFormInput, currency: string): PromotionActionData {
  switch (input.actionKind) {
    case 'percent':
      return { kind: 'percent', percent: percentOf('percent', input.percent) };
    case 'fixed':
      return { kind: 'fixed', amountCents: parseAmountField('amount', input.amount, currency, false) };
    case 'free_shipping':
      return { kind: 'free_shipping' };
    case 'buy_x_get_y':
      if (!input.buyQuantity) throw invalidField('buyQuantity', 'How many must the shopper buy?');
      if (!input.getQuantity) throw invalidField('getQuantity', 'How many do they get?');
      return {
        kind: 'buy_x_get_y',
        buyQuantity: input.buyQuantity,
        getQuantity: input.getQuantity,
        getPercent: input.getPercent ? percentOf('getPercent', input.getPercent) : 100,
        maxApplications: input.maxApplications,
      };
    case 'tiered':
      return { kind: 'tiered', basis: input.tierBasis, tiers: parseTiers(input.tiers, input.tierBasis, currency) };
  }
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}

function auditable(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}

export type SavedPromotion = { id: string; /** Products whose pages may show another badge now; 'all' for wide scopes. */ affected: string[] | 'all' };

async function affectedSlugs(tx: Executor, rows: { scope: string; productIds: string[] }[]): Promise<string[] | 'all'> {
  if (rows.some((row) => row.scope !== 'products')) return 'all';
  const ids = [...new Set(rows.flatMap((row) => row.productIds))];
  if (ids.length === 0) return [];
  return (await tx.select({ slug: products.slug }).from(products).where(inArray(products.id, ids))).map((row) => row.slug);
}

export async function savePromotion(actor: AuditActor, input: PromotionFormInput, executor: Executor = db): Promise<SavedPromotion> {
  try {
    return await executor.transaction(async (tx) => {
      const [settings] = await tx.select({ currency: storeSettings.currency }).from(storeSettings).where(eq(storeSettings.id, 1));
      const currency = settings?.currency ?? 'USD';
      const action = actionOf(input, currency);
      const productIds = input.scope === 'products' ? [...new Set(input.productIds)] : [];
      const categoryIds = input.scope === 'categories' ? [...new Set(input.categoryIds)] : [];
      if (productIds.length > 0 && (await tx.$count(products, inArray(products.id, productIds))) !== productIds.length) throw invalidField('productIds', 'Some products no longer exist.');
      if (categoryIds.length > 0 && (await tx.$count(categories, inArray(categories.id, categoryIds))) !== categoryIds.length) throw invalidField('categoryIds', 'Some categories no longer exist.');
      if (input.eligibility === 'group' && (await tx.$count(customerGroups, eq(customerGroups.id, input.customerGroupId!))) === 0) throw invalidField('customerGroupId', 'Choose a customer group.');
      const values = {
        title: input.title,
        code: input.code,
        isActive: input.isActive,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        eligibility: input.eligibility,
        customerGroupId: input.eligibility === 'group' ? input.customerGroupId : null,
        currency,
        minSubtotalCents: parseAmountField('minSubtotal', input.minSubtotal, currency, true),
        minQuantity: input.minQuantity ?? 0,
        scope: input.scope,
        productIds,
        categoryIds,
        excludeSaleItems: input.excludeSaleItems,
        stackable: input.stackable,
        actionKind: action.kind,
        action,
        usageLimit: input.usageLimit,
        perCustomerLimit: input.perCustomerLimit,
      };
      if (!input.id) {
        const [created] = await tx.insert(promotions).values(values).returning({ id: promotions.id });
        await recordAudit(tx, actor, { action: 'promotion.create', entityType: 'promotion', entityId: created!.id, after: auditable(values) });
        return { id: created!.id, affected: await affectedSlugs(tx, [values]) };
      }
      const [before] = await tx.select().from(promotions).where(eq(promotions.id, input.id)).for('update');
      if (!before) throw new AppError('not_found', 'No such promotion.');
      if (values.usageLimit !== null && values.usageLimit < before.timesUsed) {
        throw invalidField('usageLimit', `This promotion was already used ${before.timesUsed} times; the limit cannot be lower.`);
      }
      await tx.update(promotions).set({ ...values, updatedAt: new Date() }).where(eq(promotions.id, input.id));
      const { id: _id, timesUsed: _t, createdAt: _c, updatedAt: _u, ...rest } = before;
      await recordAudit(tx, actor, { action: 'promotion.update', entityType: 'promotion', entityId: input.id, before: auditable(rest), after: auditable(values) });
      return { id: input.id, affected: await affectedSlugs(tx, [before, values]) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('code', 'Another promotion already uses this code.');
    throw error;
  }
}

/** A promotion orders used stays (their history names it); deactivate it instead. */
export async function deletePromotion(actor: AuditActor, id: string, executor: Executor = db): Promise<SavedPromotion> {
  return executor.transaction(async (tx) => {
    const [before] = await tx.select().from(promotions).where(eq(promotions.id, id)).for('update');
    if (!before) throw new AppError('not_found', 'No such promotion.');
    if (before.timesUsed > 0) throw new AppError('conflict', 'Orders used this promotion, so it is kept for their history. Deactivate it instead.');
    await tx.delete(promotions).where(eq(promotions.id, id));
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = before;
    await recordAudit(tx, actor, { action: 'promotion.delete', entityType: 'promotion', entityId: id, before: auditable(rest) });
    return { id, affected: await affectedSlugs(tx, [before]) };
  });
}

export async function saveCustomerGroup(actor: AuditActor, input: { id?: string; name: string }, executor: Executor = db): Promise<string> {
  try {
    return await executor.transaction(async (tx) => {
      if (!input.id) {
        const [created] = await tx.insert(customerGroups).values({ name: input.name }).returning({ id: customerGroups.id });
        await recordAudit(tx, actor, { action: 'customer_group.create', entityType: 'customer_group', entityId: created!.id, after: { name: input.name } });
        return created!.id;
      }
      const [before] = await tx.select({ name: customerGroups.name }).from(customerGroups).where(eq(customerGroups.id, input.id)).for('update');
      if (!before) throw new AppError('not_found', 'No such group.');
      await tx.update(customerGroups).set({ name: input.name, updatedAt: new Date() }).where(eq(customerGroups.id, input.id));
      await recordAudit(tx, actor, { action: 'customer_group.update', entityType: 'customer_group', entityId: input.id, before, after: { name: input.name } });
      return input.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('name', 'Another group already has this name.');
    throw error;
  }
}

/**
 * Adds customers (by the email of their account or guest record) to a group; one already in it is left as it is.
 * Emails that match no customer are answered back, not added.
 */
export async function addGroupMembers(actor: AuditActor, input: { groupId: string; emails: string[] }, executor: Executor = db): Promise<{ added: number; unknown: string[] }> {
  return executor.transaction(async (tx) => {
    const [group] = await tx.select({ id: customerGroups.id }).from(customerGroups).where(eq(customerGroups.id, input.groupId));
    if (!group) throw new AppError('not_found', 'No such group.');
    const found = await tx.select({ id: users.id, email: users.email }).from(users).where(and(inArray(users.email, input.emails), eq(users.role, 'customer')));
    const known = new Set(found.map((user) => user.email));
    const inserted = found.length
      ? await tx.insert(customerGroupMembers).values(found.map((user) => ({ groupId: group.id, userId: user.id }))).onConflictDoNothing().returning({ userId: customerGroupMembers.userId })
      : [];
    if (inserted.length > 0) {
      await recordAudit(tx, actor, { action: 'customer_group.add_members', entityType: 'customer_group', entityId: group.id, after: { userIds: inserted.map((row) => row.userId) } });
    }
    return { added: inserted.length, unknown: input.emails.filter((email) => !known.has(email)) };
  });
}

export async function removeGroupMember(actor: AuditActor, input: { groupId: string; userId: string }, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const removed = await tx
      .delete(customerGroupMembers)
      .where(and(eq(customerGroupMembers.groupId, input.groupId), eq(customerGroupMembers.userId, input.userId)))
      .returning({ userId: customerGroupMembers.userId });
    if (removed.length === 0) throw new AppError('not_found', 'This customer is not in the group.');
    await recordAudit(tx, actor, { action: 'customer_group.remove_member', entityType: 'customer_group', entityId: input.groupId, before: { userId: input.userId } });
  });
}
