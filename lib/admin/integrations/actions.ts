'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/admin/actor';
import { adminAction } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { apiKeyIdSchema, createApiKeySchema } from '@/lib/api-keys/schemas';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/service';
import { webhookDeliveryIdSchema, webhookEndpointEnabledSchema, webhookEndpointFormSchema, webhookEndpointIdSchema } from '@/lib/webhooks/schemas';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  sendTestWebhook,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from '@/lib/webhooks/service';

// The panel's API key and webhook actions (admins only): thin calls into the api-keys and webhooks domains.

/** Answers the secret once: it is shown on the page that asked and never stored in readable form. */
export const createApiKeyAction = adminAction(createApiKeySchema, async (input, ctx) => {
  const { key, secret } = await createApiKey(actorOf(ctx), input);
  refresh();
  return { name: key.name, prefix: key.prefix, secret };
}, { successMessage: 'API key created.' });

export const revokeApiKeyAction = adminAction(apiKeyIdSchema, async (input, ctx) => {
  await revokeApiKey(actorOf(ctx), input.id);
  refresh();
  return null;
}, { successMessage: 'Key revoked. Requests with it are refused from now on.' });

export const createWebhookEndpointAction = adminAction(webhookEndpointFormSchema, async (input, ctx) => {
  const { id, secret } = await createWebhookEndpoint(actorOf(ctx), input);
  refresh();
  return { id, secret };
}, { successMessage: 'Endpoint added.' });

export const updateWebhookEndpointAction = adminAction(webhookEndpointFormSchema, async (input, ctx) => {
  if (!input.id) throw new AppError('bad_request', 'Which endpoint? Reload the page and try again.');
  await updateWebhookEndpoint(actorOf(ctx), { ...input, id: input.id });
  refresh();
  return null;
}, { successMessage: 'Endpoint saved.' });

export const setWebhookEndpointEnabledAction = adminAction(webhookEndpointEnabledSchema, async (input, ctx) => {
  await setWebhookEndpointEnabled(actorOf(ctx), input.id, input.enabled);
  refresh();
  return null;
}, { successMessage: 'Saved.' });

export const deleteWebhookEndpointAction = adminAction(webhookEndpointIdSchema, async (input, ctx) => {
  await deleteWebhookEndpoint(actorOf(ctx), input.id);
  redirect('/admin/webhooks');
});

export const sendTestWebhookAction = adminAction(webhookEndpointIdSchema, async (input, ctx) => {
  await sendTestWebhook(actorOf(ctx), input.id);
  refresh();
  return null;
}, { successMessage: 'Test event queued: it appears in the log below within seconds.' });

export const resendWebhookDeliveryAction = adminAction(webhookDeliveryIdSchema, async (input, ctx) => {
  await resendWebhookDelivery(actorOf(ctx), input.id);
  refresh();
  return null;
}, { successMessage: 'Queued to send again.' });
