import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { logger } from '@/lib/log';
import { AppError, fieldErrorsFrom } from '@/lib/errors';
import type { ActionResult, ActionState, ActionValues } from './action-result';
import { type AccessPort, type ActionPolicy, admit, isStaffPolicy, type Principal } from './policy';
import { clientIp, enforceRateLimit, ipSubject, RATE_LIMITS, type LimitClient, type OperationLimits } from '@/lib/rate-limit';
import { markReachedApp } from '@/lib/server/self-request';

// The one wrapper every server action goes through: session → role → zod parse → rate limit → handler → one result.
// Actions never throw at the client: an expected refusal becomes { ok: false, code, message, fieldErrors }, anything
// unexpected is logged and answered with a generic message (same error model as route handlers). The wrapped action
// is exported as it is: callable with its input (or FormData), or handed to useActionState as (previous, formData),
// which keeps forms working without JavaScript.

export type { ActionResult, ActionState, ActionValues } from './action-result';

export type { ActionPolicy } from './policy';

export type ActionContext<TUser> = { user: TUser; requestId: string; ip: string; log: typeof logger };

type UserFor<P extends ActionPolicy, U> = P extends 'public' ? U | null : U;

/** A wrapped action: `action(input)` from code, `action(previous, formData)` from useActionState. */
export type Action<TIn, TOut> = {
  (input: FormData | TIn): Promise<ActionResult<TOut>>;
  (previous: ActionState<TOut>, formData: FormData): Promise<ActionResult<TOut>>;
  policy: ActionPolicy;
};

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

const SECRET_FIELDS = /password|token|card|cvc|^code$|recovery|ticket|secret/i;

/** The fields worth showing again after a submission: never passwords, one-time codes or tokens. */
export function echoValues(formData: FormData): ActionValues {
  const out: ActionValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !SECRET_FIELDS.test(key)) out[key] = value.slice(0, 500);
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

export type ActionOptions<TInput, TOut> = {
  /** The operation's limits, declared by its domain (lib/<domain>/limits.ts) and shared with its route. */
  rateLimit?: OperationLimits<TInput>;
  /**
   * Staff/admin actions refuse an admin who must enroll in two-factor (store setting) — except the enrollment
   * actions themselves, which set this.
   */
  allowWithoutTwoFactor?: boolean;
  /**
   * A staff read served through an action (the command palette's search): it does not spend the admin-writes
   * budget (staff GET routes do not either); declare the read's own limit in `rateLimit`.
   */
  read?: boolean;
  /** What the form announces on success. */
  successMessage?: string | ((data: TOut) => string);
  /** Field errors under the form's own field names when they differ from the schema's paths. */
  formFieldName?: (path: string) => string;
};

function renameFields(error: Extract<ActionResult<never>, { ok: false }>, rename?: (path: string) => string) {
  if (!rename || !error.fieldErrors) return error;
  return { ...error, fieldErrors: Object.fromEntries(Object.entries(error.fieldErrors).map(([key, value]) => [rename(key), value])) };
}

async function actionClient(ip: string, userId: string | null): Promise<LimitClient> {
  const { cookies, headers } = await import('next/headers');
  const [h, c] = await Promise.all([headers(), cookies()]);
  return { ip, userId, header: (name) => h.get(name), cookie: (name) => c.get(name)?.value ?? null };
}

function makeAction<U extends Principal, P extends ActionPolicy>(access: AccessPort<U>, policy: P) {
  return <TSchema extends z.ZodType, TOut>(
    schema: TSchema,
    handler: (input: z.infer<TSchema>, ctx: ActionContext<UserFor<P, U>>) => Promise<TOut>,
    options: ActionOptions<z.infer<TSchema>, TOut> = {},
  ): Action<z.input<TSchema>, TOut> => {
    const action = async (...args: unknown[]): Promise<ActionResult<TOut>> => {
      // Next decoded the request and called the app: a 500 from here on is the app's, not a malformed request's.
      markReachedApp();
      const raw = args.length >= 2 ? args[1] : args[0];
      const values = raw instanceof FormData ? echoValues(raw) : undefined;
      const requestId = randomUUID();
      const log = logger.child({ requestId, action: handler.name || 'action' });
      try {
        const user = await admit(access, policy, options);
        const input = schema.parse(raw instanceof FormData ? formDataToObject(raw) : raw);
        const { headers } = await import('next/headers');
        const ip = ipSubject(clientIp(await headers()));
        const limits = options.rateLimit ? [...(await options.rateLimit(input, await actionClient(ip, user?.id ?? null)))] : [];
        // Every staff/admin write counts against the admin-writes budget of the signed-in user.
        if (isStaffPolicy(policy) && user && !options.read) limits.push([RATE_LIMITS.adminWritesPerUser, user.id]);
        for (const [limit, subject] of limits) await enforceRateLimit(limit, subject);
        const data = await handler(input, { user: user as UserFor<P, U>, requestId, ip, log });
        const message = typeof options.successMessage === 'function' ? options.successMessage(data) : options.successMessage;
        return { ok: true, data, ...(message ? { message } : {}), ...(values ? { values } : {}) };
      } catch (error) {
        return { ...renameFields(toActionError(error, log), options.formFieldName), ...(values ? { values } : {}) };
      }
    };
    // Tagged so a test can enumerate every exported admin action and prove it refuses the wrong role.
    return Object.assign(action, { policy }) as Action<z.input<TSchema>, TOut>;
  };
}

/** The four action wrappers over one session; lib/auth/guards.ts builds the store's. */
export function createActionWrappers<U extends Principal>(access: AccessPort<U>) {
  return {
    /** Anyone, signed in or not; ctx.user is the session user or null. */
    publicAction: makeAction(access, 'public'),
    /** Signed-in users only (any role); ctx.user is always set. */
    customerAction: makeAction(access, 'customer'),
    /** Staff and admins only. */
    staffAction: makeAction(access, 'staff'),
    /** Admins only (staff accounts, settings, discounts, refunds). */
    adminAction: makeAction(access, 'admin'),
  };
}

