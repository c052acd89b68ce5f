import 'server-only';
import { type OperationLimits, RATE_LIMITS } from '@/lib/rate-limit';

/**
 * Finding a guest's order by number and email (the storefront's lookup form, the Store API's order read without a
 * session) is a guessing target: every attempt counts, per address.
 */
export const orderLookupLimits: OperationLimits<unknown> = (_input, client) => [[RATE_LIMITS.orderLookupPerIp, client.ip]];
