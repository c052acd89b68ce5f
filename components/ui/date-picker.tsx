import type { ReactNode } from 'react';

type DatePickerProps = {
  id: string;
  name: string;
  label: ReactNode;
  /** YYYY-MM-DD, or empty. */
  defaultValue?: string;
  min?: string;
  max?: string;
  hint?: string;
  error?: string[];
  className?: string;
};

/**
 * A calendar date: the browser's own date input (a calendar on desktop, the system's wheel or calendar on phones;
 * typed digits and arrow keys step day, month and year), which every assistive technology knows, with the kit's
 * label, hint and error wiring. The value is YYYY-MM-DD whatever the display format, so it submits as-is in a form.
 */
export function DatePicker({ id, name, label, defaultValue, min, max, hint, error, className = '' }: DatePickerProps) {
  const describedBy = [hint ? `${id}-hint` : null, error?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={defaultValue}
        min={min}
        max={max}
        aria-describedby={describedBy}
        aria-invalid={error?.length ? true : undefined}
        className="mt-1 block rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm"
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
      {error?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
