import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { EmailMessageSummary } from '@/lib/email/queries';

type EmailStatus = EmailMessageSummary['status'];

const LABELS: Record<EmailStatus, { text: string; tone: BadgeTone }> = {
  sent: { text: 'Sent', tone: 'success' },
  stored: { text: 'Stored (not sent)', tone: 'neutral' },
  pending: { text: 'Sending', tone: 'warning' },
  failed: { text: 'Failed', tone: 'danger' },
};

/** Where a message's delivery stands, in words (colour only repeats them). */
export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const label = LABELS[status];
  return <Badge tone={label.tone}>{label.text}</Badge>;
}
