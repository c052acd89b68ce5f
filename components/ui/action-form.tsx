'use client';

import { useActionState, useEffect, type ReactNode } from 'react';
import { type FormAction, refusal } from '@/lib/http/action-result';
import { DatePicker } from './date-picker';
import { FieldError, FormMessage } from './form-message';
import { MultiSelectCombobox } from './multi-select-combobox';
import { SubmitButton } from './submit-button';
import { useCloseDialog } from './dialog-button';
import { useToast } from './toast-context';

export type FieldSpec = {
  name: string;
  label: string;
  /**
   * 'multiselect': a searchable combobox over `options` whose chosen values are submitted as one comma-separated value.
   * 'datetime': the kit's date picker with a time beside it, submitted as YYYY-MM-DDTHH:mm (as datetime-local would).
   */
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'datetime' | 'select' | 'multiselect' | 'checkbox' | 'hidden';
  autoComplete?: string;
  required?: boolean;
  defaultValue?: string;
  defaultChecked?: boolean;
  hint?: string;
  options?: { value: string; label: string }[];
  inputMode?: 'numeric' | 'decimal' | 'text';
  /** For 'multiselect': what the chips are called ("Chosen countries") and the search box's placeholder. */
  chosenLabel?: string;
  placeholder?: string;
};

type ActionFormProps<T> = {
  /** A wrapper-built server action (lib/http/action.ts), handed to useActionState as it is: works without JavaScript. */
  action: FormAction<T>;
  fields: FieldSpec[];
  submitLabel: string;
  pendingLabel: string;
  /** Accessible name of the form. */
  label: string;
  /** Overrides the action's own success message (a function only from client components). */
  successMessage?: string | ((data: T) => string);
  /** Extra content after a success, e.g. recovery codes that are shown once. */
  renderSuccess?: (data: T) => ReactNode;
  children?: ReactNode;
  layout?: 'stacked' | 'inline';
  variant?: 'primary' | 'secondary';
  /** Unique per page when two forms share a field name (or one form repeats per row), so ids stay unique. */
  idPrefix?: string;
};

const inputClass = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2';

/** A labelled form over a server action: field errors under their inputs, a pending submit, the outcome announced. */
export function ActionForm<T>({
  action,
  fields,
  submitLabel,
  pendingLabel,
  label,
  successMessage,
  renderSuccess,
  children,
  layout = 'stacked',
  variant = 'primary',
  idPrefix = 'field',
}: ActionFormProps<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, values } = refusal(state);
  const refused = state !== null && !state.ok;
  // Inputs are remounted after each answer, so a refused form shows what was typed and an accepted one its defaults.
  const round = state === null ? 'idle' : state.ok ? 'ok' : 'refused';
  const succeeded = state?.ok ? state : null;
  const successText = succeeded
    ? typeof successMessage === 'function'
      ? successMessage(succeeded.data)
      : (successMessage ?? succeeded.message ?? 'Saved.')
    : '';
  // Where the layout mounts a toaster (the admin), a success is announced there; the inline line stays as a record
  // by the form but is not announced a second time. Refusals stay inline, beside the fields they are about.
  const notify = useToast();
  // Inside a DialogButton's dialog, a success closes it (the toast says what happened).
  const closeDialog = useCloseDialog();
  useEffect(() => {
    if (notify && state?.ok) notify.success(successText);
    if (state?.ok && closeDialog) closeDialog();
    // Once per answer: `state` is a new object for each submission.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
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
        const common = { id, name: field.name, 'aria-invalid': fieldErrors ? true : undefined, 'aria-describedby': describedBy } as const;
        let control: ReactNode;
        if (field.type === 'multiselect') {
          control = (
            <MultiSelectCombobox
              key={`${field.name}-${round}-${value ?? ''}`}
              id={id}
              name={field.name}
              label={field.label}
              chosenLabel={field.chosenLabel ?? `Chosen: ${field.label.toLowerCase()}`}
              placeholder={field.placeholder}
              options={field.options ?? []}
              defaultValue={(value ?? '').split(/[\s,;]+/).filter(Boolean)}
              submitAs="comma"
              describedBy={describedBy}
              invalid={fieldErrors ? true : undefined}
            />
          );
        } else if (field.type === 'datetime') {
          control = (
            <DatePicker
              key={`${field.name}-${round}-${value ?? ''}`}
              id={id}
              name={field.name}
              label={field.label}
              optional={field.required === false}
              defaultValue={value}
              withTime
              describedBy={describedBy}
              invalid={fieldErrors ? true : undefined}
            />
          );
        } else if (field.type === 'checkbox') {
          const checked = refused ? values[field.name] !== undefined : field.defaultChecked;
          control = (
            <div className="flex items-center gap-2">
              <input {...common} type="checkbox" value="on" defaultChecked={checked} key={`${field.name}-${round}`} className="h-4 w-4" />
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
                  key={`${field.name}-${round}-${value ?? ''}`}
                  className={inputClass}
                />
              )}
            </>
          );
        }
        return (
          <div key={field.name} className={layout === 'inline' ? (field.type === 'multiselect' ? 'w-full' : 'min-w-32') : undefined}>
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
      {children}
      <div>
        <SubmitButton pendingLabel={pendingLabel} pending={pending} variant={variant}>
          {submitLabel}
        </SubmitButton>
      </div>
      {succeeded ? (
        <div className="w-full">
          <FormMessage status="success" message={successText} announce={!notify} />
          {renderSuccess ? renderSuccess(succeeded.data) : null}
        </div>
      ) : null}
      {state && !state.ok ? <FormMessage status="error" message={errors._?.join(' ') ?? state.message} /> : null}
    </form>
  );
}
