import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { auditLog, emailMessages } from '@/db/schema';
import { staffActor } from '@/lib/admin/testing';
import { getEmailMessage, listEmailMessages } from '@/lib/email/queries';
import { deleteOldEmailMessages, queueEmail, resendEmail, type Mailer, setMailerForTesting } from '@/lib/email/service';

// The admin's Emails screen over real rows: what it lists (newest first, filtered by recipient), a resend (a new
// message, delivered, audited), and the retention sweep (old messages go, pending ones stay).

afterAll(() => closeConnection());
afterEach(() => setMailerForTesting(undefined));

const address = () => `emails-${randomBytes(4).toString('hex')}@example.com`;

function recordingMailer() {
  const sent: { to: string; subject: string; text: string }[] = [];
  const mailer: Mailer = {
    sendMail: async (message) => {
      sent.push({ to: message.to, subject: message.subject, text: message.text });
    },
  };
  return { mailer, sent };
}

describe('sent emails', () => {
  it('lists the messages to a recipient newest first, with their kind, and opens one with both parts', async () => {
    const to = address();
    const first = await queueEmail({ to, subject: 'Reset your password', template: 'password_reset', text: 'Reset: https://shop.test/r/1', html: '<p>Reset</p>' }, db, { viaSmtp: false });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await queueEmail({ to, subject: 'Confirm your email', template: 'email_verification', text: 'Confirm: https://shop.test/v/1' }, db, { viaSmtp: false });
    const page = await listEmailMessages({ to: to.toUpperCase(), page: 1 });
    expect(page.total).toBe(2);
    expect(page.items.map((item) => [item.id, item.kind, item.status])).toEqual([
      [second.id, 'Email verification', 'stored'],
      [first.id, 'Password reset', 'stored'],
    ]);
    const view = await getEmailMessage(first.id);
    expect(view).toMatchObject({ to, subject: 'Reset your password', text: 'Reset: https://shop.test/r/1', html: '<p>Reset</p>' });
    expect(await listEmailMessages({ to, status: 'sent', page: 1 })).toMatchObject({ total: 0, items: [] });
  });

  it('resends a message as a new one that is delivered, and audits who did it', async () => {
    const { mailer, sent } = recordingMailer();
    setMailerForTesting(mailer);
    const to = address();
    const original = await queueEmail({ to, subject: 'Reset your password', template: 'password_reset', text: 'Reset: https://shop.test/r/2' }, db, { viaSmtp: false });
    const actor = await staffActor();
    const copy = await resendEmail(actor, original.id);
    expect(copy.id).not.toBe(original.id);
    expect(copy.status).toBe('sent');
    expect(sent).toEqual([{ to, subject: 'Reset your password', text: 'Reset: https://shop.test/r/2' }]);
    expect((await getEmailMessage(original.id))?.status).toBe('stored');
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'email.resend'), eq(auditLog.entityId, original.id)))
      .orderBy(desc(auditLog.createdAt));
    expect(entry).toMatchObject({ actorId: actor.user.id, entityType: 'email_message', after: { messageId: copy.id, template: 'password_reset' } });
  });

  it('a double-clicked Resend (two requests at once) sends one copy, and both answer with it', async () => {
    const { mailer, sent } = recordingMailer();
    setMailerForTesting(mailer);
    const to = address();
    const original = await queueEmail({ to, subject: 'Your order', template: 'order_confirmation', text: 'Thanks' }, db, { viaSmtp: false });
    const actor = await staffActor();
    const [a, b] = await Promise.all([resendEmail(actor, original.id), resendEmail(actor, original.id)]);
    expect(a.id).toBe(b.id);
    expect(sent).toHaveLength(1);
    expect(await db.$count(emailMessages, eq(emailMessages.toAddress, to))).toBe(2);
    expect(await db.$count(auditLog, and(eq(auditLog.action, 'email.resend'), eq(auditLog.entityId, original.id)))).toBe(1);
    // A third click in the same moment still sends nothing more.
    expect((await resendEmail(actor, original.id)).id).toBe(a.id);
    expect(sent).toHaveLength(1);
  });

  it('refuses to resend a message that no longer exists', async () => {
    await expect(resendEmail(await staffActor(), '00000000-0000-4000-8000-00000000dead')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('deletes messages past the retention period, except those still being delivered', async () => {
    const to = address();
    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    const rows = await db
      .insert(emailMessages)
      .values([
        { toAddress: to, subject: 'old sent', template: 'password_reset', textBody: 'x', status: 'sent', createdAt: old },
        { toAddress: to, subject: 'old stored', template: 'password_reset', textBody: 'x', status: 'stored', createdAt: old },
        { toAddress: to, subject: 'old pending', template: 'password_reset', textBody: 'x', status: 'pending', createdAt: old },
        { toAddress: to, subject: 'recent', template: 'password_reset', textBody: 'x', status: 'stored' },
      ])
      .returning({ subject: emailMessages.subject });
    expect(rows).toHaveLength(4);
    expect(await deleteOldEmailMessages({ retentionDays: 30 })).toBeGreaterThanOrEqual(2);
    const left = await db.select({ subject: emailMessages.subject }).from(emailMessages).where(eq(emailMessages.toAddress, to));
    expect(left.map((row) => row.subject).sort()).toEqual(['old pending', 'recent']);
  });
});
