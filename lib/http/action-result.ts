import type { ErrorCode, FieldErrors } from '@/lib/errors';

// The one result every server action answers with (lib/http/action.ts), and what a form needs from it. No
// server-only code here: client components import this.

/** What a form showed, echoed back so a refused form keeps what was typed (never passwords, codes or tokens). */
export type ActionValues = Record<string, string>;

export type ActionResult<T> =
  | { ok: true; data: T; message?: string; values?: ActionValues }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; values?: ActionValues };

/** useActionState's state: null until the first submission. */
export type ActionState<T> = ActionResult<T> | null;

/** A refused submission's field errors and typed values, for re-rendering the form (empty otherwise). */
export function refusal(state: ActionState<unknown>): { errors: FieldErrors; values: ActionValues } {
  if (!state || state.ok) return { errors: {}, values: {} };
  return { errors: state.fieldErrors ?? {}, values: state.values ?? {} };
}

/** A server action as a form hands it to useActionState (every wrapper-built action is one). */
export type FormAction<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

/** Which answer a form is showing; part of input keys, so inputs remount (and re-read their values) after each. */
export function answerKey(state: ActionState<unknown>): 'idle' | 'ok' | 'refused' {
  return state === null ? 'idle' : state.ok ? 'ok' : 'refused';
}
