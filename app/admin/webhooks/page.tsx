import Link from 'next/link';
import { WebhookEndpointCreateForm } from '@/components/admin/integrations/webhook-endpoint-form';
import { EmptyState } from '@/components/admin/people/pager';
import { webhookEndpointFields } from '@/components/admin/integrations/webhook-fields';
import { createWebhookEndpointAction } from '@/lib/admin/integrations/actions';
import { requireStaffPage } from '@/lib/admin/guard';
import { listWebhookEndpoints } from '@/lib/webhooks/queries';

export const metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  await requireStaffPage('admin', '/admin/webhooks');
  const endpoints = await listWebhookEndpoints();
  return (
    <div className="space-y-8 [overflow-wrap:anywhere]">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Webhooks</h1>
        <p className="mt-1 max-w-prose text-sm text-zinc-600">
          The store sends a signed POST to each endpoint when an event it subscribes to happens, and retries for 24 hours until it answers 2xx.
        </p>
      </div>
      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading" className="mb-3 text-lg font-semibold">
          Endpoints
        </h2>
        {endpoints.length === 0 ? (
          <EmptyState>No webhook endpoints yet.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="rounded-lg border border-zinc-200 bg-white p-4">
                <Link href={`/admin/webhooks/${endpoint.id}`} className="font-mono text-sm break-all underline">
                  {endpoint.url}
                </Link>
                {endpoint.description ? <p className="mt-1 text-sm">{endpoint.description}</p> : null}
                <p className="mt-1 text-sm text-zinc-700">
                  {endpoint.enabled ? 'Enabled' : 'Disabled'} · {endpoint.eventTypes.length} event type{endpoint.eventTypes.length === 1 ? '' : 's'}
                  {endpoint.failedDeliveries > 0 ? ` · ${endpoint.failedDeliveries} failed deliver${endpoint.failedDeliveries === 1 ? 'y' : 'ies'}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-endpoint-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="new-endpoint-heading" className="mb-3 text-lg font-semibold">
          New endpoint
        </h2>
        <WebhookEndpointCreateForm action={createWebhookEndpointAction} fields={webhookEndpointFields()} />
      </section>
    </div>
  );
}
