'use client';

import { useEffect, useRef, useState } from 'react';
import { DatePicker } from './date-picker';
import { useListParams } from './use-list-params';

export type FilterField =
  | { kind: 'search'; name: string; label: string; placeholder?: string }
  | { kind: 'select'; name: string; label: string; options: { value: string; label: string }[]; anyLabel?: string }
  | { kind: 'date'; name: string; label: string };

const SEARCH_DELAY_MS = 300;
const control = 'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm';

/**
 * An admin list's filters. They apply as they change — a select at once, the search box a moment after the last
 * keystroke — with no "Apply" button; the URL holds them (with the sort and columns, which they keep) and a change
 * starts again at page 1. Enter in the search box applies at once.
 */
export function ListFilters({ label, idPrefix, fields }: { label: string; idPrefix: string; fields: FilterField[] }) {
  const { params, update, pending } = useListParams();
  const fromUrl = () => Object.fromEntries(fields.map((field) => [field.name, params.get(field.name) ?? '']));
  const [values, setValues] = useState<Record<string, string>>(fromUrl);
  const urlKey = fields.map((field) => `${field.name}=${params.get(field.name) ?? ''}`).join('&');
  // What this form last put in the URL: the URL catching up with it must not overwrite what is being typed.
  const [written, setWritten] = useState(urlKey);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The URL changed by other means (a saved view, the back button): show what it says.
  const [seen, setSeen] = useState(urlKey);
  if (seen !== urlKey) {
    setSeen(urlKey);
    if (urlKey !== written) setValues(fromUrl());
  }

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function apply(next: Record<string, string>) {
    if (timer.current) clearTimeout(timer.current);
    setWritten(fields.map((field) => `${field.name}=${next[field.name] ?? ''}`).join('&'));
    update(Object.fromEntries(fields.map((field) => [field.name, next[field.name] || null])));
  }

  function change(name: string, value: string, debounce: boolean) {
    const next = { ...values, [name]: value };
    setValues(next);
    if (!debounce) return apply(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(next), SEARCH_DELAY_MS);
  }

  const filtered = fields.some((field) => values[field.name]);

  return (
    <form
      role="search"
      aria-label={label}
      aria-busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        apply(values);
      }}
      className="flex flex-wrap items-end gap-3 rounded-md border border-zinc-200 bg-white p-3"
    >
      {fields.map((field) => {
        const inputId = `${idPrefix}-${field.name}`;
        return (
          <div key={field.name} className={field.kind === 'search' ? 'w-full sm:w-64' : 'w-full min-[420px]:w-auto'}>
            {field.kind === 'date' ? null : (
              <label htmlFor={inputId} className="block text-sm font-medium">
                {field.label}
              </label>
            )}
            {field.kind === 'search' ? (
              <input
                id={inputId}
                name={field.name}
                type="search"
                value={values[field.name] ?? ''}
                placeholder={field.placeholder}
                onChange={(event) => change(field.name, event.target.value, true)}
                className={control}
              />
            ) : field.kind === 'select' ? (
              <select id={inputId} name={field.name} value={values[field.name] ?? ''} onChange={(event) => change(field.name, event.target.value, false)} className={`${control} max-w-xs`}>
                <option value="">{field.anyLabel ?? 'Any'}</option>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <DatePicker id={inputId} name={field.name} label={field.label} value={values[field.name] ?? ''} onValueChange={(value) => change(field.name, value, false)} className="w-full min-[420px]:w-48" />
            )}
          </div>
        );
      })}
      {filtered ? (
        <button
          type="button"
          onClick={() => {
            const cleared = Object.fromEntries(fields.map((field) => [field.name, '']));
            setValues(cleared);
            apply(cleared);
          }}
          className="rounded-md px-2 py-1.5 text-sm font-medium underline"
        >
          Clear filters
        </button>
      ) : null}
      <span aria-hidden={!pending} className="text-sm text-zinc-600">
        {pending ? 'Updating…' : ''}
      </span>
    </form>
  );
}
