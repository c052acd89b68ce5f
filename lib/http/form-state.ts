import type { ActionResult } from './action';

/** What a form's server action hands back to useActionState. `values` re-fills non-secret fields after an error. */
export type FormState =
  | { status: 'idle' }
  | { status: 'success'; message: string }
  | { status: 'error'; message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

export const idleFormState: FormState = { status: 'idle' };

const SECRET_FIELDS = /password|token|card|cvc/i;

/** The fields worth showing again after a refusal: never passwords or tokens. */
export function echoValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !SECRET_FIELDS.test(key)) out[key] = value.slice(0, 500);
  }
  return out;
}

export function toFormState<T>(result: ActionResult<T>, formData: FormData, successMessage: string): FormState {
  if (result.ok) return { status: 'success', message: successMessage };
  return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values: echoValues(formData) };
}
