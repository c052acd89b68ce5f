import 'server-only';
import { type OperationLimits, RATE_LIMITS } from '@/lib/rate-limit';

/** Every registration attempt sends an email; there is no account yet to key on, so per address. */
export const registerLimits: OperationLimits<unknown> = (_input, client) => [[RATE_LIMITS.registerPerIp, client.ip]];

/** Per inbox (one inbox cannot be flooded from many addresses) and per address (one client cannot mail everyone). */
export const passwordResetLimits: OperationLimits<{ email: string }> = (input, client) => [
  [RATE_LIMITS.resetPerEmail, input.email],
  [RATE_LIMITS.resetPerIp, client.ip],
];
