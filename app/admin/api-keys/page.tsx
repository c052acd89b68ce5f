import { ApiKeyCreateForm } from '@/components/admin/integrations/api-key-create-form';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { ActionForm, type FieldSpec } from '@/components/ui/action-form';
import { createApiKeyAction, revokeApiKeyAction } from '@/lib/admin/integrations/actions';
import { requireStaffPage } from '@/lib/admin/guard';
import { apiAreas, AREA_LABELS } from '@/lib/api-keys/scopes';
import { API_KEY_NAME_MAX } from '@/lib/api-keys/schemas';
import { listApiKeys, type ApiKeyView } from '@/lib/api-keys/service';

export const metadata = { title: 'API keys' };

const createFields: FieldSpec[] = [
  { name: 'name', label: 'Name', hint: `What will use it, e.g. "ERP sync" (at most ${API_KEY_NAME_MAX} characters).` },
  ...apiAreas.map(
    (area): FieldSpec => ({
      name: `access_${area}`,
      label: AREA_LABELS[area],
      type: 'select',
      defaultValue: 'none',
      options: [
        { value: 'none', label: 'No access' },
        { value: 'read', label: 'Read' },
        { value: 'write', label: 'Read and write' },
      ],
    }),
  ),
  {
    name: 'expiresInDays',
    label: 'Expires',
    type: 'select',
    defaultValue: '',
    options: [
      { value: '', label: 'Never' },
      { value: '30', label: 'In 30 days' },
      { value: '90', label: 'In 90 days' },
      { value: '365', label: 'In a year' },
    ],
  },
];

function state(key: ApiKeyView, now: Date): string {
  if (key.revokedAt) return `Revoked ${formatDateTime(key.revokedAt)}`;
  if (key.expiresAt && key.expiresAt <= now) return `Expired ${formatDateTime(key.expiresAt)}`;
  return key.expiresAt ? `Active until ${formatDateTime(key.expiresAt)}` : 'Active';
}

export default async function ApiKeysPage() {
  await requireStaffPage('admin', '/admin/api-keys');
  const keys = await listApiKeys();
  const now = new Date();
  return (
    <div className="space-y-8 [overflow-wrap:anywhere]">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">API keys</h1>
        <p className="mt-1 max-w-prose text-sm text-zinc-600">
          Keys let other systems use the Admin API (<code className="break-all">/api/admin/v1</code>, described at{' '}
          <code className="break-all">/api/admin/v1/openapi.json</code>). Each
          write they make is checked and audited like yours, with the key named as who made it.
        </p>
      </div>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="mb-3 text-lg font-semibold">
          Keys
        </h2>
        {keys.length === 0 ? (
          <EmptyState>No API keys yet.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {keys.map((key) => (
              <li key={key.id} className="rounded-lg border border-zinc-200 bg-white p-4" aria-label={key.name}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold break-words">{key.name}</h3>
                  <span className="font-mono text-sm text-zinc-700">{key.prefix}…</span>
                </div>
                <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
                  <div>
                    <dt className="inline text-zinc-600">Scopes: </dt>
                    <dd className="inline break-words">{key.scopes.join(', ')}</dd>
                  </div>
                  <div>
                    <dt className="inline text-zinc-600">State: </dt>
                    <dd className="inline">{state(key, now)}</dd>
                  </div>
                  <div>
                    <dt className="inline text-zinc-600">Last used: </dt>
                    <dd className="inline">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</dd>
                  </div>
                  <div>
                    <dt className="inline text-zinc-600">Created: </dt>
                    <dd className="inline break-words">
                      {formatDateTime(key.createdAt)}
                      {key.createdBy ? ` by ${key.createdBy}` : ''}
                    </dd>
                  </div>
                </dl>
                {key.revokedAt ? null : (
                  <div className="mt-3">
                    <ActionForm
                      action={revokeApiKeyAction}
                      label={`Revoke ${key.name}`}
                      idPrefix={`revoke-${key.id}`}
                      fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: key.id }]}
                      submitLabel={`Revoke ${key.name}`}
                      pendingLabel="Revoking…"
                      variant="secondary"
                      layout="inline"
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-key-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="new-key-heading" className="mb-3 text-lg font-semibold">
          New API key
        </h2>
        <ApiKeyCreateForm action={createApiKeyAction} fields={createFields} />
      </section>
    </div>
  );
}
