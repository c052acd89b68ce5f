import { createServer } from 'node:net';
import { and, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { emailMessages, outboxEvents } from '@/db/schema';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { type Mailer, queueEmail, setMailerForTesting } from '@/lib/email/service';
import { countOutbox, OUTBOX_MAX_ATTEMPTS, type OutboxRunOptions, processOutbox, retryDelayMs } from '@/lib/outbox/worker';

afterAll(() => closeConnection());
afterEach(() => setMailerForTesting(undefined));

type Received = { to: string[]; subject: string };

/** A real SMTP server on 127.0.0.1 (as e2e/support/mailbox.ts), keeping what it received in memory. */
async function startSink(port = 0, delayMs = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? '';
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject });
        setTimeout(() => callback(), delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port with nothing listening on it (SMTP down). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

function mailerTo(port: number): Mailer {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 2_000, greetingTimeout: 2_000, socketTimeout: 5_000 });
}

/** One outbox run delivering mail to the SMTP server on `port` (as if SMTP_URL pointed there). */
function processVia(port: number, options: OutboxRunOptions) {
  setMailerForTesting(mailerTo(port));
  return processOutbox(options);
}

async function placedOrder(email: string) {
  const { variant } = await createTestVariant({ stock: 5, priceCents: 2500 });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const input = placeOrderSchema.parse({
    email,
    shippingAddress: { name: 'Outbox Buyer', line1: '1 Mail St', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' },
    shippingRateId: rate.id,
  });
  return placeOrder({ token: newToken }, input);
}

async function confirmationOf(number: string) {
  const [row] = await db.select().from(emailMessages).where(eq(emailMessages.subject, `Order confirmation ${number}`));
  return row;
}

describe('outbox delivery', () => {
  it('keeps the confirmation pending with the error while SMTP is down, and sends it on a later attempt', async () => {
    const port = await freePort();
    const placed = await placedOrder('outbox-retry@example.com');
    const order = { type: 'order', id: placed.orderId };

    const down = await processVia(port, { aggregate: order });
    // A manual-payment order queues two emails, the confirmation and the payment instructions (both steps delivered);
    // neither could be sent (both retrying).
    expect(down).toEqual({ delivered: 2, retrying: 2, failed: 0 });
    const pending = await confirmationOf(placed.number);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, toAddress: 'outbox-retry@example.com' });
    expect(pending!.lastError).toMatch(/ECONNREFUSED|connect/i);
    const [event] = await db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.aggregateId, placed.orderId), eq(outboxEvents.type, 'email.send')));
    expect(event).toMatchObject({ attempts: 1, processedAt: null });
    expect(event!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(event!.availableAt.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) / 2);

    // Not due yet: an immediate run leaves it alone (backoff), even with SMTP back.
    const sink = await startSink(port);
    try {
      expect(await processVia(port, { aggregate: order })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      expect(sink.received).toHaveLength(0);

      // Once the backoff has passed, the next attempt sends it, once.
      const later = new Date(Date.now() + retryDelayMs(1) + 5_000);
      expect(await processVia(port, { aggregate: order, now: later })).toEqual({ delivered: 2, retrying: 0, failed: 0 });
      expect(sink.received).toEqual(
        expect.arrayContaining([
          { to: ['outbox-retry@example.com'], subject: `Order confirmation ${placed.number}` },
          { to: ['outbox-retry@example.com'], subject: `How to pay for order ${placed.number}` },
        ]),
      );
      const sent = await confirmationOf(placed.number);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      expect(sent!.sentAt).toBeInstanceOf(Date);
      expect(await processVia(port, { aggregate: order, now: new Date(Date.now() + 86_400_000) })).toEqual({
        delivered: 0,
        retrying: 0,
        failed: 0,
      });
      expect(sink.received).toHaveLength(2);
    } finally {
      await sink.close();
    }
  });

  it('gives up after the last attempt: the message is marked failed and counted', async () => {
    const port = await freePort();
    const aggregate = { type: 'test', id: `give-up-${Date.now()}` };
    const queued = await queueEmail({ to: 'never@example.com', subject: 'Unlucky', template: 'test', text: 'x' }, db, { viaSmtp: true, aggregate });
    await db.update(outboxEvents).set({ attempts: OUTBOX_MAX_ATTEMPTS - 1 }).where(eq(outboxEvents.aggregateId, aggregate.id));
    const before = await countOutbox();

    expect(await processVia(port, { aggregate })).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    const [message] = await db.select().from(emailMessages).where(eq(emailMessages.id, queued.id));
    expect(message).toMatchObject({ status: 'failed' });
    expect(message!.lastError).toMatch(/ECONNREFUSED|connect/i);
    const after = await countOutbox();
    expect(after.failed).toBe(before.failed + 1);
    expect(after.pending).toBe(before.pending - 1);
    // Never claimed again, however late it is.
    expect(await processVia(port, { aggregate, now: new Date(Date.now() + 7 * 86_400_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('two workers running at once deliver every message exactly once', async () => {
    const sink = await startSink(0, 30);
    try {
      const aggregate = { type: 'test', id: `concurrent-${Date.now()}` };
      const subjects = Array.from({ length: 16 }, (_, i) => `Concurrent ${aggregate.id} #${i}`);
      for (const subject of subjects) {
        await queueEmail({ to: 'both@example.com', subject, template: 'test', text: subject }, db, { viaSmtp: true, aggregate });
      }
      const [a, b] = await Promise.all([
        processVia(sink.port, { aggregate }),
        processVia(sink.port, { aggregate }),
      ]);
      expect(a!.delivered + b!.delivered).toBe(subjects.length);
      expect(sink.received.map((mail) => mail.subject).sort()).toEqual([...subjects].sort());
      const rows = await db.select({ status: emailMessages.status }).from(emailMessages).where(eq(emailMessages.toAddress, 'both@example.com'));
      expect(rows.map((row) => row.status)).toEqual(subjects.map(() => 'sent'));
    } finally {
      await sink.close();
    }
  });
});
