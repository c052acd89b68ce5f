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
});

export type Logger = typeof logger;
