import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmailParts } from '@/components/admin/emails/email-parts';
import { EmailStatusBadge } from '@/components/admin/emails/email-status';
import { ResendEmailForm } from '@/components/admin/emails/resend-email-form';
import { LocalTime } from '@/components/ui/local-time';
import { requireStaffPage } from '@/lib/admin/guard';
import { resendEmailAction } from '@/lib/admin/emails/actions';
import { getEmailMessage } from '@/lib/email/queries';
import { emailMessageIdSchema } from '@/lib/email/schemas';

export const metadata = { title: 'Email' };

export default async function AdminEmailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffPage('admin', `/admin/emails/sent/${id}`);
  const parsed = emailMessageIdSchema.safeParse({ id });
  const message = parsed.success ? await getEmailMessage(parsed.data.id) : null;
  if (!message) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/admin/emails" className="underline">
          ← Sent emails
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight [overflow-wrap:anywhere]">{message.subject}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">To</dt>
        <dd className="[overflow-wrap:anywhere]">{message.to}</dd>
        <dt className="font-medium">Kind</dt>
        <dd>{message.kind}</dd>
        <dt className="font-medium">Made</dt>
        <dd>
          <LocalTime iso={message.createdAt.toISOString()} dateStyle="medium" timeStyle="short" />
        </dd>
        <dt className="font-medium">Status</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <EmailStatusBadge status={message.status} />
          {message.sentAt ? (
            <span className="text-zinc-600">
              at <LocalTime iso={message.sentAt.toISOString()} dateStyle="medium" timeStyle="short" />
            </span>
          ) : null}
          {message.attempts > 1 ? <span className="text-zinc-600">after {message.attempts} attempts</span> : null}
        </dd>
        {message.lastError ? (
          <>
            <dt className="font-medium">Last error</dt>
            <dd className="[overflow-wrap:anywhere]">{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      <ResendEmailForm action={resendEmailAction} id={message.id} />
      <EmailParts label={message.subject} html={message.html} text={message.text} />
    </div>
  );
}
