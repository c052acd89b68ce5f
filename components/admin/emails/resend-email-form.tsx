'use client';

import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/http/action-result';

type Resent = { id: string; status: 'sent' | 'stored' | 'pending' | 'failed' };

const OUTCOME: Record<Resent['status'], string> = {
  sent: 'Sent again.',
  stored: 'Stored again (no SMTP server is configured, so it was not sent).',
  pending: 'Queued again; it is being delivered.',
  failed: 'The copy could not be delivered.',
};

/** "Resend" on a message: the copy is a new message, linked from the outcome. */
export function ResendEmailForm({ action, id }: { action: FormAction<Resent>; id: string }) {
  return (
    <ActionForm
      action={action}
      label="Resend this email"
      idPrefix="resend"
      fields={[{ name: 'id', label: 'Message', type: 'hidden', defaultValue: id }]}
      submitLabel="Resend"
      pendingLabel="Resending…"
      variant="secondary"
      successMessage={(copy: Resent) => OUTCOME[copy.status]}
      renderSuccess={(copy: Resent) => (
        <Link href={`/admin/emails/sent/${copy.id}`} className="mt-1 inline-block text-sm underline">
          Open the copy
        </Link>
      )}
    />
  );
}
