'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/http/form-state';
import { FieldError, FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

export type FieldSpec = {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'hidden' | 'select';
  autoComplete?: string;
  required?: boolean;
  defaultValue?: string;
  hint?: string;
  options?: { value: string; label: string }[];
};

type ActionFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  submitLabel: string;
  pendingLabel: string;
  /** Accessible name of the form. */
  label: string;
  children?: ReactNode;
  /** Unique per page when two forms share a field name (e.g. two asking for the current password), so ids stay unique. */
  idPrefix?: string;
};

/** A labelled form over a server action: field errors under their inputs, a pending submit, the outcome announced. */
export function ActionForm({ action, fields, submitLabel, pendingLabel, label, children, idPrefix = 'field' }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as FormState);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const formErrors = errors._;
  return (
    <form action={formAction} aria-label={label} className="flex max-w-md flex-col gap-4" noValidate>
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const errorId = `${id}-error`;
        const hintId = `${id}-hint`;
        const fieldErrors = errors[field.name];
        const describedBy = [fieldErrors ? errorId : null, field.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
        const value = values[field.name] ?? field.defaultValue;
        if (field.type === 'hidden') return <input key={field.name} type="hidden" name={field.name} value={field.defaultValue ?? ''} />;
        return (
          <div key={field.name}>
            <label htmlFor={id} className="block text-sm font-medium">
              {field.label}
              {field.required === false ? <span className="font-normal text-zinc-500"> (optional)</span> : null}
            </label>
            {field.type === 'select' ? (
              <select
                id={id}
                name={field.name}
                defaultValue={value}
                key={`${field.name}-${value ?? ''}`}
                aria-invalid={fieldErrors ? true : undefined}
                aria-describedby={describedBy}
                className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2"
              >
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={field.name}
                type={field.type ?? 'text'}
                autoComplete={field.autoComplete}
                required={field.required !== false}
                defaultValue={field.type === 'password' ? undefined : value}
                key={`${field.name}-${state.status}-${value ?? ''}`}
                aria-invalid={fieldErrors ? true : undefined}
                aria-describedby={describedBy}
                className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2"
              />
            )}
            {field.hint ? (
              <p id={hintId} className="mt-1 text-xs text-zinc-600">
                {field.hint}
              </p>
            ) : null}
            <FieldError id={errorId} errors={fieldErrors} />
          </div>
        );
      })}
      {children}
      <SubmitButton pendingLabel={pendingLabel} pending={pending}>
        {submitLabel}
      </SubmitButton>
      {state.status === 'success' ? <FormMessage status="success" message={state.message} /> : null}
      {state.status === 'error' ? <FormMessage status="error" message={formErrors ? formErrors.join(' ') : state.message} /> : null}
    </form>
  );
}
