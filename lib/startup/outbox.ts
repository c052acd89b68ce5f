import 'server-only';
import { emailOutboxHandlers } from '@/lib/email/events';
import { orderOutboxHandlers } from '@/lib/orders/events';
import { registerOutboxHandlers } from '@/lib/outbox/handlers';
import { webhookOutboxHandlers } from '@/lib/webhooks/fanout';

// The composition root of the outbox: every domain's event handlers, registered once per process before anything
// delivers events (boot, and the integration tests' setup).

export function registerAllOutboxHandlers(): void {
  registerOutboxHandlers(emailOutboxHandlers);
  registerOutboxHandlers(orderOutboxHandlers);
  registerOutboxHandlers(webhookOutboxHandlers);
}
