import type { FormState } from '@/lib/http/form-state';

/** The sign-in form's state: the usual outcomes, or the code step of a two-factor account. */
export type SignInState =
  | FormState
  | { status: 'second_factor'; ticket: string; callbackUrl: string; error?: string };
