'use client';

import { ActionForm, type FieldSpec } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/http/action-result';
import { SecretOnce } from './secret-once';

type Created = { name: string; prefix: string; secret: string };

/** The new-key form; on success the secret is shown once beneath it. */
export function ApiKeyCreateForm({ action, fields }: { action: FormAction<Created>; fields: FieldSpec[] }) {
  return (
    <ActionForm
      action={action}
      fields={fields}
      label="New API key"
      idPrefix="new-key"
      submitLabel="Create key"
      pendingLabel="Creating…"
      renderSuccess={(created) => <SecretOnce id="new-key-secret" label={`Secret of “${created.name}”`} secret={created.secret} />}
    />
  );
}
