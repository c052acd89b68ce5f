'use client';

import { useActionState, type ReactNode } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionResult } from '@/lib/http/action';
import { echoValues } from '@/lib/http/form-state';

export type AdminField = {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'datetime-local' | 'select' | 'checkbox' | 'hidden';
  defaultValue?: string;
  defaultChecked?: boolean;
  required?: boolean;
  hint?: string;
  autoComplete?: string;
  options?: { value: string; label: string }[];
  inputMode?: 'numeric' | 'decimal' | 'text';
};

type State<T> =
  | { status: 'idle' }
  | { status: 'success'; message: string; data: T }
  | { status: 'error'; message: string; fieldErrors: Record<string, string[]>; values: Record<string, string> };

type AdminFormProps<T> = {
  /** A staffAction/adminAction from lib/admin/<area>/actions.ts. */
  action: (formData: FormData) => Promise<ActionResult<T>>;
  fields: AdminField[];
  /** Accessible name of the form. */
  label: string;
  submitLabel: string;
  pendingLabel: string;
  successMessage: string | ((data: T) => string);
  /** Extra content after a success, e.g. recovery codes that are shown once. */
  renderSuccess?: (data: T) => ReactNode;
  layout?: 'stacked' | 'inline';
  variant?: 'primary' | 'secondary';
  /** Unique per page when the same form repeats (one per row), so ids stay unique. */
  idPrefix?: string;
};

const inputClass = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2 text-sm';

/** A labelled admin form over a server action: pending submit, field errors under inputs, outcome announced. */
export function AdminForm<T>({
  action,
  fields,
  label,
  submitLabel,
  pendingLabel,
  successMessage,
  renderSuccess,
  layout = 'stacked',
  variant = 'primary',
  idPrefix = 'f',
}: AdminFormProps<T>) {
  const [state, formAction, pending] = useActionState(async (_prev: State<T>, formData: FormData): Promise<State<T>> => {
    const result = await action(formData);
    if (result.ok) {
      return { status: 'success', data: result.data, message: typeof successMessage === 'function' ? successMessage(result.data) : successMessage };
    }
    return { status: 'error', message: result.message, fieldErrors: result.fieldErrors ?? {}, values: echoValues(formData) };
  }, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  const formError = errors._?.join(' ');
  return (
    <form
      action={formAction}
      aria-label={label}
      noValidate
      className={layout === 'inline' ? 'flex flex-wrap items-end gap-3' : 'flex max-w-xl flex-col gap-4'}
    >
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const errorId = `${id}-error`;
        const hintId = `${id}-hint`;
        const fieldErrors = errors[field.name];
        const describedBy = [fieldErrors ? errorId : null, field.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
        if (field.type === 'hidden') return <input key={field.name} type="hidden" name={field.name} value={field.defaultValue ?? ''} />;
        const value = values[field.name] ?? field.defaultValue;
        const common = {
          id,
          name: field.name,
          'aria-invalid': fieldErrors ? true : undefined,
          'aria-describedby': describedBy,
        } as const;
        let control: ReactNode;
        if (field.type === 'checkbox') {
          const checked = state.status === 'error' ? values[field.name] !== undefined : field.defaultChecked;
          control = (
            <div className="flex items-center gap-2">
              <input {...common} type="checkbox" value="on" defaultChecked={checked} key={`${field.name}-${state.status}`} className="h-4 w-4" />
              <label htmlFor={id} className="text-sm font-medium">
                {field.label}
              </label>
            </div>
          );
        } else {
          control = (
            <>
              <label htmlFor={id} className="block text-sm font-medium">
                {field.label}
                {field.required === false ? <span className="font-normal text-zinc-500"> (optional)</span> : null}
              </label>
              {field.type === 'select' ? (
                <select {...common} defaultValue={value} key={`${field.name}-${value ?? ''}`} className={inputClass}>
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...common}
                  type={field.type === 'number' ? 'text' : (field.type ?? 'text')}
                  inputMode={field.type === 'number' ? (field.inputMode ?? 'numeric') : field.inputMode}
                  autoComplete={field.autoComplete}
                  required={field.required !== false}
                  defaultValue={field.type === 'password' ? undefined : value}
                  key={`${field.name}-${state.status}-${value ?? ''}`}
                  className={inputClass}
                />
              )}
            </>
          );
        }
        return (
          <div key={field.name} className={layout === 'inline' ? 'min-w-32' : undefined}>
            {control}
            {field.hint ? (
              <p id={hintId} className="mt-1 text-xs text-zinc-600">
                {field.hint}
              </p>
            ) : null}
            <FieldError id={errorId} errors={fieldErrors} />
          </div>
        );
      })}
      <div>
        <SubmitButton pendingLabel={pendingLabel} pending={pending} variant={variant}>
          {submitLabel}
        </SubmitButton>
      </div>
      {state.status === 'success' ? (
        <div className="w-full">
          <FormMessage status="success" message={state.message} />
          {renderSuccess ? renderSuccess(state.data) : null}
        </div>
      ) : null}
      {state.status === 'error' ? <FormMessage status="error" message={formError ?? state.message} /> : null}
    </form>
  );
}
