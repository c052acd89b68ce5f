import 'server-only';
import { deleteFinishedApiSessions } from '@/lib/auth/api-tokens';
import { deleteExpiredGuestCarts } from '@/lib/cart/cleanup';
import { deleteOldEmailMessages } from '@/lib/email/service';
import { env } from '@/lib/env';
import { OUTBOX_JOB } from '@/lib/jobs/names';
import { type Job, startJobs } from '@/lib/jobs/runner';
import { logger } from '@/lib/log';
import { emfJob } from '@/lib/observability/emf';
import { allMetrics } from './metrics';
import { runOutboxJob } from '@/lib/outbox/worker';
import { runWebhookJob } from '@/lib/webhooks/delivery';

/** The jobs every server instance runs in-process (started at boot, stopped by the graceful shutdown). */
export function storefrontJobs(): Job[] {
  const cloudWatch: Job[] = env.METRICS_EMF_NAMESPACE ? [{ name: 'cloudwatch-metrics', intervalMs: 60_000, run: emfJob(env.METRICS_EMF_NAMESPACE, allMetrics()) }] : [];
  return [
    ...cloudWatch,
    { name: OUTBOX_JOB, intervalMs: 5_000, run: runOutboxJob },
    { name: 'webhook-deliveries', intervalMs: 5_000, run: runWebhookJob },
    {
      name: 'expired-carts',
      intervalMs: 3_600_000,
      run: async () => {
        const deleted = await deleteExpiredGuestCarts({ retentionDays: env.GUEST_CART_RETENTION_DAYS });
        if (deleted > 0) logger.info({ deleted, retentionDays: env.GUEST_CART_RETENTION_DAYS }, 'expired guest carts deleted');
      },
    },
    {
      name: 'old-email-messages',
      intervalMs: 3_600_000,
      run: async () => {
        const deleted = await deleteOldEmailMessages({ retentionDays: env.EMAIL_RETENTION_DAYS });
        if (deleted > 0) logger.info({ deleted, retentionDays: env.EMAIL_RETENTION_DAYS }, 'old email messages deleted');
      },
    },
    {
      name: 'finished-api-sessions',
      intervalMs: 3_600_000,
      run: async () => {
        const deleted = await deleteFinishedApiSessions();
        if (deleted > 0) logger.info({ deleted }, 'finished Store API sign-ins deleted');
      },
    },
  ];
}

/** `isServerBusy` comes from the front door's admission control, which the jobs must not import (infrastructure). */
export function startBackgroundJobs(isServerBusy: () => boolean) {
  return startJobs(storefrontJobs(), { isServerBusy });
}
