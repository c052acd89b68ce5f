import 'server-only';
import { eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { emailMessages } from '@/db/schema';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';

// Every email is recorded in email_messages first. With SMTP_URL set it is then sent through nodemailer;
// without it the message stays "stored" for the developer to read, and the log says so without personal data.

export type OutgoingEmail = { to: string; subject: string; template: string; text: string; html?: string };

type Transport = { sendMail: (message: { from: string; to: string; subject: string; text: string; html?: string }) => Promise<unknown> };

let transport: Transport | null | undefined;

async function getTransport(): Promise<Transport | null> {
  if (transport !== undefined) return transport;
  if (!env.SMTP_URL) {
    transport = null;
    return null;
  }
  const nodemailer = await import('nodemailer');
  transport = nodemailer.createTransport(env.SMTP_URL) as unknown as Transport;
  return transport;
}

/** Records the message and delivers it (or stores it when no SMTP server is configured). Never throws on delivery. */
export async function sendEmail(message: OutgoingEmail, executor: Executor = db): Promise<{ id: string; status: 'sent' | 'stored' | 'failed' }> {
  const smtp = await getTransport();
  const [row] = await executor
    .insert(emailMessages)
    .values({
      toAddress: message.to,
      subject: message.subject,
      template: message.template,
      textBody: message.text,
      htmlBody: message.html ?? null,
      status: smtp ? 'pending' : 'stored',
    })
    .returning({ id: emailMessages.id });
  const id = row!.id;
  if (!smtp) {
    logger.info({ emailId: id, template: message.template }, 'email stored (SMTP_URL not set)');
    return { id, status: 'stored' };
  }
  try {
    await smtp.sendMail({ from: env.EMAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
    await executor.update(emailMessages).set({ status: 'sent', sentAt: new Date(), attempts: 1 }).where(eq(emailMessages.id, id));
    logger.info({ emailId: id, template: message.template }, 'email sent');
    return { id, status: 'sent' };
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
    await executor.update(emailMessages).set({ status: 'failed', attempts: 1, lastError: reason }).where(eq(emailMessages.id, id));
    logger.warn({ emailId: id, template: message.template, reason }, 'email delivery failed');
    return { id, status: 'failed' };
  }
}
