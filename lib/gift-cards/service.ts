import 'server-only';
import { hkdfSync } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import { customerCredits, customerCreditTransactions, giftCards, giftCardTransactions, orderLines, orders, users } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { authSecret } from '@/lib/auth/secret';
import { composeEmail } from '@/lib/email/compose';
import { siteLink } from '@/lib/email/brand';
import { addressed, queueEmail } from '@/lib/email/service';
import { AppError } from '@/lib/errors';
import { formatMoney, money } from '@/lib/money';
import { formatGiftCardCode, generateGiftCardCode, hashGiftCardCode, lastFourOf, normaliseGiftCardCode } from './code';
import { type PlannedTenders, planTenders, type TenderCard } from './plan';

// The one writer of gift card and store credit balances. Every change is a conditional UPDATE on the balance row
// (never below zero, never on a disabled or expired card) with its ledger row, in the caller's transaction; the
// ledger of a card or a credit always sums to its balance.
//
// Lock order: cart → gift cards (id order) → store credit → variants (checkout); order → gift cards → store credit
// (cancel and refund). Neither takes a card lock before the order lock another holds in reverse, so they cannot
// deadlock.

let codeKey: Buffer | undefined;
function key(): Buffer {
  codeKey ??= Buffer.from(hkdfSync('sha256', authSecret(), 'storefront-gift-cards', 'gift-card-code-v1', 32));
  return codeKey;
}

/** The stored hash of a typed code, or null when it cannot be a code at all. */
export function giftCardCodeHash(input: string): string | null {
  const normal = normaliseGiftCardCode(input);
  return normal ? hashGiftCardCode(normal, key()) : null;
}

function invalidCode(message = 'This gift card code is not valid.'): AppError {
  return new AppError('validation_failed', message, { fieldErrors: { giftCardCodes: [message] } });
}

const fmt = (cents: number, currency: string) => formatMoney(money(cents, currency));

export type IssueInput = {
  currency: string;
  amountCents: number;
  expiresAt?: Date | null;
  recipientEmail?: string | null;
  recipientName?: string | null;
  message?: string | null;
  note?: string | null;
  sourceOrderId?: string | null;
  sourceOrderLineId?: string | null;
  sourceUnit?: number | null;
  issuedById?: string | null;
};

export type IssuedGiftCard = { id: string; code: string; lastFour: string };

/**
 * Mints a card and its "issue" ledger row. The code is returned once, to be shown or mailed, and never stored. A card
 * for a paid order line's unit that exists already returns null (the unique index on line + unit).
 */
export async function issueGiftCard(tx: Transaction, input: IssueInput): Promise<IssuedGiftCard | null> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) throw new AppError('validation_failed', 'A gift card needs an amount above zero.');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = generateGiftCardCode();
    const normal = normaliseGiftCardCode(code)!;
    const [card] = await tx
      .insert(giftCards)
      .values({
        codeHash: hashGiftCardCode(normal, key()),
        lastFour: lastFourOf(normal),
        currency: input.currency,
        initialCents: input.amountCents,
        balanceCents: input.amountCents,
        expiresAt: input.expiresAt ?? null,
        recipientEmail: input.recipientEmail ?? null,
        recipientName: input.recipientName ?? null,
        message: input.message ?? null,
        note: input.note ?? null,
        sourceOrderId: input.sourceOrderId ?? null,
        sourceOrderLineId: input.sourceOrderLineId ?? null,
        sourceUnit: input.sourceUnit ?? null,
        issuedById: input.issuedById ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: giftCards.id, lastFour: giftCards.lastFour });
    if (!card) {
      if (input.sourceOrderLineId) {
        const [existing] = await tx
          .select({ id: giftCards.id })
          .from(giftCards)
          .where(and(eq(giftCards.sourceOrderLineId, input.sourceOrderLineId), eq(giftCards.sourceUnit, input.sourceUnit ?? 0)));
        if (existing) return null;
      }
      continue; // 80 random bits clashed: draw again
    }
    await tx.insert(giftCardTransactions).values({
      giftCardId: card.id,
      kind: 'issue',
      amountCents: input.amountCents,
      balanceAfterCents: input.amountCents,
      orderId: input.sourceOrderId ?? null,
      actorId: input.issuedById ?? null,
      reason: input.note ?? null,
    });
    return { id: card.id, code: formatGiftCardCode(normal), lastFour: card.lastFour };
  }
  throw new Error('could not draw a unique gift card code');
}

async function mailGiftCard(
  tx: Transaction,
  to: string,
  card: IssuedGiftCard,
  details: { amountCents: number; currency: string; recipientName: string | null; fromName: string | null; message: string | null; expiresAt: Date | null },
  aggregate: { type: string; id: string },
): Promise<void> {
  const email = await composeEmail(
    'gift_card',
    {
      code: card.code,
      amountCents: details.amountCents,
      currency: details.currency,
      recipientName: details.recipientName,
      fromName: details.fromName,
      message: details.message,
      expiresAt: details.expiresAt?.toISOString() ?? null,
      shopUrl: siteLink('/'),
      balanceUrl: siteLink('/gift-cards/balance'),
    },
    tx,
  );
  await queueEmail(addressed(to, email), tx, { aggregate });
}

/**
 * On payment (staff mark a manual order paid, or Stripe confirms the card payment): one card per unit of every gift
 * card line, mailed to the line's recipient or else the buyer, in the transaction that records the payment. Idempotent:
 * a unit whose card exists is skipped, so a replayed "paid" issues nothing twice.
 */
export async function issueGiftCardsForOrder(tx: Transaction, orderId: string): Promise<number> {
  const lines = await tx
    .select({
      id: orderLines.id,
      quantity: orderLines.quantity,
      unitPriceCents: orderLines.unitPriceCents,
      recipient: orderLines.giftCardRecipient,
      currency: orders.currency,
      buyerEmail: orders.email,
      buyerName: sql<string>`${orders.shippingAddress}->>'name'`,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.isGiftCard, true)))
    .orderBy(asc(orderLines.id));
  let issued = 0;
  for (const line of lines) {
    const recipient = line.recipient?.email ? line.recipient : null;
    for (let unit = 1; unit <= line.quantity; unit += 1) {
      const card = await issueGiftCard(tx, {
        currency: line.currency,
        amountCents: line.unitPriceCents,
        recipientEmail: recipient?.email ?? line.buyerEmail,
        recipientName: recipient?.name || null,
        message: recipient?.message || null,
        sourceOrderId: orderId,
        sourceOrderLineId: line.id,
        sourceUnit: unit,
      });
      if (!card) continue;
      issued += 1;
      await mailGiftCard(
        tx,
        recipient?.email ?? line.buyerEmail,
        card,
        {
          amountCents: line.unitPriceCents,
          currency: line.currency,
          recipientName: recipient?.name || null,
          fromName: recipient ? line.buyerName || null : null,
          message: recipient?.message || null,
          expiresAt: null,
        },
        { type: 'order', id: orderId },
      );
    }
  }
  return issued;
}

// ---------------------------------------------------------------------------------------------------------------
// Spending at checkout

export type TenderRequest = {
  codes: string[];
  useStoreCredit: boolean;
  customerId: string | null;
  currency: string;
  amountCents: number;
  /** The cart holds gift cards: they cannot be bought with gift cards or store credit. */
  buysGiftCards: boolean;
};

export type AppliedGiftCard = { id: string; code: string; lastFour: string; amountCents: number; balanceAfterCents: number };
export type SpentTenders = { giftCards: AppliedGiftCard[]; creditId: string | null; storeCreditCents: number; creditBalanceAfterCents: number };

const NONE: SpentTenders = { giftCards: [], creditId: null, storeCreditCents: 0, creditBalanceAfterCents: 0 };

type CardRow = { id: string; codeHash: string; lastFour: string; currency: string; balanceCents: number; disabledAt: Date | null; expiresAt: Date | null };

function usableCard(row: CardRow | undefined, currency: string, now: Date): CardRow {
  if (!row) throw invalidCode();
  if (row.disabledAt) throw invalidCode(`The gift card ending ${row.lastFour} has been disabled.`);
  if (row.expiresAt && row.expiresAt <= now) throw invalidCode(`The gift card ending ${row.lastFour} has expired.`);
  if (row.currency !== currency) throw invalidCode(`The gift card ending ${row.lastFour} is in ${row.currency} and can only pay orders in ${row.currency}.`);
  if (row.balanceCents <= 0) throw invalidCode(`The gift card ending ${row.lastFour} has no balance left.`);
  return row;
}

/** Distinct codes in the shopper's order, each normalised; an impossible code is refused before any lookup. */
function readCodes(codes: string[]): { code: string; hash: string }[] {
  const seen = new Set<string>();
  const out: { code: string; hash: string }[] = [];
  for (const raw of codes) {
    if (!raw.trim()) continue;
    const normal = normaliseGiftCardCode(raw);
    if (!normal) throw invalidCode();
    if (seen.has(normal)) continue;
    seen.add(normal);
    out.push({ code: formatGiftCardCode(normal), hash: hashGiftCardCode(normal, key()) });
  }
  return out;
}

async function loadCards(executor: Executor, hashes: string[], lock: boolean): Promise<Map<string, CardRow>> {
  if (hashes.length === 0) return new Map();
  const query = executor
    .select({
      id: giftCards.id,
      codeHash: giftCards.codeHash,
      lastFour: giftCards.lastFour,
      currency: giftCards.currency,
      balanceCents: giftCards.balanceCents,
      disabledAt: giftCards.disabledAt,
      expiresAt: giftCards.expiresAt,
    })
    .from(giftCards)
    .where(inArray(giftCards.codeHash, hashes))
    // Id order: two orders applying the same cards lock them in the same order.
    .orderBy(asc(giftCards.id));
  const rows = lock ? await query.for('update') : await query;
  return new Map(rows.map((row) => [row.codeHash, row]));
}

async function loadCredit(executor: Executor, customerId: string, currency: string, lock: boolean) {
  const query = executor
    .select({ id: customerCredits.id, balanceCents: customerCredits.balanceCents })
    .from(customerCredits)
    .where(and(eq(customerCredits.customerId, customerId), eq(customerCredits.currency, currency)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

function refuseForGiftCards(request: TenderRequest): void {
  if (request.buysGiftCards && (request.codes.some((code) => code.trim()) || request.useStoreCredit)) {
    throw invalidCode('Gift cards cannot be bought with a gift card or store credit.');
  }
}

export type TenderPreview = {
  giftCards: { code: string; lastFour: string; amountCents: number; balanceCents: number }[];
  storeCredit: { availableCents: number; appliedCents: number } | null;
  amountDueCents: number;
  /** The first refusal, for the field; the other codes still apply. */
  error: string | null;
  /** Some typed code matched no card (counts against the guessing budget). */
  unknownCode: boolean;
};

/** What the checkout summary shows: the same plan placement takes, on balances read now (no locks). */
export async function previewTenders(request: TenderRequest, executor: Executor = db): Promise<TenderPreview> {
  const now = new Date();
  let error: string | null = null;
  let unknownCode = false;
  const usable: (TenderCard & { code: string; lastFour: string })[] = [];
  try {
    refuseForGiftCards(request);
  } catch (refusal) {
    return { giftCards: [], storeCredit: null, amountDueCents: request.amountCents, error: (refusal as AppError).message, unknownCode: false };
  }
  let codes: { code: string; hash: string }[] = [];
  try {
    codes = readCodes(request.codes);
  } catch (refusal) {
    error = (refusal as AppError).message;
    unknownCode = true;
  }
  const cards = await loadCards(executor, codes.map((entry) => entry.hash), false);
  for (const entry of codes) {
    const row = cards.get(entry.hash);
    if (!row) unknownCode = true;
    try {
      const card = usableCard(row, request.currency, now);
      usable.push({ id: card.id, balanceCents: card.balanceCents, code: entry.code, lastFour: card.lastFour });
    } catch (refusal) {
      error ??= (refusal as AppError).message;
    }
  }
  const credit = request.customerId ? await loadCredit(executor, request.customerId, request.currency, false) : null;
  const plan = planTenders(request.amountCents, usable, request.useStoreCredit ? (credit?.balanceCents ?? 0) : 0);
  return {
    giftCards: usable.map((card, i) => ({ code: card.code, lastFour: card.lastFour, amountCents: plan.cardCents[i]!, balanceCents: card.balanceCents })),
    storeCredit: credit && credit.balanceCents > 0 ? { availableCents: credit.balanceCents, appliedCents: plan.storeCreditCents } : null,
    amountDueCents: plan.amountDueCents,
    error,
    unknownCode,
  };
}

/**
 * Takes the cards' and the credit's share of an order being placed, inside its transaction: the rows are locked (id
 * order), the plan made on what the locks show, and each share taken with a conditional decrement that also re-checks
 * "not disabled, not expired". Two orders spending one card queue on its row: the second sees what the first left,
 * and a card left with nothing is refused — so no balance is ever spent twice. Nothing is written to the ledger here:
 * recordTenders does that once the order row exists.
 */
export async function spendTenders(tx: Transaction, request: TenderRequest): Promise<SpentTenders> {
  refuseForGiftCards(request);
  const codes = readCodes(request.codes);
  if (codes.length === 0 && !(request.useStoreCredit && request.customerId)) return NONE;
  const now = new Date();
  const cards = await loadCards(tx, codes.map((entry) => entry.hash), true);
  const usable = codes.map((entry) => ({ ...usableCard(cards.get(entry.hash), request.currency, now), code: entry.code }));
  const credit = request.useStoreCredit && request.customerId ? await loadCredit(tx, request.customerId, request.currency, true) : null;
  const plan: PlannedTenders = planTenders(request.amountCents, usable, credit?.balanceCents ?? 0);
  const spent: AppliedGiftCard[] = [];
  for (const [i, card] of usable.entries()) {
    const take = plan.cardCents[i]!;
    if (take === 0) continue; // the order was covered before this card: it is left untouched
    const [row] = await tx
      .update(giftCards)
      .set({ balanceCents: sql`${giftCards.balanceCents} - ${take}` })
      .where(
        and(
          eq(giftCards.id, card.id),
          sql`${giftCards.balanceCents} >= ${take}`,
          isNull(giftCards.disabledAt),
          or(isNull(giftCards.expiresAt), gt(giftCards.expiresAt, sql`now()`)),
        ),
      )
      .returning({ balanceCents: giftCards.balanceCents });
    if (!row) throw invalidCode(`The balance of the gift card ending ${card.lastFour} changed. Review your order and try again.`);
    spent.push({ id: card.id, code: card.code, lastFour: card.lastFour, amountCents: take, balanceAfterCents: row.balanceCents });
  }
  let creditAfter = 0;
  if (credit && plan.storeCreditCents > 0) {
    const [row] = await tx
      .update(customerCredits)
      .set({ balanceCents: sql`${customerCredits.balanceCents} - ${plan.storeCreditCents}` })
      .where(and(eq(customerCredits.id, credit.id), sql`${customerCredits.balanceCents} >= ${plan.storeCreditCents}`))
      .returning({ balanceCents: customerCredits.balanceCents });
    if (!row) throw invalidCode('Your store credit changed. Review your order and try again.');
    creditAfter = row.balanceCents;
  }
  return { giftCards: spent, creditId: plan.storeCreditCents > 0 ? credit!.id : null, storeCreditCents: plan.storeCreditCents, creditBalanceAfterCents: creditAfter };
}

/** The ledger rows of what spendTenders took, once the order exists. */
export async function recordTenders(tx: Transaction, orderId: string, spent: SpentTenders, actorId: string | null): Promise<void> {
  if (spent.giftCards.length > 0) {
    await tx.insert(giftCardTransactions).values(
      spent.giftCards.map((card) => ({ giftCardId: card.id, kind: 'redeem' as const, amountCents: -card.amountCents, balanceAfterCents: card.balanceAfterCents, orderId, actorId })),
    );
  }
  if (spent.creditId && spent.storeCreditCents > 0) {
    await tx.insert(customerCreditTransactions).values({
      creditId: spent.creditId,
      kind: 'redeem',
      amountCents: -spent.storeCreditCents,
      balanceAfterCents: spent.creditBalanceAfterCents,
      orderId,
      actorId,
    });
  }
}

export type RestoredTenders = { giftCardCents: number; storeCreditCents: number; cards: number };

/**
 * Gives an order's gift card and store credit spending back (a cancel, or a refund in full). Once per card and order,
 * however often and concurrently it is asked: the "refund" ledger row is inserted first against a unique index, and
 * only the call that inserted it raises the balance.
 */
export async function restoreOrderTenders(tx: Transaction, orderId: string, actorId: string | null, reason: string): Promise<RestoredTenders> {
  const result: RestoredTenders = { giftCardCents: 0, storeCreditCents: 0, cards: 0 };
  const redeemed = await tx
    .select({ giftCardId: giftCardTransactions.giftCardId, amountCents: giftCardTransactions.amountCents })
    .from(giftCardTransactions)
    .where(and(eq(giftCardTransactions.orderId, orderId), eq(giftCardTransactions.kind, 'redeem')))
    .orderBy(asc(giftCardTransactions.giftCardId));
  for (const row of redeemed) {
    const amount = -row.amountCents;
    const [claimed] = await tx
      .insert(giftCardTransactions)
      .values({ giftCardId: row.giftCardId, kind: 'refund', amountCents: amount, balanceAfterCents: 0, orderId, actorId, reason })
      .onConflictDoNothing()
      .returning({ id: giftCardTransactions.id });
    if (!claimed) continue;
    // A disabled or expired card is credited all the same: the ledger stays whole, and staff decide what to do.
    const [card] = await tx
      .update(giftCards)
      .set({ balanceCents: sql`${giftCards.balanceCents} + ${amount}` })
      .where(eq(giftCards.id, row.giftCardId))
      .returning({ balanceCents: giftCards.balanceCents });
    await tx.update(giftCardTransactions).set({ balanceAfterCents: card!.balanceCents }).where(eq(giftCardTransactions.id, claimed.id));
    result.giftCardCents += amount;
    result.cards += 1;
  }
  const credits = await tx
    .select({ creditId: customerCreditTransactions.creditId, amountCents: customerCreditTransactions.amountCents })
    .from(customerCreditTransactions)
    .where(and(eq(customerCreditTransactions.orderId, orderId), eq(customerCreditTransactions.kind, 'redeem')));
  for (const row of credits) {
    const amount = -row.amountCents;
    const [claimed] = await tx
      .insert(customerCreditTransactions)
      .values({ creditId: row.creditId, kind: 'refund', amountCents: amount, balanceAfterCents: 0, orderId, actorId, reason })
      .onConflictDoNothing()
      .returning({ id: customerCreditTransactions.id });
    if (!claimed) continue;
    const [credit] = await tx
      .update(customerCredits)
      .set({ balanceCents: sql`${customerCredits.balanceCents} + ${amount}` })
      .where(eq(customerCredits.id, row.creditId))
      .returning({ balanceCents: customerCredits.balanceCents });
    await tx.update(customerCreditTransactions).set({ balanceAfterCents: credit!.balanceCents }).where(eq(customerCreditTransactions.id, claimed.id));
    result.storeCreditCents += amount;
  }
  return result;
}

/** "… and $20.00 back to gift cards" for an order's timeline; empty when nothing went back. */
export function describeRestored(restored: RestoredTenders, currency: string): string {
  const parts: string[] = [];
  if (restored.giftCardCents > 0) parts.push(`${fmt(restored.giftCardCents, currency)} back to ${restored.cards === 1 ? 'the gift card' : `${restored.cards} gift cards`}`);
  if (restored.storeCreditCents > 0) parts.push(`${fmt(restored.storeCreditCents, currency)} back to store credit`);
  return parts.join('; ');
}

// ---------------------------------------------------------------------------------------------------------------
// Staff

export type StaffIssueInput = { currency: string; amountCents: number; expiresAt: Date | null; recipientEmail: string | null; recipientName: string | null; message: string | null; note: string };

/** Staff issue a card: the code is answered once (and mailed to the recipient when one is given). Audited. */
export async function issueGiftCardByStaff(actor: AuditActor, input: StaffIssueInput, executor: Executor = db): Promise<IssuedGiftCard> {
  return executor.transaction(async (tx) => {
    const card = (await issueGiftCard(tx, { ...input, issuedById: actor.user.id }))!;
    if (input.recipientEmail) {
      await mailGiftCard(
        tx,
        input.recipientEmail,
        card,
        { amountCents: input.amountCents, currency: input.currency, recipientName: input.recipientName, fromName: null, message: input.message, expiresAt: input.expiresAt },
        { type: 'gift_card', id: card.id },
      );
    }
    await recordAudit(tx, actor, {
      action: 'gift_card.issue',
      entityType: 'gift_card',
      entityId: card.id,
      after: { lastFour: card.lastFour, currency: input.currency, amountCents: input.amountCents, expiresAt: input.expiresAt?.toISOString() ?? null, recipientEmail: input.recipientEmail, note: input.note },
    });
    return card;
  });
}

/** Staff move a card's balance up or down, with a reason; never below zero (conditional UPDATE). Audited. */
export async function adjustGiftCard(actor: AuditActor, id: string, deltaCents: number, reason: string, executor: Executor = db): Promise<{ balanceCents: number }> {
  if (!Number.isSafeInteger(deltaCents) || deltaCents === 0) throw new AppError('validation_failed', 'Enter an amount other than zero.', { fieldErrors: { amount: ['Enter an amount other than zero.'] } });
  return executor.transaction(async (tx) => {
    const [before] = await tx.select({ balanceCents: giftCards.balanceCents, currency: giftCards.currency }).from(giftCards).where(eq(giftCards.id, id));
    if (!before) throw new AppError('not_found', 'No such gift card.');
    const [row] = await tx
      .update(giftCards)
      .set({ balanceCents: sql`${giftCards.balanceCents} + ${deltaCents}` })
      .where(and(eq(giftCards.id, id), sql`${giftCards.balanceCents} + ${deltaCents} >= 0`))
      .returning({ balanceCents: giftCards.balanceCents });
    if (!row) {
      const message = `The balance is ${fmt(before.balanceCents, before.currency)}; it cannot go below zero.`;
      throw new AppError('validation_failed', message, { fieldErrors: { amount: [message] } });
    }
    await tx.insert(giftCardTransactions).values({ giftCardId: id, kind: 'adjust', amountCents: deltaCents, balanceAfterCents: row.balanceCents, reason, actorId: actor.user.id });
    await recordAudit(tx, actor, { action: 'gift_card.adjust', entityType: 'gift_card', entityId: id, before: { balanceCents: row.balanceCents - deltaCents }, after: { balanceCents: row.balanceCents, deltaCents, reason } });
    return { balanceCents: row.balanceCents };
  });
}

/** Disables (or re-enables) a card: a disabled card pays for nothing. Audited. */
export async function setGiftCardDisabled(actor: AuditActor, id: string, disabled: boolean, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [row] = await tx
      .update(giftCards)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(and(eq(giftCards.id, id), disabled ? isNull(giftCards.disabledAt) : sql`${giftCards.disabledAt} is not null`))
      .returning({ id: giftCards.id });
    if (!row) return; // already so
    await recordAudit(tx, actor, { action: disabled ? 'gift_card.disable' : 'gift_card.enable', entityType: 'gift_card', entityId: id, after: { disabled } });
  });
}

/**
 * Staff give or take store credit, with a reason; the balance row is made on first use and never goes below zero.
 * Audited on the customer.
 */
export async function adjustStoreCredit(
  actor: AuditActor,
  input: { customerId: string; currency: string; deltaCents: number; reason: string },
  executor: Executor = db,
): Promise<{ balanceCents: number }> {
  if (!Number.isSafeInteger(input.deltaCents) || input.deltaCents === 0) throw new AppError('validation_failed', 'Enter an amount other than zero.', { fieldErrors: { amount: ['Enter an amount other than zero.'] } });
  return executor.transaction(async (tx) => {
    const [customer] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.customerId));
    if (!customer) throw new AppError('not_found', 'No such customer.');
    await tx.insert(customerCredits).values({ customerId: input.customerId, currency: input.currency, balanceCents: 0 }).onConflictDoNothing();
    const [row] = await tx
      .update(customerCredits)
      .set({ balanceCents: sql`${customerCredits.balanceCents} + ${input.deltaCents}` })
      .where(and(eq(customerCredits.customerId, input.customerId), eq(customerCredits.currency, input.currency), sql`${customerCredits.balanceCents} + ${input.deltaCents} >= 0`))
      .returning({ id: customerCredits.id, balanceCents: customerCredits.balanceCents });
    if (!row) {
      const message = 'Store credit cannot go below zero.';
      throw new AppError('validation_failed', message, { fieldErrors: { amount: [message] } });
    }
    await tx.insert(customerCreditTransactions).values({
      creditId: row.id,
      kind: input.deltaCents > 0 ? 'issue' : 'adjust',
      amountCents: input.deltaCents,
      balanceAfterCents: row.balanceCents,
      reason: input.reason,
      actorId: actor.user.id,
    });
    await recordAudit(tx, actor, {
      action: 'customer.store_credit',
      entityType: 'customer',
      entityId: input.customerId,
      before: { balanceCents: row.balanceCents - input.deltaCents, currency: input.currency },
      after: { balanceCents: row.balanceCents, currency: input.currency, deltaCents: input.deltaCents, reason: input.reason },
    });
    return { balanceCents: row.balanceCents };
  });
}
