import { z } from 'zod';
import { webhookEventTypes } from './events';

// The panel's webhook endpoint form. Event types arrive as repeated "eventTypes" checkboxes.

const asArray = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]);

export const webhookEndpointSchema = z.object({
  id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  url: z.string().trim().min(1, 'Enter the address that receives events.').max(2000, 'At most 2,000 characters.'),
  description: z.string().trim().max(200, 'At most 200 characters.').default(''),
  eventTypes: z.preprocess(asArray, z.array(z.enum(webhookEventTypes))),
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointSchema>;

/** The checkbox of one event type in the panel's form. */
export const eventFieldName = (type: string) => `event_${type.replace('.', '_')}`;

/** The panel's form: one "event_<type>" checkbox per event type (an error for none lands on the first). */
export const webhookEndpointFormSchema = z.preprocess(
  (raw) => {
    const record = (raw ?? {}) as Record<string, unknown>;
    const eventTypes = webhookEventTypes.filter((type) => record[eventFieldName(type)] === 'on');
    return { id: record.id, url: record.url ?? '', description: record.description ?? '', eventTypes };
  },
  webhookEndpointSchema.superRefine((input, ctx) => {
    if (input.eventTypes.length === 0) ctx.addIssue({ code: 'custom', path: [eventFieldName(webhookEventTypes[0])], message: 'Choose at least one event.' });
  }),
);

export const webhookEndpointIdSchema = z.object({ id: z.uuid('Unknown endpoint.') });
export const webhookEndpointEnabledSchema = z.object({ id: z.uuid('Unknown endpoint.'), enabled: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const webhookDeliveryIdSchema = z.object({ id: z.uuid('Unknown delivery.') });
