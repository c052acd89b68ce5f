// Ninety days of demo sales, so a new owner opens a dashboard with a pulse: orders on most days (more at weekends
// and lately), customers who come back, guest buyers, and every ending an order has — paid, shipped, delivered,
// refunded in part or in full, cancelled. Written with direct inserts that keep the store's invariants: totals from
// the checkout's own pricing, a ledger entry for every unit taken or put back (opening stock raised by what was
// sold, so each variant ends at the stock the catalogue planned), payments, refunds and fulfilments that match each
// order's state, and one customer record per email. Nothing goes to the outbox: no emails or webhooks for the past.

import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  discountCodes,
  discountRedemptions,
  fulfillmentLines,
  fulfillments,
  inventoryLedger,
  orderEvents,
  orderLines,
  orders,
  payments,
  products,
  refunds,
  users,
  variants,
  type AddressSnapshot,
} from '@/db/schema';
import { computeTotals } from '@/lib/checkout/pricing';
import { formatMoney, money } from '@/lib/money';
import { bulkInsert } from './bulk-insert';
import type { Random } from './random';
import { SHIPPING_ZONES, STORE_CURRENCY, TAX_RATES } from './reference-data';

const DAY_MS = 86_400_000;
export const SEED_ORDER_DAYS = 90;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const FIRST_NAMES = ['Ava', 'Liam', 'Maya', 'Noah', 'Zoe', 'Ethan', 'Isla', 'Lucas', 'Nora', 'Owen', 'Ruby', 'Caleb', 'Hazel', 'Miles', 'Elena', 'Theo', 'Priya', 'Diego', 'Amara', 'Felix', 'Sofia', 'Jonah', 'Leah', 'Omar', 'Grace', 'Ravi', 'Chloe', 'Mateo', 'Iris', 'Kenji'];
const LAST_NAMES = ['Martin', 'Nguyen', 'Patel', 'Garcia', 'Kim', 'Okafor', 'Schmidt', 'Rossi', 'Cohen', 'Silva', 'Walsh', 'Haddad', 'Larsen', 'Moreau', 'Tanaka', 'Brooks', 'Reyes', 'Novak', 'Ahmed', 'Fischer'];
const PLACES: { city: string; region: string; postalCode: string; street: string }[] = [
  { city: 'San Francisco', region: 'CA', postalCode: '94110', street: 'Valencia Street' },
  { city: 'Los Angeles', region: 'CA', postalCode: '90026', street: 'Sunset Boulevard' },
  { city: 'Brooklyn', region: 'NY', postalCode: '11215', street: '7th Avenue' },
  { city: 'Austin', region: 'TX', postalCode: '78704', street: 'South Congress Avenue' },
  { city: 'Seattle', region: 'WA', postalCode: '98122', street: 'Pike Street' },
  { city: 'Portland', region: 'OR', postalCode: '97214', street: 'Hawthorne Boulevard' },
  { city: 'Chicago', region: 'IL', postalCode: '60614', street: 'Clark Street' },
  { city: 'Denver', region: 'CO', postalCode: '80205', street: 'Larimer Street' },
  { city: 'Boston', region: 'MA', postalCode: '02118', street: 'Tremont Street' },
  { city: 'Houston', region: 'TX', postalCode: '77006', street: 'Westheimer Road' },
];

type Sellable = { variantId: string; productId: string; productTitle: string; variantTitle: string; sku: string; priceCents: number };
type Customer = { id: string; email: string; name: string; address: AddressSnapshot; registered: boolean; createdAt: Date | null; usedWelcome: boolean };

export type SeedOrdersSummary = { orders: number; customers: number; guestCustomers: number };

function orderNumber(random: Random, taken: Set<string>): string {
  for (;;) {
    let out = 'SF-';
    for (let i = 0; i < 8; i += 1) out += CROCKFORD[random.int(0, 31)];
    if (!taken.has(out)) {
      taken.add(out);
      return out;
    }
  }
}

/** Orders wanted on a day `daysAgo` back: busier lately and at weekends, never the same two days running. */
function ordersOnDay(random: Random, day: Date, daysAgo: number): number {
  const trend = 2.5 + 3.5 * (1 - daysAgo / SEED_ORDER_DAYS);
  const weekend = [0, 6].includes(day.getUTCDay()) ? 1.4 : 1;
  return Math.max(0, Math.round(trend * weekend * (0.5 + random.next())));
}

/**
 * Writes the demo orders inside the seed's transaction, after the catalogue, shipping, tax, discounts and accounts.
 * `passwordHash` is one hash of a random, never-shown password shared by the demo shoppers who have accounts.
 */
export async function seedOrders(
  tx: Executor,
  input: { random: Random; now: Date; adminId: string | null; passwordHash: string },
): Promise<SeedOrdersSummary> {
  const { random, now } = input;
  const from = new Date(now.getTime() - SEED_ORDER_DAYS * DAY_MS);

  // What sells: in-stock variants of active products that existed before the period (their opening stock comes
  // first in the ledger), best sellers first so the picks below favour them.
  const pool: Sellable[] = await tx
    .select({ variantId: variants.id, productId: products.id, productTitle: products.title, variantTitle: variants.title, sku: variants.sku, priceCents: variants.priceCents })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(and(eq(products.status, 'active'), eq(variants.isActive, true), gt(variants.stockOnHand, 0), lt(products.createdAt, from)))
    .orderBy(sql`${products.salesCount} desc`, asc(variants.sku))
    .limit(240);
  if (pool.length === 0) return { orders: 0, customers: 0, guestCustomers: 0 };
  const pick = () => pool[Math.floor(pool.length * random.next() ** 2)]!;

  const domestic = SHIPPING_ZONES[0]!;
  const [standard, express] = [domestic.rates[0]!, domestic.rates[1] ?? domestic.rates[0]!];
  const [welcome] = await tx.select({ id: discountCodes.id, code: discountCodes.code, value: discountCodes.value, min: discountCodes.minSubtotalCents }).from(discountCodes).where(eq(discountCodes.code, 'WELCOME10'));

  const people: Customer[] = [];
  const emails = new Set<string>();
  for (let i = 0; i < 70; i += 1) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    let email = `${first}.${last}`.toLowerCase() + '@example.com';
    for (let n = 2; emails.has(email); n += 1) email = `${first}.${last}${n}`.toLowerCase() + '@example.com';
    emails.add(email);
    const place = random.pick(PLACES);
    people.push({
      id: randomUUID(),
      email,
      name: `${first} ${last}`,
      registered: random.chance(0.45),
      address: { name: `${first} ${last}`, line1: `${random.int(10, 2400)} ${place.street}`, city: place.city, region: place.region, postalCode: place.postalCode, countryCode: 'US' },
      createdAt: null,
      usedWelcome: false,
    });
  }
  // Some come back often, most once or twice.
  const customerFor = () => people[Math.floor(people.length * random.next() ** 1.6)]!;

  const orderRows: (typeof orders.$inferInsert)[] = [];
  const lineRows: (typeof orderLines.$inferInsert)[] = [];
  const paymentRows: (typeof payments.$inferInsert)[] = [];
  const refundRows: (typeof refunds.$inferInsert)[] = [];
  const fulfillmentRows: (typeof fulfillments.$inferInsert)[] = [];
  const fulfillmentLineRows: (typeof fulfillmentLines.$inferInsert)[] = [];
  const eventRows: (typeof orderEvents.$inferInsert)[] = [];
  const redemptionRows: (typeof discountRedemptions.$inferInsert)[] = [];
  const stockMoves: { variantId: string; delta: number; at: Date; orderId: string; reason: 'order_placed' | 'order_cancelled' }[] = [];
  const numbers = new Set<string>();
  const fmt = (cents: number) => formatMoney(money(cents, STORE_CURRENCY));
  const event = (orderId: string, at: Date, type: string, message: string, staff: boolean) =>
    eventRows.push({ orderId, type, message, data: null, actorId: staff ? input.adminId : null, createdAt: at });

  for (let daysAgo = SEED_ORDER_DAYS; daysAgo >= 0; daysAgo -= 1) {
    const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY_MS;
    const count = ordersOnDay(random, new Date(dayStart), daysAgo);
    for (let o = 0; o < count; o += 1) {
      const placedAt = new Date(dayStart + random.int(7 * 60, 23 * 60 + 30) * 60_000);
      // Only the past: the last hours of today may not have come yet.
      if (placedAt.getTime() >= now.getTime() - 30 * 60_000 || placedAt < from) continue;
      const ageDays = (now.getTime() - placedAt.getTime()) / DAY_MS;
      const customer = customerFor();
      customer.createdAt ??= customer.registered ? new Date(placedAt.getTime() - random.int(1, 240) * 3_600_000) : placedAt;

      const chosen = new Map<string, { item: Sellable; quantity: number }>();
      const lineCount = random.chance(0.6) ? 1 : random.chance(0.7) ? 2 : 3;
      for (let l = 0; l < lineCount; l += 1) {
        const item = pick();
        const existing = chosen.get(item.variantId);
        chosen.set(item.variantId, { item, quantity: (existing?.quantity ?? 0) + (random.chance(0.8) ? 1 : 2) });
      }
      const lines = [...chosen.values()];
      const subtotal = lines.reduce((sum, line) => sum + line.item.priceCents * line.quantity, 0);
      const useWelcome = Boolean(welcome) && !customer.usedWelcome && subtotal >= (welcome?.min ?? 0) && random.chance(0.3);
      if (useWelcome) customer.usedWelcome = true;
      const rate = random.chance(0.85) ? standard : express;
      const taxRate = TAX_RATES.find((t) => t.countryCode === 'US' && t.regionCode === customer.address.region);
      const totals = computeTotals({
        lines: lines.map((line) => ({ unitPriceCents: line.item.priceCents, quantity: line.quantity })),
        discount: useWelcome ? { type: 'percentage', value: welcome!.value } : null,
        shipping: { priceCents: rate.priceCents, freeAboveCents: rate.freeAboveCents ?? null },
        tax: taxRate ? { rateBasisPoints: taxRate.rateBasisPoints, appliesToShipping: taxRate.appliesToShipping ?? true } : null,
        taxInclusive: false,
      });

      // How it ended, by age: recent orders are still moving, older ones have settled.
      const roll = random.next();
      let fate: 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled_unpaid' | 'cancelled_refunded' | 'refunded' | 'partially_refunded';
      if (ageDays < 2) fate = roll < 0.35 ? 'pending' : roll < 0.85 ? 'paid' : 'shipped';
      else if (ageDays < 8) fate = roll < 0.08 ? 'pending' : roll < 0.3 ? 'paid' : roll < 0.7 ? 'shipped' : roll < 0.95 ? 'delivered' : 'cancelled_unpaid';
      else fate = roll < 0.8 ? 'delivered' : roll < 0.85 ? 'shipped' : roll < 0.89 ? 'partially_refunded' : roll < 0.93 ? 'refunded' : roll < 0.97 ? 'cancelled_unpaid' : 'cancelled_refunded';

      const orderId = randomUUID();
      const number = orderNumber(random, numbers);
      const paid = fate !== 'pending' && fate !== 'cancelled_unpaid';
      const paidAt = paid ? new Date(placedAt.getTime() + random.int(10, 36 * 60) * 60_000) : null;
      const shippedAt = ['shipped', 'delivered', 'refunded', 'partially_refunded'].includes(fate) ? new Date(paidAt!.getTime() + random.int(4, 48) * 3_600_000) : null;
      const deliveredAt = shippedAt && fate !== 'shipped' ? new Date(shippedAt.getTime() + random.int(2, 5) * DAY_MS) : null;
      const cancelledAt = fate.startsWith('cancelled') ? new Date((paidAt ?? placedAt).getTime() + random.int(2, 30) * 3_600_000) : null;
      const refundedCents = fate === 'refunded' || fate === 'cancelled_refunded' ? totals.totalCents : fate === 'partially_refunded' ? Math.max(100, Math.round(totals.totalCents * 0.3)) : 0;
      const refundedAt = refundedCents > 0 ? (cancelledAt ?? new Date((deliveredAt ?? shippedAt ?? paidAt!).getTime() + random.int(1, 6) * DAY_MS)) : null;
      // Nothing dated after now.
      const settled = [paidAt, shippedAt, deliveredAt, cancelledAt, refundedAt].every((at) => !at || at.getTime() < now.getTime());
      if (!settled) continue;

      const status = fate === 'pending' ? 'pending' : fate === 'paid' ? 'paid' : fate === 'shipped' ? 'fulfilled' : fate.startsWith('cancelled') ? 'cancelled' : 'delivered';
      const paymentStatus = !paid ? 'unpaid' : refundedCents === 0 ? 'paid' : refundedCents >= totals.totalCents ? 'refunded' : 'partially_refunded';
      orderRows.push({
        id: orderId,
        number,
        userId: customer.registered ? customer.id : null,
        customerId: customer.id,
        email: customer.email,
        status,
        paymentStatus,
        currency: STORE_CURRENCY,
        subtotalCents: totals.subtotalCents,
        discountCents: totals.discountCents,
        shippingCents: totals.shippingCents,
        taxCents: totals.taxCents,
        totalCents: totals.totalCents,
        refundedCents,
        taxInclusive: false,
        shippingAddress: customer.address,
        billingAddress: null,
        shippingRateId: null,
        shippingMethod: rate.name,
        discountCodeId: useWelcome ? welcome!.id : null,
        discountCode: useWelcome ? welcome!.code : null,
        paymentProvider: 'manual',
        customerNote: null,
        sourceCartId: null,
        placedAt,
        paidAt,
        fulfilledAt: shippedAt,
        deliveredAt,
        cancelledAt,
        createdAt: placedAt,
        updatedAt: refundedAt ?? cancelledAt ?? deliveredAt ?? shippedAt ?? paidAt ?? placedAt,
      });
      const lineIds = lines.map(() => randomUUID());
      lines.forEach((line, i) => {
        const gross = line.item.priceCents * line.quantity;
        const discount = totals.lineDiscountCents[i] ?? 0;
        const tax = totals.lineTaxCents[i] ?? 0;
        lineRows.push({
          id: lineIds[i]!,
          orderId,
          productId: line.item.productId,
          variantId: line.item.variantId,
          productTitle: line.item.productTitle,
          variantTitle: line.item.variantTitle,
          sku: line.item.sku,
          unitPriceCents: line.item.priceCents,
          quantity: line.quantity,
          discountCents: discount,
          taxCents: tax,
          totalCents: gross - discount + tax,
          imageKey: null,
        });
        stockMoves.push({ variantId: line.item.variantId, delta: -line.quantity, at: placedAt, orderId, reason: 'order_placed' });
        if (cancelledAt) stockMoves.push({ variantId: line.item.variantId, delta: line.quantity, at: cancelledAt, orderId, reason: 'order_cancelled' });
      });
      if (useWelcome) redemptionRows.push({ discountCodeId: welcome!.id, orderId, userId: customer.registered ? customer.id : null, email: customer.email, amountCents: totals.discountCents, createdAt: placedAt });

      const paymentId = randomUUID();
      paymentRows.push({
        id: paymentId,
        orderId,
        provider: 'manual',
        status: paid ? 'succeeded' : fate === 'cancelled_unpaid' ? 'cancelled' : 'pending',
        amountCents: totals.totalCents,
        currency: STORE_CURRENCY,
        refundedCents,
        providerReference: null,
        capturedAt: paidAt,
        createdAt: placedAt,
        updatedAt: refundedAt ?? paidAt ?? placedAt,
      });
      event(orderId, placedAt, 'placed', 'Order placed (awaiting payment)', false);
      if (paidAt) event(orderId, paidAt, 'paid', `Marked paid (${fmt(totals.totalCents)}, manual payment)`, true);
      if (shippedAt) {
        const fulfillmentId = randomUUID();
        const trackingNumber = `1Z${Array.from({ length: 16 }, () => CROCKFORD[random.int(0, 31)]).join('')}`;
        fulfillmentRows.push({
          id: fulfillmentId,
          orderId,
          status: deliveredAt ? 'delivered' : 'shipped',
          carrier: 'UPS',
          trackingNumber,
          trackingUrl: null,
          actorId: input.adminId,
          shippedAt,
          deliveredAt,
          createdAt: shippedAt,
          updatedAt: deliveredAt ?? shippedAt,
        });
        lines.forEach((line, i) => fulfillmentLineRows.push({ fulfillmentId, orderLineId: lineIds[i]!, quantity: line.quantity }));
        event(orderId, shippedAt, 'fulfilled', `Shipped ${lines.reduce((sum, line) => sum + line.quantity, 0)} item(s) via UPS, tracking ${trackingNumber}`, true);
      }
      if (deliveredAt) event(orderId, deliveredAt, 'delivered', 'Marked delivered', true);
      if (cancelledAt) event(orderId, cancelledAt, 'cancelled', 'Cancelled: customer asked to cancel', true);
      if (refundedAt) {
        refundRows.push({ orderId, paymentId, amountCents: refundedCents, currency: STORE_CURRENCY, reason: cancelledAt ? 'Cancelled' : 'Returned', status: 'succeeded', providerReference: null, actorId: input.adminId, createdAt: refundedAt, updatedAt: refundedAt });
        event(orderId, refundedAt, 'refunded', `Refunded ${fmt(refundedCents)}: ${cancelledAt ? 'Cancelled' : 'Returned'}`, true);
      }
    }
  }

  // Customers first (orders point at them); a person with no order in the period is left out.
  const buyers = people.filter((person) => person.createdAt);
  await bulkInsert(
    tx,
    users,
    buyers.map((person) => ({
      id: person.id,
      email: person.email,
      name: person.name,
      passwordHash: person.registered ? input.passwordHash : null,
      role: 'customer' as const,
      emailVerifiedAt: person.registered ? person.createdAt : null,
      createdAt: person.createdAt!,
      updatedAt: person.createdAt!,
    })),
  );
  await bulkInsert(tx, orders, orderRows);
  await bulkInsert(tx, orderLines, lineRows);
  await bulkInsert(tx, payments, paymentRows);
  await bulkInsert(tx, refunds, refundRows);
  await bulkInsert(tx, fulfillments, fulfillmentRows);
  await bulkInsert(tx, fulfillmentLines, fulfillmentLineRows);
  await bulkInsert(tx, orderEvents, eventRows);
  await bulkInsert(tx, discountRedemptions, redemptionRows);
  if (redemptionRows.length > 0) {
    await tx.update(discountCodes).set({ timesUsed: sql`${discountCodes.timesUsed} + ${redemptionRows.length}` }).where(eq(discountCodes.id, welcome!.id));
  }

  // The ledger: each variant's opening stock grows by what these orders took for good, so that after its sales and
  // restocks, in time order, it stands at the stock the catalogue planned (and the ledger still sums to it).
  const byVariant = new Map<string, typeof stockMoves>();
  for (const move of stockMoves) byVariant.set(move.variantId, [...(byVariant.get(move.variantId) ?? []), move]);
  const openingRaise: { variantId: string; raise: number }[] = [];
  const ledgerRows: (typeof inventoryLedger.$inferInsert)[] = [];
  const planned = new Map(
    (byVariant.size === 0 ? [] : await tx.select({ id: variants.id, stock: variants.stockOnHand }).from(variants).where(inArray(variants.id, [...byVariant.keys()]))).map((row) => [row.id, row.stock]),
  );
  // An order cancelled later may have taken more than the variant ends with: the opening stock is then raised by the
  // shortfall too (and the variant ends that much higher), so that no point of its history is below zero.
  const endRaise: { variantId: string; raise: number }[] = [];
  for (const [variantId, moves] of byVariant) {
    moves.sort((a, b) => a.at.getTime() - b.at.getTime());
    let raise = -moves.reduce((sum, move) => sum + move.delta, 0);
    let lowest = 0;
    let running = planned.get(variantId)! + raise;
    for (const move of moves) lowest = Math.min(lowest, (running += move.delta));
    if (lowest < 0) {
      raise -= lowest;
      endRaise.push({ variantId, raise: -lowest });
    }
    let quantity = planned.get(variantId)! + raise;
    openingRaise.push({ variantId, raise });
    for (const move of moves) {
      quantity += move.delta;
      ledgerRows.push({ variantId, delta: move.delta, quantityAfter: quantity, reason: move.reason, orderId: move.orderId, actorId: move.reason === 'order_cancelled' ? input.adminId : null, note: null, createdAt: move.at });
    }
  }
  const raised = openingRaise.filter((row) => row.raise !== 0);
  if (raised.length > 0) {
    await tx.execute(sql`
      update ${inventoryLedger} l set delta = l.delta + r.raise, quantity_after = l.quantity_after + r.raise
      from unnest(${sql`${`{${raised.map((row) => row.variantId).join(',')}}`}::uuid[]`}, ${sql`${`{${raised.map((row) => row.raise).join(',')}}`}::int[]`}) as r(variant_id, raise)
      where l.variant_id = r.variant_id and l.reason = 'initial'`);
  }
  await bulkInsert(tx, inventoryLedger, ledgerRows);
  if (endRaise.length > 0) {
    await tx.execute(sql`
      update ${variants} v set stock_on_hand = v.stock_on_hand + r.raise
      from unnest(${sql`${`{${endRaise.map((row) => row.variantId).join(',')}}`}::uuid[]`}, ${sql`${`{${endRaise.map((row) => row.raise).join(',')}}`}::int[]`}) as r(variant_id, raise)
      where v.id = r.variant_id`);
  }

  return { orders: orderRows.length, customers: buyers.length, guestCustomers: buyers.filter((person) => !person.registered).length };
}
