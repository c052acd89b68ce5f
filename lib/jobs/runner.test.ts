import { describe, expect, it } from 'vitest';
import { startJobs } from './runner';

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
});
