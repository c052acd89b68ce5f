import { gauge } from '@/lib/observability/metrics';
import { actionRefusalStats } from './action-requests';
import { admissionStats } from './admission';
import { pageCacheStats } from './page-cache';
import { selfRequestStats } from './self-request';

// The server layer's gauges: the page cache, admission control, self-requests and the action-request checks keep
// their own counts, read at scrape time. (Request timing declares its histogram in timing.ts.)

gauge({
  name: 'storefront_page_cache_requests',
  help: 'Anonymous page requests the page cache has answered since start, by outcome: hit (served a stored page), stale (served a page past its TTL while it is rendered again) or miss (rendered, then stored).',
  labelNames: ['outcome'] as const,
  collect() {
    const stats = pageCacheStats();
    this.set({ outcome: 'hit' }, stats?.hits ?? 0);
    this.set({ outcome: 'stale' }, stats?.stale ?? 0);
    this.set({ outcome: 'miss' }, stats?.misses ?? 0);
  },
});

gauge({
  name: 'storefront_page_cache_bytes',
  help: 'Size of the pages held by the page cache (bounded by PAGE_CACHE_MB).',
  collect() {
    this.set(pageCacheStats()?.bytes ?? 0);
  },
});

gauge({
  name: 'storefront_requests_in_progress',
  help: 'Requests being worked on (at most MAX_REQUESTS_IN_FLIGHT) and waiting their turn (at most MAX_REQUESTS_QUEUED).',
  labelNames: ['state'] as const,
  collect() {
    const stats = admissionStats();
    this.set({ state: 'active' }, stats?.inFlight ?? 0);
    this.set({ state: 'queued' }, stats?.waiting ?? 0);
  },
});

gauge({
  name: 'storefront_requests_shed',
  help: 'Requests answered 503 by admission control since start, by reason (queue_full, timeout), and queued requests dropped because their client had gone (abandoned).',
  labelNames: ['reason'] as const,
  collect() {
    const stats = admissionStats();
    this.set({ reason: 'queue_full' }, stats?.refused.queue_full ?? 0);
    this.set({ reason: 'timeout' }, stats?.refused.timeout ?? 0);
    this.set({ reason: 'abandoned' }, stats?.abandoned ?? 0);
  },
});

gauge({
  name: 'storefront_requests_oldest_queued_seconds',
  help: 'How long the oldest request waiting for a slot has waited (0 when none waits). Near REQUEST_QUEUE_TIMEOUT_MS means a stalled door; /api/ready answers 503 from half of it.',
  collect() {
    this.set((admissionStats()?.oldestWaitMs ?? 0) / 1000);
  },
});

gauge({
  name: 'storefront_self_requests',
  help: "Requests this process made to itself (a server action forwarded to its page, a page cache render) since start, by how they were let in: under their parent request's slot, or through admission (the parent held none).",
  labelNames: ['admission'] as const,
  collect() {
    const stats = selfRequestStats();
    this.set({ admission: 'parent_slot' }, stats.parent_slot);
    this.set({ admission: 'admitted' }, stats.admitted);
  },
});

gauge({
  name: 'storefront_action_requests_refused',
  help: 'Server-action requests the front door answered 4xx since start (Next would have answered 500), by reason: foreign_origin (403) or malformed (400, a body Next could not decode).',
  labelNames: ['reason'] as const,
  collect() {
    const stats = actionRefusalStats();
    this.set({ reason: 'foreign_origin' }, stats.foreign_origin);
    this.set({ reason: 'malformed' }, stats.malformed);
  },
});
