import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { mustEnrollTwoFactor } from '@/lib/auth/two-factor';
import { logger } from '@/lib/log';
import { AppError, type ErrorCode, type FieldErrors, fieldErrorsFrom } from '@/lib/errors';
import { type ActionPolicy, authorise } from './policy';
import { clientIp, enforceRateLimit, ipSubject, RATE_LIMITS, type RateLimitPolicy } from '@/lib/rate-limit';
import { markReachedApp } from '@/lib/server/self-request';

// The one wrapper every server action goes through: session → role → zod parse → rate limit → handler → typed result.
// Actions never throw at the client: an expected refusal becomes { ok: false, code, message, fieldErrors },
// anything unexpected is logged and answered with a generic message (same error model as route handlers).

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

export type { ActionPolicy } from './policy';

export type ActionContext<TUser> = { user: TUser; requestId: string; ip: string; log: typeof logger };

type UserFor<P extends ActionPolicy> = P extends 'public' ? SessionUser | null : SessionUser;

/** FormData → plain object; repeated keys become arrays, files are dropped (no action here accepts uploads). */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = values.length > 1 ? values : (values[0] ?? '');
  }
  return out;
}

export function toActionError(error: unknown, log: typeof logger): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof z.ZodError) {
    return { ok: false, code: 'validation_failed', message: 'Please check the highlighted fields.', fieldErrors: fieldErrorsFrom(error) };
  }
  // Next's redirect()/notFound() are thrown as control flow; they must reach Next untouched.
  if (error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' && /^NEXT_/.test(error.digest)) {
    throw error;
  }
  log.error({ err: error }, 'action failed');
  return { ok: false, code: 'internal', message: 'Something went wrong on our side. Please try again.' };
}

export type ActionOptions<TInput> = {
  /** Limits to count this call against: [policy, subject] pairs, e.g. per email and per client address. */
  rateLimit?: (input: TInput, client: { ip: string }) => [RateLimitPolicy, string][];
  /**
   * Staff/admin actions refuse an admin who must enroll in two-factor (store setting) — except the enrollment
   * actions themselves, which set this.
   */
  allowWithoutTwoFactor?: boolean;
};

function makeAction<P extends ActionPolicy>(policy: P) {
  return <TSchema extends z.ZodType, TOut>(
    schema: TSchema,
    handler: (input: z.infer<TSchema>, ctx: ActionContext<UserFor<P>>) => Promise<TOut>,
    options: ActionOptions<z.infer<TSchema>> = {},
  ) => {
    const action = async (raw: FormData | unknown): Promise<ActionResult<TOut>> => {
      // Next decoded the request and called the app: a 500 from here on is the app's, not a malformed request's.
      markReachedApp();
      const requestId = randomUUID();
      const log = logger.child({ requestId, action: handler.name || 'action' });
      try {
        const user = await getSessionUser();
        authorise(policy, user);
        if ((policy === 'staff' || policy === 'admin') && !options.allowWithoutTwoFactor && user && (await mustEnrollTwoFactor(user))) {
          throw new AppError('forbidden', 'The store requires two-factor authentication for admins. Set it up under Your security first.');
        }
        const input = schema.parse(raw instanceof FormData ? formDataToObject(raw) : raw);
        const { headers } = await import('next/headers');
        const ip = ipSubject(clientIp(await headers()));
        const limits = options.rateLimit?.(input, { ip }) ?? [];
        // Every staff/admin write counts against the admin-writes budget of the signed-in user.
        if (policy === 'staff' || policy === 'admin') limits.push([RATE_LIMITS.adminWritesPerUser, (user as SessionUser).id]);
        for (const [limit, subject] of limits) await enforceRateLimit(limit, subject);
        const data = await handler(input, { user: user as UserFor<P>, requestId, ip, log });
        return { ok: true, data };
      } catch (error) {
        return toActionError(error, log);
      }
    };
    // Tagged so a test can enumerate every exported admin action and prove it refuses the wrong role.
    return Object.assign(action, { policy });
  };
}

/** Anyone, signed in or not; ctx.user is the session user or null. */
export const publicAction = makeAction('public');
/** Signed-in users only (any role); ctx.user is always set. */
export const customerAction = makeAction('customer');
/** Staff and admins only. */
export const staffAction = makeAction('staff');
/** Admins only (staff accounts, settings, discounts, refunds). */
export const adminAction = makeAction('admin');
