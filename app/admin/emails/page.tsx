import Link from 'next/link';
import { EmailStatusBadge } from '@/components/admin/emails/email-status';
import { EmailTabs } from '@/components/admin/emails/email-tabs';
import { EmptyState, Pager } from '@/components/admin/people/pager';
import { LocalTime } from '@/components/ui/local-time';
import { requireStaffPage } from '@/lib/admin/guard';
import { listEmailMessages } from '@/lib/email/queries';
import { emailMessageFilterSchema } from '@/lib/email/schemas';
import { env } from '@/lib/env';

export const metadata = { title: 'Emails' };

const STATUSES = [
  { value: '', label: 'Any' },
  { value: 'sent', label: 'Sent' },
  { value: 'stored', label: 'Stored (not sent)' },
  { value: 'pending', label: 'Sending' },
  { value: 'failed', label: 'Failed' },
];

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-2 py-1.5 text-sm';

export default async function AdminEmailsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('admin', '/admin/emails');
  const filter = emailMessageFilterSchema.parse(await searchParams);
  const result = await listEmailMessages(filter);
  const filtered = Boolean(filter.to || filter.status);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Emails</h1>
      <EmailTabs current="sent" />
      <p className="text-sm text-zinc-600">
        {env.SMTP_URL
          ? 'Every message the store sent through your SMTP server, newest first.'
          : 'No SMTP server is configured (SMTP_URL), so messages are not sent: they are kept here, newest first, to read and act on — verification, password reset and invitation links included.'}{' '}
        Messages are deleted {env.EMAIL_RETENTION_DAYS} days after they were made.
      </p>
      <form role="search" aria-label="Filter emails" className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <div>
          <label htmlFor="emails-to" className="block font-medium">
            Recipient
          </label>
          <input id="emails-to" name="to" type="search" defaultValue={filter.to} className={input} />
        </div>
        <div>
          <label htmlFor="emails-status" className="block font-medium">
            Status
          </label>
          <select id="emails-status" name="status" defaultValue={filter.status ?? ''} className={input}>
            {STATUSES.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-medium hover:bg-zinc-50">
          Filter
        </button>
      </form>
      {result.items.length === 0 ? (
        <EmptyState>{filtered ? 'No emails match these filters.' : 'The store has not sent any email yet.'}</EmptyState>
      ) : (
        <ul aria-label="Sent emails" className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white">
          {result.items.map((message) => (
            <li key={message.id} className="relative flex flex-col gap-1 px-4 py-3 text-sm hover:bg-zinc-50 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
              <div className="min-w-0">
                {/* The whole row is the link's target; the subject is its name. */}
                <Link href={`/admin/emails/sent/${message.id}`} className="font-medium [overflow-wrap:anywhere] after:absolute after:inset-0">
                  {message.subject}
                </Link>
                <p className="text-zinc-600 [overflow-wrap:anywhere]">
                  To {message.to} · {message.kind}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-2 text-xs text-zinc-600 sm:flex-col sm:items-end">
                <LocalTime iso={message.createdAt.toISOString()} dateStyle="medium" timeStyle="short" />
                <EmailStatusBadge status={message.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager basePath="/admin/emails" params={{ to: filter.to, status: filter.status }} page={result.page} pageCount={result.pageCount} label="Email pages" />
    </div>
  );
}
