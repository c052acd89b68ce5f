import type { FieldSpec } from '@/components/ui/action-form';
import { WEBHOOK_EVENT_LABELS, webhookEventTypes } from '@/lib/webhooks/events';
import { eventFieldName } from '@/lib/webhooks/schemas';

/** The endpoint form's fields, filled from an endpoint when editing. */
export function webhookEndpointFields(endpoint?: { id: string; url: string; description: string; eventTypes: string[] }): FieldSpec[] {
  return [
    ...(endpoint ? [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: endpoint.id }] : []),
    { name: 'url', label: 'URL', autoComplete: 'url', defaultValue: endpoint?.url, hint: 'https:// only. Private and internal network addresses are refused.' },
    { name: 'description', label: 'Description', required: false, defaultValue: endpoint?.description },
    ...webhookEventTypes.map(
      (type): FieldSpec => ({
        name: eventFieldName(type),
        label: `${type} — ${WEBHOOK_EVENT_LABELS[type]}`,
        type: 'checkbox',
        defaultChecked: endpoint ? endpoint.eventTypes.includes(type) : false,
      }),
    ),
  ];
}
