import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Admission, isServerBusy, type Refusal, sharedAdmission } from './admission';

type Probe = { started: boolean; refused: Refusal | null; gone: boolean };

function request(admission: Admission, log: string[], name: string, write = false): Probe {
  const probe: Probe = { started: false, refused: null, gone: false };
  admission.enter({
    write,
    start: () => {
      probe.started = true;
      log.push(name);
    },
    refuse: (reason) => {
      probe.refused = reason;
    },
    gone: () => probe.gone,
  });
  return probe;
}

describe('Admission', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('works on at most maxActive requests, queues the next ones and starts them as slots free up', () => {
    const admission = new Admission({ maxActive: 2, maxQueued: 10, maxWaitMs: 5_000 });
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => request(admission, log, name));
    expect([a!.started, b!.started, c!.started, d!.started]).toEqual([true, true, false, false]);
    expect(admission.inFlight).toBe(2);
    expect(admission.waiting).toBe(2);
    admission.leave();
    expect(log).toEqual(['a', 'b', 'c']);
    admission.leave();
    admission.leave();
    admission.leave();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    expect(admission.inFlight).toBe(0);
  });

  it('refuses at once when the queue is full, and after maxWaitMs in the queue', () => {
    const admission = new Admission({ maxActive: 1, maxQueued: 2, maxWaitMs: 5_000 });
    const log: string[] = [];
    request(admission, log, 'busy');
    const queued = [request(admission, log, 'q1'), request(admission, log, 'q2')];
    const overflow = request(admission, log, 'overflow');
    expect(overflow.refused).toBe('queue_full');
    vi.advanceTimersByTime(4_999);
    expect(queued.map((q) => q.refused)).toEqual([null, null]);
    vi.advanceTimersByTime(1);
    expect(queued.map((q) => q.refused)).toEqual(['timeout', 'timeout']);
    // Timed-out requests never start later.
    admission.leave();
    expect(log).toEqual(['busy']);
    expect(admission.stats.refused).toEqual({ queue_full: 1, timeout: 2 });
  });

  it('never starts a request whose client went away while it waited', () => {
    const admission = new Admission({ maxActive: 1, maxQueued: 10, maxWaitMs: 5_000 });
    const log: string[] = [];
    request(admission, log, 'busy');
    const abandoned = request(admission, log, 'abandoned');
    const next = request(admission, log, 'next');
    abandoned.gone = true;
    admission.leave();
    expect(log).toEqual(['busy', 'next']);
    expect(next.started).toBe(true);
    expect(admission.stats.abandoned).toBe(1);
    expect(admission.inFlight).toBe(1);
  });

  it('admits waiting writes before waiting reads', () => {
    const admission = new Admission({ maxActive: 1, maxQueued: 10, maxWaitMs: 5_000 });
    const log: string[] = [];
    request(admission, log, 'busy');
    request(admission, log, 'page view 1');
    request(admission, log, 'page view 2');
    request(admission, log, 'checkout', true);
    admission.leave();
    admission.leave();
    admission.leave();
    expect(log).toEqual(['busy', 'checkout', 'page view 1', 'page view 2']);
  });

  it('does not let a newcomer overtake the queue when a slot is free but others still wait', () => {
    const admission = new Admission({ maxActive: 2, maxQueued: 10, maxWaitMs: 5_000 });
    const log: string[] = [];
    request(admission, log, 'a');
    request(admission, log, 'b');
    request(admission, log, 'waiting');
    admission.leave();
    request(admission, log, 'newcomer');
    expect(log).toEqual(['a', 'b', 'waiting']);
    admission.leave();
    expect(log).toEqual(['a', 'b', 'waiting', 'newcomer']);
  });

  it('calls the server busy while half its slots are taken or anything waits, so deferrable work can wait', () => {
    expect(isServerBusy()).toBe(false); // no admission control in this process yet
    const admission = sharedAdmission({ maxActive: 4, maxQueued: 10, maxWaitMs: 5_000 });
    const log: string[] = [];
    request(admission, log, 'a');
    expect(isServerBusy()).toBe(false);
    request(admission, log, 'b');
    expect(isServerBusy()).toBe(true);
    admission.leave();
    expect(isServerBusy()).toBe(false);
  });

  it('reports a stall once the oldest waiting request has waited half of maxWaitMs (at least a second)', () => {
    let now = 0;
    const admission = new Admission({ maxActive: 1, maxQueued: 10, maxWaitMs: 8_000 }, () => now);
    const log: string[] = [];
    request(admission, log, 'stuck');
    expect(admission.health()).toMatchObject({ waiting: 0, oldestWaitMs: 0, stalled: false, stallAfterMs: 4_000 });
    request(admission, log, 'first waiter');
    now = 1_000;
    request(admission, log, 'second waiter', true);
    now = 3_999;
    expect(admission.health()).toMatchObject({ inFlight: 1, waiting: 2, oldestWaitMs: 3_999, stalled: false });
    now = 4_000;
    expect(admission.health().stalled).toBe(true);
    // The slot frees up: the write goes first, and the oldest is still the read that waited from the start.
    admission.leave();
    expect(log).toEqual(['stuck', 'second waiter']);
    expect(admission.health()).toMatchObject({ waiting: 1, oldestWaitMs: 4_000, stalled: true });
    admission.leave();
    expect(admission.health()).toMatchObject({ waiting: 0, oldestWaitMs: 0, stalled: false });
    expect(new Admission({ maxActive: 1, maxQueued: 1, maxWaitMs: 500 }).stallAfterMs).toBe(1_000);
  });
});
