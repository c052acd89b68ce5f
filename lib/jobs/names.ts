/** The outbox delivery job's name in the runner (lib/jobs/index.ts), for callers that ask it to run now. */
export const OUTBOX_JOB = 'outbox';
