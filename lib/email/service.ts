import 'server-only';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { emailMessages, outboxEvents } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { claimOnce, completeOnce } from '@/lib/http/idempotency';
import { deliverOutboxFor } from '@/lib/outbox/worker';

// Every email is recorded in email_messages first. With SMTP_URL set it is queued for delivery through the outbox
// (an `email.send` event written in the same transaction), so an SMTP outage delays mail instead of losing it:
// the outbox worker (lib/outbox/worker.ts, with the handler in ./events.ts) retries with backoff. Without SMTP_URL the message stays "stored" for
// the developer to read, and the log says so without personal data.

export type OutgoingEmail = { to: string; subject: string; template: string; text: string; html?: string };

/** A rendered template (lib/email/compose.ts) addressed to someone. */
export function addressed(to: string, email: { template: string; subject: string; html: string; text: string }): OutgoingEmail {
  return { to, subject: email.subject, template: email.template, text: email.text, html: email.html };
}

/** What the worker hands a message to: a nodemailer transport, or anything with the same sendMail. */
export type Mailer = { sendMail: (message: { from: string; to: string; subject: string; text: string; html?: string }) => Promise<unknown> };

export const EMAIL_SEND_EVENT = 'email.send';

let transport: Mailer | null | undefined;
let transportForTesting: Mailer | null | undefined;

// nodemailer waits up to 2 min to connect and 10 min on a silent socket by default; the worker holds a row lock
// and a pooled connection while it sends, so a dead SMTP server must fail fast and be retried later instead.
const SMTP_TIMEOUTS = { connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' };

/** The configured SMTP transport, or null when SMTP_URL is not set. */
export async function getMailer(): Promise<Mailer | null> {
  if (transportForTesting !== undefined) return transportForTesting;
  if (transport !== undefined) return transport;
  if (!env.SMTP_URL) {
    transport = null;
    return null;
  }
  const url = new URL(env.SMTP_URL);
  for (const [key, value] of Object.entries(SMTP_TIMEOUTS)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  const nodemailer = await import('nodemailer');
  transport = nodemailer.createTransport(url.toString()) as unknown as Mailer;
  return transport;
}

/** For tests: deliver through this mailer (e.g. a local SMTP sink) instead of SMTP_URL's; undefined → back to it. */
export function setMailerForTesting(mailer: Mailer | null | undefined): void {
  transportForTesting = mailer;
}

export type QueuedEmail = { id: string; status: 'pending' | 'stored' };

/**
 * Records a message and, when it is to be sent, its `email.send` outbox event, on the caller's executor: inside a
 * transaction both commit (or vanish) with the change that caused them. `aggregate` names what the email is about
 * (e.g. the order), so that a caller can deliver its own events at once (see deliverOutboxFor).
 */
export async function queueEmail(
  message: OutgoingEmail,
  executor: Executor = db,
  options: { viaSmtp?: boolean; aggregate?: { type: string; id: string } } = {},
): Promise<QueuedEmail> {
  const viaSmtp = options.viaSmtp ?? (await getMailer()) !== null;
  const [row] = await executor
    .insert(emailMessages)
    .values({
      toAddress: message.to,
      subject: message.subject,
      template: message.template,
      textBody: message.text,
      htmlBody: message.html ?? null,
      status: viaSmtp ? 'pending' : 'stored',
    })
    .returning({ id: emailMessages.id });
  const id = row!.id;
  if (!viaSmtp) {
    logger.info({ emailId: id, template: message.template }, 'email stored (SMTP_URL not set)');
    return { id, status: 'stored' };
  }
  await executor.insert(outboxEvents).values({
    type: EMAIL_SEND_EVENT,
    aggregateType: options.aggregate?.type ?? 'email',
    aggregateId: options.aggregate?.id ?? id,
    payload: { emailId: id },
  });
  return { id, status: 'pending' };
}

/**
 * Sends one queued message (called by the outbox worker inside the transaction that holds its event's row lock).
 * Success marks it sent; a failure throws, and the worker records it (recordEmailFailure) and schedules the
 * retry. A message that is no longer pending (sent by an earlier attempt) is not sent again.
 */
export async function deliverQueuedEmail(emailId: string, mailer: Mailer, executor: Executor): Promise<'sent' | 'skipped'> {
  const [message] = await executor
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.id, emailId), eq(emailMessages.status, 'pending')))
    .for('update');
  if (!message) return 'skipped';
  // A refusal is recorded by recordEmailFailure, outside the worker's savepoint (see lib/outbox/worker.ts).
  await mailer.sendMail({ from: env.EMAIL_FROM, to: message.toAddress, subject: message.subject, text: message.textBody, html: message.htmlBody ?? undefined });
  await executor
    .update(emailMessages)
    .set({ status: 'sent', sentAt: new Date(), attempts: message.attempts + 1, lastError: null })
    .where(eq(emailMessages.id, emailId));
  logger.info({ emailId, template: message.template }, 'email sent');
  return 'sent';
}

/** After a failed attempt: the message stays pending, with how often it was tried and why it failed. */
export async function recordEmailFailure(emailId: string, error: unknown, executor: Executor): Promise<void> {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500) || 'unknown error';
  await executor
    .update(emailMessages)
    .set({ attempts: sql`${emailMessages.attempts} + 1`, lastError: reason })
    .where(and(eq(emailMessages.id, emailId), eq(emailMessages.status, 'pending')));
  logger.warn({ emailId, reason }, 'email delivery failed; will retry');
}

/** Gives up on a message after the worker's last attempt: it stays in the table, marked failed, for staff to see. */
export async function markEmailFailed(emailId: string, executor: Executor): Promise<void> {
  await executor
    .update(emailMessages)
    .set({ status: 'failed' })
    .where(and(eq(emailMessages.id, emailId), eq(emailMessages.status, 'pending')));
}

/**
 * Records the message and tries to deliver it at once (or stores it when no SMTP server is configured). Never
 * throws on delivery: a message the SMTP server refused stays pending and the outbox worker retries it.
 * Inside a caller's transaction nothing is sent yet (the rows are not committed); the worker sends it after commit.
 */
export async function sendEmail(message: OutgoingEmail, executor: Executor = db): Promise<{ id: string; status: 'sent' | 'stored' | 'pending' | 'failed' }> {
  const queued = await queueEmail(message, executor);
  if (queued.status === 'stored' || executor !== db) return queued;
  await deliverOutboxFor({ type: 'email', id: queued.id }).catch((error: unknown) => logger.error({ err: error, emailId: queued.id }, 'email delivery run failed'));
  const [row] = await db.select({ status: emailMessages.status }).from(emailMessages).where(eq(emailMessages.id, queued.id));
  return { id: queued.id, status: row?.status === 'sent' || row?.status === 'failed' ? row.status : 'pending' };
}

/**
 * Sends a recorded message again, as a new message with the same recipient, subject and parts (the original keeps
 * its own status and time). Audited in the transaction that queues the copy; delivered at once after commit, as
 * sendEmail does. Links in it (a password reset, a confirmation) work only until they expire, as in the original.
 */
export async function resendEmail(actor: AuditActor, emailId: string): Promise<{ id: string; status: 'sent' | 'stored' | 'pending' | 'failed' }> {
  const queued = await db.transaction(async (tx): Promise<QueuedEmail & { repeated?: true }> => {
    const [original] = await tx.select().from(emailMessages).where(eq(emailMessages.id, emailId));
    if (!original) throw new AppError('not_found', 'That message no longer exists.');
    // A double-click (or two tabs at once) makes one copy: the second request answers with the first one's copy.
    const claim = await claimOnce<QueuedEmail>(tx, 'email.resend', original.id, RESEND_WINDOW_MS);
    if (!claim.claimed) {
      if (!claim.answer) throw new AppError('conflict', 'This message is being resent already.');
      return { ...claim.answer, repeated: true };
    }
    const copy = await queueEmail(
      { to: original.toAddress, subject: original.subject, template: original.template, text: original.textBody, html: original.htmlBody ?? undefined },
      tx,
    );
    await recordAudit(tx, actor, {
      action: 'email.resend',
      entityType: 'email_message',
      entityId: original.id,
      after: { messageId: copy.id, template: original.template, status: copy.status },
    });
    await completeOnce(tx, claim.id, copy);
    return copy;
  });
  if (queued.status === 'stored') return { id: queued.id, status: 'stored' };
  if (queued.repeated) return currentStatus(queued.id);
  await deliverOutboxFor({ type: 'email', id: queued.id }).catch((error: unknown) => logger.error({ err: error, emailId: queued.id }, 'email delivery run failed'));
  return currentStatus(queued.id);
}

/** How long a resend answers a repeat of itself with the same copy instead of making another. */
export const RESEND_WINDOW_MS = 15_000;

async function currentStatus(id: string): Promise<{ id: string; status: 'sent' | 'stored' | 'pending' | 'failed' }> {
  const [row] = await db.select({ status: emailMessages.status }).from(emailMessages).where(eq(emailMessages.id, id));
  return { id, status: row?.status ?? 'pending' };
}

/**
 * Deletes messages older than `retentionDays` that are done with (sent, stored, or given up on): their bodies carry
 * personal data and sign-in links, kept only as long as someone may need to read or resend them. A message still
 * being tried (pending) stays until its delivery ends.
 */
export async function deleteOldEmailMessages(options: { retentionDays: number; now?: Date }, executor: Executor = db): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 24 * 3600 * 1000);
  const deleted = await executor
    .delete(emailMessages)
    .where(and(lt(emailMessages.createdAt, cutoff), inArray(emailMessages.status, ['sent', 'stored', 'failed'])))
    .returning({ id: emailMessages.id });
  return deleted.length;
}
