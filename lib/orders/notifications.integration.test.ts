import { and, desc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { emailMessages, orderEvents, orders } from '@/db/schema';
import { actorFor, createPerson } from '@/lib/admin/testing/people';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { deliverOutboxFor } from '@/lib/outbox/worker';
import { refundOrderSchema } from './schemas';
import { fulfillOrder, markOrderDelivered, markOrderPaid, refundOrder } from './service';

// The order's emails as they are stored (and sent): an HTML part whose amounts add up to the total it shows, and a
// plain-text part saying the same.

afterAll(() => closeConnection());

/** "$1,234.56" / "−$12.30" → signed cents. */
function cents(text: string): number {
  const negative = /^[−-]/.test(text.trim());
  const value = Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);
  return negative ? -value : value;
}

function cellsOf(html: string, className: string): string[] {
  return [...html.matchAll(new RegExp(`class="${className}"[^>]*>([^<]*)<`, 'g'))].map((match) => match[1]!.trim());
}

function summaryAmount(html: string, kind: string): number | null {
  const row = new RegExp(`<tr class="summary-${kind}"[\\s\\S]*?class="summary-amount"[^>]*>([^<]*)<`).exec(html);
  return row ? cents(row[1]!) : null;
}

async function placeManualOrder(email: string, locale?: 'en' | 'de' | 'fr') {
  const a = await createTestVariant({ stock: 10, priceCents: 1999 });
  const b = await createTestVariant({ stock: 10, priceCents: 4550 });
  const { newToken } = await addCartLine({}, { variantId: a.variant.id, quantity: 3 });
  await addCartLine({ token: newToken }, { variantId: b.variant.id, quantity: 1 });
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const input = placeOrderSchema.parse({
    email,
    shippingAddress: { name: 'Email Buyer', line1: '1 Congress Ave', city: 'Austin', region: 'TX', postalCode: '78701', countryCode: 'US' },
    shippingRateId: rate.id,
    discountCode: 'WELCOME10',
  });
  const placed = await placeOrder({ token: newToken! }, input, { locale });
  await deliverOutboxFor({ type: 'order', id: placed.orderId });
  return placed;
}

async function latest(to: string, template: string) {
  const [row] = await db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.toAddress, to), eq(emailMessages.template, template)))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1);
  return row;
}

describe('order emails', () => {
  it('the confirmation: lines at price × quantity that make the subtotal, discount, shipping and tax on their own rows, the total they add up to', async () => {
    const email = `emails-${Date.now()}@example.com`;
    const placed = await placeManualOrder(email);
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order!.discountCents).toBeGreaterThan(0);
    expect(order!.taxCents).toBeGreaterThan(0);

    const mail = await latest(email, 'order_confirmation');
    expect(mail!.subject).toBe(`Order confirmation ${order!.number}`);
    const html = mail!.htmlBody!;
    const lines = cellsOf(html, 'line-amount').map(cents);
    // 3 × $19.99 and 1 × $45.50: price × quantity, nothing allocated folded in.
    expect([...lines].sort((x, y) => x - y)).toEqual([4550, 5997]);
    const subtotal = summaryAmount(html, 'subtotal')!;
    const discount = summaryAmount(html, 'discount')!;
    const shipping = summaryAmount(html, 'shipping')!;
    const tax = summaryAmount(html, 'tax')!;
    const total = summaryAmount(html, 'total')!;
    expect(lines.reduce((a, b) => a + b, 0)).toBe(subtotal);
    expect(discount).toBeLessThan(0);
    expect(subtotal + discount + shipping + tax).toBe(total);
    expect(total).toBe(order!.totalCents);

    // Manual payment: the confirmation points to the instructions' own message and does not repeat them.
    expect(mail!.textBody).toContain(`How to pay for order ${order!.number}`);
    expect(html).not.toContain('data-testid="payment-instructions"');
    expect(mail!.textBody).toContain('Email Buyer');
    expect(mail!.textBody).toContain('United States');
    for (const row of ['Subtotal', 'Discount (WELCOME10)', 'Shipping', 'Tax', 'Total']) expect(mail!.textBody).toContain(row);
  });

  it("an order placed in German gets its confirmation and payment instructions in German, amounts still adding up", async () => {
    const email = `deutsch-${Date.now()}@example.com`;
    const placed = await placeManualOrder(email, 'de');
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order!.locale).toBe('de');
    const mail = await latest(email, 'order_confirmation');
    expect(mail!.subject).toBe(`Bestellbestätigung ${order!.number}`);
    expect(mail!.textBody).toContain('Vielen Dank für Ihre Bestellung');
    for (const row of ['Zwischensumme', 'Rabatt (WELCOME10)', 'Versand', 'MwSt.', 'Gesamt']) expect(mail!.textBody).toContain(row);
    // Money as a German reader writes it: "1.234,56 $".
    const total = /<tr class="summary-total"[\s\S]*?class="summary-amount"[^>]*>([^<]*)</.exec(mail!.htmlBody!)![1]!;
    expect(total).toBe(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD' }).format(order!.totalCents / 100));
    const instructions = await latest(email, 'order_payment_instructions');
    expect(instructions!.subject).toBe(`So bezahlen Sie Bestellung ${order!.number}`);
    expect(instructions!.textBody).toContain('Zu zahlender Betrag');
    // An order placed without a language (the Store API, staff) is English.
    const english = `english-${Date.now()}@example.com`;
    await placeManualOrder(english);
    expect((await latest(english, 'order_confirmation'))!.subject).toMatch(/^Order confirmation SF-/);
  });

  it('manual payment: the instructions are a message of their own, queued once beside the confirmation', async () => {
    const email = `pay-later-${Date.now()}@example.com`;
    const placed = await placeManualOrder(email);
    // The order's events delivered again (a retry, a second worker) queue nothing more.
    await Promise.all([deliverOutboxFor({ type: 'order', id: placed.orderId }), deliverOutboxFor({ type: 'order', id: placed.orderId })]);
    const [order] = await db.select({ number: orders.number, totalCents: orders.totalCents }).from(orders).where(eq(orders.id, placed.orderId));
    const sent = await db.select().from(emailMessages).where(eq(emailMessages.toAddress, email));
    expect(sent.map((row) => row.template).sort()).toEqual(['order_confirmation', 'order_payment_instructions']);
    const instructions = sent.find((row) => row.template === 'order_payment_instructions')!;
    expect(instructions.subject).toBe(`How to pay for order ${order!.number}`);
    const amount = `$${(order!.totalCents / 100).toFixed(2)}`;
    expect(instructions.htmlBody).toContain(amount);
    expect(instructions.textBody).toContain(amount);
    expect(instructions.textBody).toContain(`quote ${order!.number} as the reference`);
    const events = await db.select({ message: orderEvents.message }).from(orderEvents).where(and(eq(orderEvents.orderId, placed.orderId), eq(orderEvents.type, 'email')));
    expect(events.filter((event) => /Payment instructions/.test(event.message))).toHaveLength(1);
  });

  it('delivered and refunded: each move sends its own message, once', async () => {
    const email = `moves-${Date.now()}@example.com`;
    const placed = await placeManualOrder(email);
    const actor = actorFor(await createPerson('admin'));
    const [order] = await db.select({ number: orders.number }).from(orders).where(eq(orders.id, placed.orderId));
    await markOrderPaid(actor, order!.number);
    await fulfillOrder(actor, order!.number, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' });
    const { orderId } = await markOrderDelivered(actor, order!.number);
    await deliverOutboxFor({ type: 'order', id: orderId });
    await deliverOutboxFor({ type: 'order', id: orderId });
    const delivered = await db.select().from(emailMessages).where(and(eq(emailMessages.toAddress, email), eq(emailMessages.template, 'order_delivered')));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.subject).toBe(`Your order ${order!.number} has been delivered`);
    expect(delivered[0]!.textBody).toContain('/pages/shipping-returns');

    const refund = await refundOrder(actor, order!.number, refundOrderSchema.parse({ number: order!.number, currency: 'USD', amount: '10.00', reason: 'Scuffed box' }));
    await deliverOutboxFor({ type: 'refund', id: refund.refundId });
    const refunded = await latest(email, 'order_refunded');
    expect(refunded!.subject).toBe(`Refund on your order ${order!.number}`);
    expect(refunded!.textBody).toContain('$10.00');
    expect(refunded!.textBody).toContain('Scuffed box');
    expect(refunded!.htmlBody).toContain('−$10.00');
  });
});
