import 'server-only';
import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { type EmailStatus, emailMessages } from '@/db/schema';
import { type Page, pageCountOf } from '@/lib/pagination';
import type { EmailMessageFilter } from './schemas';
import { EMAIL_TEMPLATES, isEmailTemplateName } from './templates';

// The admin's Emails screen: what the store actually sent (or, without SMTP, stored), newest first. Read-only; the
// one write on these rows from the panel is a resend, which makes a new message (service.ts).

export const EMAILS_PER_PAGE = 25;

export type EmailMessageSummary = {
  id: string;
  to: string;
  subject: string;
  /** The template's name in the panel ("Password reset"), or its stored key when the template is gone. */
  kind: string;
  status: EmailStatus;
  createdAt: Date;
  sentAt: Date | null;
};

export type EmailMessageView = EmailMessageSummary & { html: string | null; text: string; attempts: number; lastError: string | null };

function kindOf(template: string): string {
  return isEmailTemplateName(template) ? EMAIL_TEMPLATES[template].label : template;
}

const summaryColumns = {
  id: emailMessages.id,
  to: emailMessages.toAddress,
  subject: emailMessages.subject,
  template: emailMessages.template,
  status: emailMessages.status,
  createdAt: emailMessages.createdAt,
  sentAt: emailMessages.sentAt,
};

export async function listEmailMessages(filter: EmailMessageFilter, executor: Executor = db): Promise<Page<EmailMessageSummary>> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(emailMessages.status, filter.status));
  if (filter.to) conditions.push(ilike(emailMessages.toAddress, `%${filter.to.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [totalRow] = await executor.select({ n: count() }).from(emailMessages).where(where);
  const total = totalRow?.n ?? 0;
  const pageCount = pageCountOf(total, EMAILS_PER_PAGE);
  const page = Math.min(filter.page, pageCount);
  const rows = await executor
    .select(summaryColumns)
    .from(emailMessages)
    .where(where)
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(EMAILS_PER_PAGE)
    .offset((page - 1) * EMAILS_PER_PAGE);
  return { items: rows.map(({ template, ...row }) => ({ ...row, kind: kindOf(template) })), page, pageCount, total };
}

export async function getEmailMessage(id: string, executor: Executor = db): Promise<EmailMessageView | null> {
  const [row] = await executor
    .select({ ...summaryColumns, html: emailMessages.htmlBody, text: emailMessages.textBody, attempts: emailMessages.attempts, lastError: emailMessages.lastError })
    .from(emailMessages)
    .where(eq(emailMessages.id, id));
  if (!row) return null;
  const { template, ...rest } = row;
  return { ...rest, kind: kindOf(template) };
}
