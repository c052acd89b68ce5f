import 'server-only';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { customerCredits, customerCreditTransactions, giftCards, giftCardTransactions, orders, users } from '@/db/schema';
import { giftCardCodeHash } from './service';
import type { CustomerCreditView, GiftCardBalanceView, GiftCardDetail, GiftCardRow } from './types';

function statusOf(row: { disabledAt: Date | null; expiresAt: Date | null; balanceCents: number }, now = new Date()): GiftCardBalanceView['status'] {
  if (row.disabledAt) return 'disabled';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  if (row.balanceCents === 0) return 'spent';
  return 'active';
}

/** A shopper's balance check: by the code alone (its hash); null when no card has it. Callers rate limit guesses. */
export async function getGiftCardBalance(code: string, executor: Executor = db): Promise<GiftCardBalanceView | null> {
  const hash = giftCardCodeHash(code);
  if (!hash) return null;
  const [row] = await executor
    .select({ lastFour: giftCards.lastFour, currency: giftCards.currency, balanceCents: giftCards.balanceCents, expiresAt: giftCards.expiresAt, disabledAt: giftCards.disabledAt })
    .from(giftCards)
    .where(eq(giftCards.codeHash, hash));
  if (!row) return null;
  return { lastFour: row.lastFour, currency: row.currency, balanceCents: row.balanceCents, expiresAt: row.expiresAt?.toISOString() ?? null, status: statusOf(row) };
}

const rowColumns = {
  id: giftCards.id,
  lastFour: giftCards.lastFour,
  currency: giftCards.currency,
  initialCents: giftCards.initialCents,
  balanceCents: giftCards.balanceCents,
  expiresAt: giftCards.expiresAt,
  disabledAt: giftCards.disabledAt,
  recipientEmail: giftCards.recipientEmail,
  sourceOrderNumber: orders.number,
  createdAt: giftCards.createdAt,
};

function toRow(row: { id: string; lastFour: string; currency: string; initialCents: number; balanceCents: number; expiresAt: Date | null; disabledAt: Date | null; recipientEmail: string | null; sourceOrderNumber: string | null; createdAt: Date }): GiftCardRow {
  return {
    id: row.id,
    lastFour: row.lastFour,
    currency: row.currency,
    initialCents: row.initialCents,
    balanceCents: row.balanceCents,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    status: statusOf(row),
    recipientEmail: row.recipientEmail,
    sourceOrderNumber: row.sourceOrderNumber,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The admin list, newest first; `q` matches the last four characters or the recipient's email. */
export async function listGiftCards(q: string | null, executor: Executor = db): Promise<GiftCardRow[]> {
  const term = q?.trim();
  const rows = await executor
    .select(rowColumns)
    .from(giftCards)
    .leftJoin(orders, eq(orders.id, giftCards.sourceOrderId))
    .where(term ? or(eq(giftCards.lastFour, term.toUpperCase()), ilike(giftCards.recipientEmail, `%${term.replace(/[%_\\]/g, '\\$&')}%`)) : undefined)
    .orderBy(desc(giftCards.createdAt), desc(giftCards.id))
    .limit(500);
  return rows.map(toRow);
}

export async function getGiftCardDetail(id: string, executor: Executor = db): Promise<GiftCardDetail | null> {
  const [row] = await executor.select({ ...rowColumns, recipientName: giftCards.recipientName, note: giftCards.note }).from(giftCards).leftJoin(orders, eq(orders.id, giftCards.sourceOrderId)).where(eq(giftCards.id, id));
  if (!row) return null;
  const ledger = await executor
    .select({
      id: giftCardTransactions.id,
      kind: giftCardTransactions.kind,
      amountCents: giftCardTransactions.amountCents,
      balanceAfterCents: giftCardTransactions.balanceAfterCents,
      reason: giftCardTransactions.reason,
      orderNumber: orders.number,
      actorEmail: users.email,
      createdAt: giftCardTransactions.createdAt,
    })
    .from(giftCardTransactions)
    .leftJoin(orders, eq(orders.id, giftCardTransactions.orderId))
    .leftJoin(users, eq(users.id, giftCardTransactions.actorId))
    .where(eq(giftCardTransactions.giftCardId, id))
    .orderBy(asc(giftCardTransactions.createdAt), asc(giftCardTransactions.id));
  return {
    ...toRow(row),
    recipientName: row.recipientName,
    note: row.note,
    ledger: ledger.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  };
}

/** A customer's store credit per currency, with the ledger (newest first, the last 100). */
export async function getCustomerCredit(customerId: string, executor: Executor = db): Promise<CustomerCreditView> {
  const balances = await executor
    .select({ id: customerCredits.id, currency: customerCredits.currency, balanceCents: customerCredits.balanceCents })
    .from(customerCredits)
    .where(eq(customerCredits.customerId, customerId))
    .orderBy(asc(customerCredits.currency));
  const ledger = balances.length
    ? await executor
        .select({
          id: customerCreditTransactions.id,
          currency: customerCredits.currency,
          kind: customerCreditTransactions.kind,
          amountCents: customerCreditTransactions.amountCents,
          balanceAfterCents: customerCreditTransactions.balanceAfterCents,
          reason: customerCreditTransactions.reason,
          orderNumber: orders.number,
          createdAt: customerCreditTransactions.createdAt,
        })
        .from(customerCreditTransactions)
        .innerJoin(customerCredits, eq(customerCredits.id, customerCreditTransactions.creditId))
        .leftJoin(orders, eq(orders.id, customerCreditTransactions.orderId))
        .where(and(eq(customerCredits.customerId, customerId), sql`true`))
        .orderBy(desc(customerCreditTransactions.createdAt), desc(customerCreditTransactions.id))
        .limit(100)
    : [];
  return {
    balances: balances.map(({ currency, balanceCents }) => ({ currency, balanceCents })),
    ledger: ledger.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  };
}
