'use client';

import { useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/http/action-result';
import { type Notify, useToast } from './toast-context';

/**
 * Shows an action's outcome as a toast and runs `onDone` once per success (close the dialog, clear the selection).
 * A refusal with field errors is left to the form, which shows them under their inputs. Answers the toaster, or null
 * where none is mounted (the form then shows the outcome inline).
 */
export function useActionOutcome(state: ActionState<unknown>, onDone?: () => void): Notify | null {
  const notify = useToast();
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    if (state?.ok) {
      notify?.success(state.message ?? 'Done.');
      done.current?.();
    } else if (state && !state.ok && !state.fieldErrors) notify?.error(state.message);
  }, [state, notify]);
  return notify;
}
