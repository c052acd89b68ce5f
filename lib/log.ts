import pino from 'pino';
import { env } from '@/lib/env';

// Structured JSON logs on stdout. Secrets and personal data are redacted wherever they might appear in a log object.
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: 'storefront' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      'password',
      '*.password',
      'passwordHash',
      '*.passwordHash',
      'token',
      '*.token',
      'authorization',
      '*.authorization',
      'headers.authorization',
      'headers.cookie',
      'cookie',
      '*.cookie',
      'email',
      '*.email',
    ],
    censor: '[redacted]',
  },
  // Written at once outside production, so the embedded start's banner (lib/boot.ts) comes after the lines before it;
  // production keeps pino's buffered writes.
}, pino.destination({ dest: 1, sync: env.NODE_ENV !== 'production' }));

export type Logger = typeof logger;
