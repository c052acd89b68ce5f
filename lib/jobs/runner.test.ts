import { describe, expect, it } from 'vitest';
import { leaveToJob, runJobSoon, startJobs } from './runner';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('in-process job runner', () => {
  it('runs each job repeatedly, never two runs of one job at once, and a failing run does not stop it', async () => {
    let running = 0;
    let maxConcurrent = 0;
    let runs = 0;
    const jobs = startJobs(
      [
        {
          name: 'slow',
          intervalMs: 5,
          run: async () => {
            running += 1;
            maxConcurrent = Math.max(maxConcurrent, running);
            runs += 1;
            await sleep(20);
            running -= 1;
            if (runs === 2) throw new Error('one bad run');
          },
        },
      ],
      { firstRunDelayMs: 0, jitterMs: 0 },
    );
    await sleep(300);
    await jobs.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxConcurrent).toBe(1);
  });

  it('stop() waits for the run in progress and no run starts afterwards', async () => {
    let finished = false;
    let started = 0;
    const jobs = startJobs(
      [
        {
          name: 'long',
          intervalMs: 10,
          run: async () => {
            started += 1;
            await sleep(150);
            finished = true;
          },
        },
      ],
      { firstRunDelayMs: 0, jitterMs: 0 },
    );
    await sleep(50);
    expect(started).toBe(1);
    expect(finished).toBe(false);
    await jobs.stop();
    expect(finished).toBe(true);
    await sleep(100);
    expect(started).toBe(1);
  });

  it('runSoon runs a job at once, or once more right after the run in progress, never two at a time', async () => {
    const starts: number[] = [];
    let running = 0;
    let maxConcurrent = 0;
    const t0 = Date.now();
    const jobs = startJobs(
      [
        {
          name: 'outbox',
          intervalMs: 60_000,
          run: async () => {
            starts.push(Date.now() - t0);
            running += 1;
            maxConcurrent = Math.max(maxConcurrent, running);
            await sleep(50);
            running -= 1;
          },
        },
      ],
      { firstRunDelayMs: 60_000, jitterMs: 0 },
    );
    expect(runJobSoon('outbox')).toBe(true);
    await sleep(20);
    expect(starts).toHaveLength(1);
    // Asked three times during the run: one more run follows it, not three.
    expect([runJobSoon('outbox'), runJobSoon('outbox'), runJobSoon('outbox')]).toEqual([true, true, true]);
    await sleep(150);
    expect(starts).toHaveLength(2);
    expect(maxConcurrent).toBe(1);
    expect(runJobSoon('unknown')).toBe(false);
    await jobs.stop();
    expect(runJobSoon('outbox')).toBe(false);
  });

  it('leaveToJob: idle → the job runs now; busy → left to its next tick; no runner → the caller does it', async () => {
    expect(leaveToJob('outbox')).toBe(false);
    let busy = true;
    let runs = 0;
    let seenBusy: boolean | undefined;
    const jobs = startJobs(
      [{ name: 'outbox', intervalMs: 60_000, run: async (ctx) => { runs += 1; seenBusy = ctx.isServerBusy(); } }],
      { firstRunDelayMs: 60_000, jitterMs: 0, isServerBusy: () => busy },
    );
    expect(leaveToJob('outbox')).toBe(true);
    await sleep(30);
    expect(runs).toBe(0);
    busy = false;
    expect(leaveToJob('outbox')).toBe(true);
    await sleep(30);
    expect(runs).toBe(1);
    expect(seenBusy).toBe(false);
    await jobs.stop();
    expect(leaveToJob('outbox')).toBe(false);
  });
});
