import 'server-only';
import { env, isProduction } from '@/lib/env';

// Development and tests get a fixed secret; a production server refuses to boot without AUTH_SECRET (lib/env.ts).
const DEV_SECRET = 'development-only-secret-not-for-production-use-000';

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (isProduction && env.NEXT_PHASE !== 'phase-production-build') throw new Error('AUTH_SECRET is required in production');
  return DEV_SECRET;
}
