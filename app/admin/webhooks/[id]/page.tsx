import Link from 'next/link';
import { notFound } from 'next/navigation';
import { webhookEndpointFields } from '@/components/admin/integrations/webhook-fields';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { ActionForm } from '@/components/ui/action-form';
import {
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from '@/lib/admin/integrations/actions';
import { requireStaffPage } from '@/lib/admin/guard';
import { getWebhookEndpoint, listWebhookDeliveries, type WebhookDeliveryView } from '@/lib/webhooks/queries';

export const metadata = { title: 'Webhook endpoint' };

function outcome(delivery: WebhookDeliveryView): string {
  if (delivery.status === 'succeeded') return `Delivered (HTTP ${delivery.responseStatus})`;
  const last = delivery.responseStatus ? `HTTP ${delivery.responseStatus}` : (delivery.lastError ?? 'not tried yet');
  if (delivery.status === 'failed') return `Failed: ${last}`;
  return delivery.attempts === 0 ? 'Pending' : `Retrying (${last}); next try ${formatDateTime(delivery.nextAttemptAt)}`;
}

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffPage('admin', `/admin/webhooks/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const endpoint = await getWebhookEndpoint(id);
  if (!endpoint) notFound();
  const deliveries = await listWebhookDeliveries(id);
  const idField = [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: endpoint.id }];
  return (
    <div className="space-y-8 [overflow-wrap:anywhere]">
      <div>
        <Link href="/admin/webhooks" className="text-sm underline">
          All endpoints
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight break-all">{endpoint.url}</h1>
        <p className="mt-1 text-sm text-zinc-700">
          {endpoint.enabled ? 'Enabled' : 'Disabled'}
          {endpoint.disabledReason ? ` — ${endpoint.disabledReason}` : ''}
        </p>
      </div>
      <section aria-labelledby="actions-heading" className="flex flex-wrap gap-3">
        <h2 id="actions-heading" className="sr-only">
          Actions
        </h2>
        <ActionForm
          action={setWebhookEndpointEnabledAction}
          label={endpoint.enabled ? 'Disable endpoint' : 'Enable endpoint'}
          idPrefix="enable"
          fields={[...idField, { name: 'enabled', label: '', type: 'hidden', defaultValue: endpoint.enabled ? 'false' : 'true' }]}
          submitLabel={endpoint.enabled ? 'Disable' : 'Enable'}
          pendingLabel="Saving…"
          variant="secondary"
          layout="inline"
        />
        {endpoint.enabled ? (
          <ActionForm
            action={sendTestWebhookAction}
            label="Send test event"
            idPrefix="test"
            fields={idField}
            submitLabel="Send test event"
            pendingLabel="Queueing…"
            variant="secondary"
            layout="inline"
          />
        ) : null}
        <ActionForm
          action={deleteWebhookEndpointAction}
          label="Delete endpoint"
          idPrefix="delete"
          fields={idField}
          submitLabel="Delete endpoint"
          pendingLabel="Deleting…"
          variant="secondary"
          layout="inline"
        />
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading" className="mb-3 text-lg font-semibold">
          Delivery log
        </h2>
        {deliveries.length === 0 ? (
          <EmptyState>No deliveries yet. Events appear here within seconds of happening.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {deliveries.map((delivery) => (
              <li key={delivery.id} className="rounded-lg border border-zinc-200 bg-white p-4 text-sm" aria-label={`${delivery.eventType} ${formatDateTime(delivery.createdAt)}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-semibold">{delivery.eventType}</span>
                  <span className="text-zinc-600">{formatDateTime(delivery.createdAt)}</span>
                </div>
                <p className="mt-1">{outcome(delivery)}</p>
                <p className="mt-1 text-zinc-600">
                  {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
                  {delivery.latencyMs !== null ? ` · ${delivery.latencyMs} ms` : ''} · <span className="font-mono break-all">{delivery.messageId}</span>
                </p>
                {delivery.responseExcerpt ? (
                  <pre className="mt-2 max-h-32 overflow-auto rounded bg-zinc-100 p-2 text-xs break-all whitespace-pre-wrap">{delivery.responseExcerpt}</pre>
                ) : null}
                {endpoint.enabled && delivery.status !== 'pending' ? (
                  <div className="mt-2">
                    <ActionForm
                      action={resendWebhookDeliveryAction}
                      label={`Resend ${delivery.eventType}`}
                      idPrefix={`resend-${delivery.id}`}
                      fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: delivery.id }]}
                      submitLabel="Resend"
                      pendingLabel="Queueing…"
                      variant="secondary"
                      layout="inline"
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="edit-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
          Edit endpoint
        </h2>
        <ActionForm
          action={updateWebhookEndpointAction}
          label="Edit endpoint"
          idPrefix="edit-endpoint"
          fields={webhookEndpointFields(endpoint)}
          submitLabel="Save endpoint"
          pendingLabel="Saving…"
        />
      </section>
    </div>
  );
}
