'use client';

import { ActionForm, type FieldSpec } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/http/action-result';
import Link from 'next/link';
import { SecretOnce } from './secret-once';

/** The new-endpoint form; on success the signing secret is shown once beneath it, with a link to the endpoint. */
export function WebhookEndpointCreateForm({ action, fields }: { action: FormAction<{ id: string; secret: string }>; fields: FieldSpec[] }) {
  return (
    <ActionForm
      action={action}
      fields={fields}
      label="New webhook endpoint"
      idPrefix="new-endpoint"
      submitLabel="Add endpoint"
      pendingLabel="Adding…"
      renderSuccess={(created) => (
        <>
          <SecretOnce id="new-endpoint-secret" label="Signing secret" secret={created.secret} />
          <p className="mt-2 text-sm">
            <Link href={`/admin/webhooks/${created.id}`} className="underline">
              Open the endpoint and its delivery log
            </Link>
          </p>
        </>
      )}
    />
  );
}
