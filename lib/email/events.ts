import 'server-only';
import type { OutboxHandler } from '@/lib/outbox/handlers';
import { deliverQueuedEmail, EMAIL_SEND_EVENT, getMailer, markEmailFailed, recordEmailFailure } from './service';

/** The email domain's outbox events, registered at boot (lib/startup/outbox.ts). */
export const emailOutboxHandlers: Record<string, OutboxHandler> = {
  [EMAIL_SEND_EVENT]: {
    run: async (payload, ctx) => {
      const mailer = await getMailer();
      if (!mailer) throw new Error('SMTP is not configured');
      await deliverQueuedEmail(String(payload.emailId), mailer, ctx.executor);
    },
    onError: (payload, error, ctx) => recordEmailFailure(String(payload.emailId), error, ctx.executor),
    onGiveUp: (payload, ctx) => markEmailFailed(String(payload.emailId), ctx.executor),
  },
};
