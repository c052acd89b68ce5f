// Admission control for the Node server (lib/server/front-door.ts): at most `maxActive` requests are worked on at
// once; the next `maxQueued` wait their turn, up to `maxWaitMs`; anything beyond is refused at once (the caller
// answers 503 with Retry-After). Without it, an overload grows a backlog without bound: a client that gives up
// leaves its request behind, still to be rendered, and memory and latency grow with the queue until the process
// runs out of heap. Requests whose client has gone away while they waited are dropped, never started.
//
// Writes (anything but GET/HEAD: checkout, add to cart, sign-in) are admitted before reads: when the store is
// saturated, finishing a purchase matters more than one more page view.
//
// A queue whose oldest request has waited half of `maxWaitMs` (at least a second) means the door is stalled — every
// slot held by requests that do not finish — and readiness says so (lib/health/service.ts): /api/health only says
// the process is alive, and a stall is exactly when it stays green.

export type AdmissionLimits = { maxActive: number; maxQueued: number; maxWaitMs: number };

export type Refusal = 'queue_full' | 'timeout';

type Waiter = {
  start: () => void;
  refuse: (reason: Refusal) => void;
  gone: () => boolean;
  timer: NodeJS.Timeout | null;
  since: number;
};

/** What readiness and /api/metrics read of admission control. */
export type AdmissionHealth = {
  inFlight: number;
  waiting: number;
  /** How long the oldest waiting request has waited, 0 when none waits. */
  oldestWaitMs: number;
  /** The oldest waiting request has waited `stallAfterMs` or more. */
  stalled: boolean;
  stallAfterMs: number;
};

export class Admission {
  private active = 0;
  private readonly writes: Waiter[] = [];
  private readonly reads: Waiter[] = [];
  readonly stats = { admitted: 0, queued: 0, refused: { queue_full: 0, timeout: 0 } as Record<Refusal, number>, abandoned: 0 };

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get halfCapacity(): number {
    return Math.max(1, Math.floor(this.limits.maxActive / 2));
  }

  get waiting(): number {
    return this.writes.length + this.reads.length;
  }

  /** How long the oldest waiting request has waited (each queue is in arrival order). */
  get oldestWaitMs(): number {
    const oldest = Math.min(this.writes[0]?.since ?? Infinity, this.reads[0]?.since ?? Infinity);
    return oldest === Infinity ? 0 : Math.max(0, this.now() - oldest);
  }

  get stallAfterMs(): number {
    return Math.max(1_000, Math.floor(this.limits.maxWaitMs / 2));
  }

  health(): AdmissionHealth {
    const oldestWaitMs = this.oldestWaitMs;
    return { inFlight: this.active, waiting: this.waiting, oldestWaitMs, stalled: this.waiting > 0 && oldestWaitMs >= this.stallAfterMs, stallAfterMs: this.stallAfterMs };
  }

  /**
   * Calls `start` now or when a slot frees up; the caller must call `leave()` once that request is over. Calls
   * `refuse` instead when the queue is full or the wait too long, and neither when `gone()` turns true while it waits.
   */
  enter(request: { write: boolean; start: () => void; refuse: (reason: Refusal) => void; gone: () => boolean }): void {
    if (this.active < this.limits.maxActive && this.waiting === 0) {
      this.active++;
      this.stats.admitted++;
      request.start();
      return;
    }
    if (this.waiting >= this.limits.maxQueued) {
      this.stats.refused.queue_full++;
      request.refuse('queue_full');
      return;
    }
    const queue = request.write ? this.writes : this.reads;
    const waiter: Waiter = { start: request.start, refuse: request.refuse, gone: request.gone, timer: null, since: this.now() };
    waiter.timer = setTimeout(() => {
      const index = queue.indexOf(waiter);
      if (index < 0) return;
      queue.splice(index, 1);
      this.stats.refused.timeout++;
      waiter.refuse('timeout');
    }, this.limits.maxWaitMs);
    waiter.timer.unref();
    queue.push(waiter);
    this.stats.queued++;
  }

  /** A started request is over (answered, failed or its client went away): the next waiting one starts. */
  leave(): void {
    this.active--;
    while (this.active < this.limits.maxActive) {
      const waiter = this.writes.shift() ?? this.reads.shift();
      if (!waiter) return;
      if (waiter.timer) clearTimeout(waiter.timer);
      if (waiter.gone()) {
        this.stats.abandoned++;
        continue;
      }
      this.active++;
      this.stats.admitted++;
      waiter.start();
    }
  }
}

// ---- the process's admission control ---------------------------------------------------------------------------
// Made by the front door at boot; read by /api/metrics, which is bundled separately (hence globalThis).

const SHARED = Symbol.for('storefront.admission');
type WithShared = typeof globalThis & { [SHARED]?: Admission };

export function sharedAdmission(limits: AdmissionLimits): Admission {
  const holder = globalThis as WithShared;
  holder[SHARED] ??= new Admission(limits);
  return holder[SHARED];
}

/** Counters for /api/metrics; null when there is no admission control (development, tests). */
export function admissionStats(): { inFlight: number; waiting: number; oldestWaitMs: number; refused: Record<Refusal, number>; abandoned: number } | null {
  const admission = (globalThis as WithShared)[SHARED];
  if (!admission) return null;
  return {
    inFlight: admission.inFlight,
    waiting: admission.waiting,
    oldestWaitMs: admission.oldestWaitMs,
    refused: { ...admission.stats.refused },
    abandoned: admission.stats.abandoned,
  };
}

/** The process's admission control as readiness sees it; null without one (development, tests). */
export function admissionHealth(): AdmissionHealth | null {
  return (globalThis as WithShared)[SHARED]?.health() ?? null;
}

/**
 * Whether this server is busy: requests wait for a slot, or at least half the slots are taken. Background work that
 * can wait (confirmation emails after a rush of orders) waits for its regular tick then, rather than competing with
 * shoppers. False without admission control (development, tests).
 */
export function isServerBusy(): boolean {
  const admission = (globalThis as WithShared)[SHARED];
  if (!admission) return false;
  return admission.waiting > 0 || admission.inFlight >= admission.halfCapacity;
}
