'use client';

import * as Popover from '@radix-ui/react-popover';
import { useId, useState } from 'react';
import { DayPicker } from 'react-day-picker';
import 'react-day-picker/style.css';
import { useHydrated } from './use-hydrated';

type DatePickerProps = {
  id: string;
  /** The submitted name: a hidden input holds YYYY-MM-DD (or YYYY-MM-DDTHH:mm with `withTime`), or '' when empty. */
  name: string;
  label: string;
  /** Controlled: YYYY-MM-DD or ''; with onValueChange. */
  value?: string;
  /** Uncontrolled: YYYY-MM-DD (or YYYY-MM-DDTHH:mm with `withTime`), or empty. */
  defaultValue?: string;
  /** Called with each committed value: a day picked, a complete date typed, or the field emptied (never a half-typed date). */
  onValueChange?: (value: string) => void;
  min?: string;
  max?: string;
  hint?: string;
  error?: string[];
  /** Adds a time of day beside the date (HH:mm, 00:00 when left empty). */
  withTime?: boolean;
  /** Ids of a hint or error rendered outside (by a form that lays out its own), and whether that error stands. */
  describedBy?: string;
  invalid?: boolean;
  /** Marks the field optional in its label. */
  optional?: boolean;
  className?: string;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD → a local Date at midnight, or undefined when it is not a real calendar date. */
function parseDay(text: string): Date | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

const dayName = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const weekdayName = new Intl.DateTimeFormat('en-GB', { weekday: 'long' });

/** A day's name that starts with the number shown on it ("7 December 2026, Monday, today"), as speech input expects. */
function labelDay(date: Date, modifiers: { today?: boolean; selected?: boolean }): string {
  return [dayName.format(date), weekdayName.format(date), modifiers.today ? 'today' : null, modifiers.selected ? 'selected' : null].filter(Boolean).join(', ');
}

function formatDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

const control = 'block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm';

/**
 * A calendar date: a text field that takes a typed date (YYYY-MM-DD) and a button that opens a month calendar
 * (react-day-picker in a Radix popover). In the calendar the arrow keys move by day and week, Page Up/Down by month,
 * Home/End to the week's ends, Enter picks, Escape closes and returns focus to the button. Days outside min/max are
 * disabled. The form receives the value through a hidden input, so a half-typed date is never submitted or applied;
 * without JavaScript the text field itself is submitted (and the calendar button does nothing).
 */
export function DatePicker({ id, name, label, value, defaultValue = '', onValueChange, min, max, hint, error, describedBy: outside, invalid, withTime = false, optional = false, className = '' }: DatePickerProps) {
  const [initialDay, initialTime] = defaultValue.split('T') as [string, string | undefined];
  const [own, setOwn] = useState(initialDay ?? '');
  const committed = value ?? own;
  const [text, setText] = useState(committed);
  const [textFor, setTextFor] = useState(committed);
  // A value changed from outside (e.g. "Clear filters") replaces what the field shows.
  if (committed !== textFor) {
    setTextFor(committed);
    setText(committed);
  }
  const [time, setTime] = useState(initialTime?.slice(0, 5) ?? '');
  const [open, setOpen] = useState(false);
  const formatId = useId();
  const hydrated = useHydrated();
  const minDay = min ? parseDay(min) : undefined;
  const maxDay = max ? parseDay(max) : undefined;
  const selected = parseDay(committed);

  const submitted = (day: string, at: string) => (day && withTime ? `${day}T${at || '00:00'}` : day);
  function commit(day: string) {
    setText(day);
    setTextFor(day);
    if (value === undefined) setOwn(day);
    onValueChange?.(submitted(day, time));
  }

  function typed(next: string) {
    setText(next);
    const trimmed = next.trim();
    if (trimmed === '') return commit('');
    const day = parseDay(trimmed);
    if (day && (!minDay || day >= minDay) && (!maxDay || day <= maxDay)) commit(trimmed);
  }

  const describedBy = [formatId, hint ? `${id}-hint` : null, error?.length ? `${id}-error` : null, outside].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {optional ? <span className="font-normal text-zinc-500"> (optional)</span> : null}
      </label>
      {hydrated ? <input type="hidden" name={name} value={submitted(committed, time)} /> : null}
      <div className="mt-1 flex flex-wrap items-stretch gap-2">
        <div className="flex min-w-0 flex-1 items-stretch">
          <input
            id={id}
            // Without JavaScript the typed text is what the form sends; once running, the hidden input sends what was accepted.
            name={hydrated ? undefined : name}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="YYYY-MM-DD"
            value={text}
            onChange={(event) => typed(event.target.value)}
            // A date left half-typed or out of range goes back to the last one accepted.
            onBlur={() => setText(committed)}
            aria-describedby={describedBy}
            aria-invalid={error?.length || invalid ? true : undefined}
            className={`${control} min-w-0 rounded-r-none`}
          />
          <Popover.Root open={open} onOpenChange={setOpen}>
            <Popover.Trigger asChild>
              <button
                type="button"
                aria-label={`${label}: choose from a calendar`}
                className="-ml-px inline-flex items-center rounded-r-md border border-zinc-300 bg-white px-2.5 text-zinc-700 hover:bg-zinc-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
              >
                <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.6">
                  <rect x="3" y="4.5" width="14" height="12.5" rx="1.5" />
                  <path d="M3 8.5h14M7 2.5v4M13 2.5v4" strokeLinecap="round" />
                </svg>
              </button>
            </Popover.Trigger>
            <Popover.Portal>
              <Popover.Content
                align="start"
                sideOffset={6}
                collisionPadding={8}
                aria-label={`${label}: calendar`}
                // Focus goes to the chosen day (else today), where the arrow keys work, not to "previous month".
                onOpenAutoFocus={(event) => {
                  const day = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLButtonElement>('[role="grid"] button[tabindex="0"]');
                  if (day) {
                    event.preventDefault();
                    day.focus();
                  }
                }}
                className="z-50 rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-lg [--rdp-accent-background-color:var(--color-zinc-100)] [--rdp-accent-color:var(--color-brand-700)] [--rdp-day-height:2.5rem] [--rdp-day-width:2.5rem] [--rdp-day_button-height:2.375rem] [--rdp-day_button-width:2.375rem] [--rdp-today-color:var(--color-brand-700)]"
              >
                <DayPicker
                  mode="single"
                  selected={selected}
                  defaultMonth={selected ?? maxDay ?? undefined}
                  onSelect={(day) => {
                    commit(day ? formatDay(day) : '');
                    setOpen(false);
                  }}
                  disabled={[...(minDay ? [{ before: minDay }] : []), ...(maxDay ? [{ after: maxDay }] : [])]}
                  weekStartsOn={1}
                  labels={{ labelDayButton: labelDay }}
                />
                {committed ? (
                  <button
                    type="button"
                    onClick={() => {
                      commit('');
                      setOpen(false);
                    }}
                    className="mt-1 rounded-md px-2 py-1 text-sm font-medium text-zinc-700 underline hover:bg-zinc-50"
                  >
                    Clear date
                  </button>
                ) : null}
              </Popover.Content>
            </Popover.Portal>
          </Popover.Root>
        </div>
        {withTime ? (
          <div className="w-28">
            <label htmlFor={`${id}-time`} className="sr-only">
              {`${label}, time`}
            </label>
            <input
              id={`${id}-time`}
              type="time"
              value={time}
              onChange={(event) => {
                setTime(event.target.value);
                if (committed) onValueChange?.(submitted(committed, event.target.value));
              }}
              className={control}
            />
          </div>
        ) : null}
      </div>
      <p id={formatId} className="sr-only">
        Type the date as year-month-day, or choose it from the calendar.
      </p>
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
