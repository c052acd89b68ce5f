import type { EmailMessageSummary } from '@/lib/email/queries';

type EmailStatus = EmailMessageSummary['status'];

const LABELS: Record<EmailStatus, { text: string; className: string }> = {
  sent: { text: 'Sent', className: 'bg-green-100 text-green-900' },
  stored: { text: 'Stored (not sent)', className: 'bg-zinc-100 text-zinc-800' },
  pending: { text: 'Sending', className: 'bg-amber-100 text-amber-900' },
  failed: { text: 'Failed', className: 'bg-red-100 text-red-900' },
};

/** Where a message's delivery stands, in words (colour only repeats them). */
export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const label = LABELS[status];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${label.className}`}>{label.text}</span>;
}
