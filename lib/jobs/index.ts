import 'server-only';
import { deleteExpiredGuestCarts } from '@/lib/cart/cleanup';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { metrics } from '@/lib/observability/metrics';
import { runOutboxJob } from '@/lib/outbox/worker';
import { OUTBOX_JOB } from './names';
import { type Job, startJobs } from './runner';

/** The jobs every server instance runs in-process (started at boot, stopped by the graceful shutdown). */
export function storefrontJobs(): Job[] {
  return [
    { name: OUTBOX_JOB, intervalMs: 5_000, run: runOutboxJob },
    {
      name: 'expired-carts',
      intervalMs: 3_600_000,
      run: async () => {
        const deleted = await deleteExpiredGuestCarts({ retentionDays: env.GUEST_CART_RETENTION_DAYS });
        metrics.expiredCartsDeleted.inc(deleted);
        if (deleted > 0) logger.info({ deleted, retentionDays: env.GUEST_CART_RETENTION_DAYS }, 'expired guest carts deleted');
      },
    },
  ];
}

export function startBackgroundJobs() {
  return startJobs(storefrontJobs());
}
