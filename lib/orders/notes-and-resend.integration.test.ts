import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { auditLog, emailMessages } from '@/db/schema';
import { staffActor } from '@/lib/admin/testing';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { resendOrderConfirmation } from './notifications';
import { getOrderByNumberAndEmail, getStaffOrder } from './queries';
import { addOrderNote } from './service';
import { getAdminOrder } from './api';

// Staff's internal notes (on the timeline, audited, never on the shopper's side) and the confirmation resend (one
// copy however many clicks arrive at once).

afterAll(() => closeConnection());

const address = { name: 'Ada Lovelace', line1: '1 Analytical Row', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' };

async function placed() {
  const { variant } = await createTestVariant({ stock: 10, priceCents: 2500 });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const email = `notes-${randomBytes(4).toString('hex')}@example.com`;
  const order = await placeOrder({ token: newToken }, placeOrderSchema.parse({ email, shippingAddress: address, shippingRateId: rate.id }));
  return { ...order, email };
}

describe('internal notes', () => {
  it('adds a note to the timeline with its author and time, audits it, and never shows it to the shopper', async () => {
    const order = await placed();
    const actor = await staffActor();
    const secret = `Customer called about gift wrap ${randomBytes(3).toString('hex')}`;
    await addOrderNote(actor, order.number, secret);

    const staffView = await getStaffOrder(order.number);
    const note = staffView!.timeline.find((event) => event.note);
    expect(note).toMatchObject({ type: 'note', message: secret, actor: actor.user.email });
    expect(Date.parse(note!.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'order.note_add'), eq(auditLog.entityId, order.orderId)));
    expect(entry).toMatchObject({ actorId: actor.user.id, after: { number: order.number, note: secret } });

    // The shopper's view (guest lookup, account, Store API) and the Admin API/webhook view carry no timeline.
    const shopperView = await getOrderByNumberAndEmail(order.number, order.email);
    expect(JSON.stringify(shopperView)).not.toContain(secret);
    expect(JSON.stringify(await getAdminOrder(order.number))).not.toContain(secret);
  });

  it('refuses a note on an order that does not exist', async () => {
    await expect(addOrderNote(await staffActor(), 'SF-ZZZZZZZZ', 'x')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('resend confirmation email', () => {
  it('sends one copy for two requests at once (a double-click), notes it once and audits it once', async () => {
    const order = await placed();
    const actor = await staffActor();

    const [a, b] = await Promise.all([resendOrderConfirmation(actor, order.number), resendOrderConfirmation(actor, order.number)]);
    expect(a.emailId).toBe(b.emailId);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    const [copy] = await db.select({ to: emailMessages.toAddress, subject: emailMessages.subject, template: emailMessages.template }).from(emailMessages).where(eq(emailMessages.id, a.emailId));
    expect(copy).toMatchObject({ to: order.email, template: 'order_confirmation', subject: expect.stringContaining(order.number) });
    expect(await db.$count(auditLog, and(eq(auditLog.action, 'order.confirmation_resend'), eq(auditLog.entityId, order.orderId)))).toBe(1);
    const timeline = (await getStaffOrder(order.number))!.timeline.filter((event) => event.message.startsWith('Confirmation email resent'));
    expect(timeline).toHaveLength(1);
  });
});
