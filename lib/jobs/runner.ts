import 'server-only';
import { logger } from '@/lib/log';

// A tiny in-process job runner: each job runs on its own timer, never overlapping itself, and stop() waits for
// runs in flight so the graceful shutdown closes the database pool only after them. Timers are unref'd: a job
// never keeps a process alive. Several instances may run the same jobs; the jobs themselves claim their rows with
// FOR UPDATE SKIP LOCKED, so this runner needs no leader election.

/** What a job may ask of the process running it: whether the server is busy with shoppers (they come first). */
export type JobContext = { isServerBusy: () => boolean };

export type Job = { name: string; intervalMs: number; run: (ctx: JobContext) => Promise<void> };

type Running = {
  stop: () => Promise<void>;
  /** Runs the job now, or right after the run in progress; false once stopped or for an unknown job. */
  runSoon: (name: string) => boolean;
  isServerBusy: () => boolean;
};

const globalForJobs = globalThis as typeof globalThis & { __storefrontJobs?: Running };

export function startJobs(jobs: Job[], options: { firstRunDelayMs?: number; jitterMs?: number; isServerBusy?: () => boolean } = {}): Running {
  if (globalForJobs.__storefrontJobs) return globalForJobs.__storefrontJobs;
  const ctx: JobContext = { isServerBusy: options.isServerBusy ?? (() => false) };
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  /** Jobs running now, and whether another run was asked for meanwhile. */
  const running = new Map<string, { again: boolean }>();

  const schedule = (job: Job, delayMs: number) => {
    if (stopped) return;
    clearTimeout(timers.get(job.name));
    const timer = setTimeout(() => {
      const state = { again: false };
      running.set(job.name, state);
      const run = job
        .run(ctx)
        .catch((error: unknown) => logger.error({ err: error, job: job.name }, 'background job failed'))
        .finally(() => {
          inFlight.delete(run);
          running.delete(job.name);
          schedule(job, state.again ? 0 : job.intervalMs);
        });
      inFlight.add(run);
    }, delayMs);
    timer.unref();
    timers.set(job.name, timer);
  };

  // A little jitter, so instances started together do not poll in lockstep.
  for (const job of jobs) schedule(job, (options.firstRunDelayMs ?? 2_000) + Math.floor(Math.random() * (options.jitterMs ?? 1_000)));
  logger.info({ jobs: jobs.map((job) => job.name) }, 'background jobs started');

  const handle: Running = {
    stop: async () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
      globalForJobs.__storefrontJobs = undefined;
    },
    runSoon: (name) => {
      const job = jobs.find((candidate) => candidate.name === name);
      if (stopped || !job) return false;
      const current = running.get(name);
      if (current) current.again = true;
      else schedule(job, 0);
      return true;
    },
    isServerBusy: ctx.isServerBusy,
  };
  globalForJobs.__storefrontJobs = handle;
  return handle;
}

/**
 * Asks this process's job runner to run a job now (or right after its run in progress) instead of at its next tick.
 * False when no runner is started here (BACKGROUND_JOBS=false, scripts, tests): the caller does the work itself.
 */
export function runJobSoon(name: string): boolean {
  return globalForJobs.__storefrontJobs?.runSoon(name) ?? false;
}

/**
 * Leaves work to a job of this process's runner: asked to run now while the server is idle, left to its next regular
 * run while the server is busy with shoppers. False when no runner is started here: the caller does the work itself.
 */
export function leaveToJob(name: string): boolean {
  const running = globalForJobs.__storefrontJobs;
  if (!running) return false;
  if (running.isServerBusy()) return true;
  return running.runSoon(name);
}
