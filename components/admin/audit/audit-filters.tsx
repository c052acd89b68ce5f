'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { DatePicker } from '@/components/ui/date-picker';

type Option = { value: string; label: string };

const field = 'mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5 text-sm';

/** Back to "Any" in every select (defaultValue held the URL's choice, so a form reset would bring it back). */
function clearSelects(root: HTMLFormElement | null) {
  for (const select of root?.querySelectorAll('select') ?? []) select.value = '';
}

/**
 * The audit log's filters. Each change applies at once (the URL holds them, so a filtered view can be shared and the
 * back button works); without JavaScript the form still submits them with its button.
 */
export function AuditFilters({ actors, actions, entityTypes }: { actors: Option[]; actions: Option[]; entityTypes: Option[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const noScript = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (noScript.current) noScript.current.hidden = true;
  }, []);

  /** `changed`: a value committed this moment (a date picker's), before the form's hidden input shows it. */
  function apply(changed: Record<string, string> = {}) {
    if (!form.current) return;
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) if (typeof value === 'string' && value && !(key in changed)) next.set(key, value);
    for (const [key, value] of Object.entries(changed)) if (value) next.set(key, value);
    // A new filter starts again at the first page.
    const query = next.toString();
    if (query === new URLSearchParams([...params].filter(([key]) => key !== 'page')).toString()) return;
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  const current = (key: string) => params.get(key) ?? '';
  // The dates are held here (the pickers submit through hidden inputs, which a form reset does not reach).
  const [dates, setDates] = useState({ from: current('from'), to: current('to') });
  const filtered = ['actor', 'action', 'entityType', 'from', 'to'].some((key) => params.get(key));

  return (
    <form
      ref={form}
      role="search"
      aria-label="Filter the audit log"
      aria-busy={pending}
      onChange={() => apply()}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
    >
      <div>
        <label htmlFor="audit-actor" className="block font-medium">Actor</label>
        <select id="audit-actor" name="actor" defaultValue={current('actor')} className={field}>
          <option value="">Anyone</option>
          {actors.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-entity" className="block font-medium">Entity type</label>
        <select id="audit-entity" name="entityType" defaultValue={current('entityType')} className={field}>
          <option value="">Any</option>
          {entityTypes.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-action" className="block font-medium">Action</label>
        <select id="audit-action" name="action" defaultValue={current('action')} className={field}>
          <option value="">Any</option>
          {actions.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      </div>
      <DatePicker
        id="audit-from"
        name="from"
        label="From (UTC)"
        value={dates.from}
        onValueChange={(from) => {
          setDates({ ...dates, from });
          apply({ from });
        }}
      />
      <DatePicker
        id="audit-to"
        name="to"
        label="To (UTC)"
        value={dates.to}
        onValueChange={(to) => {
          setDates({ ...dates, to });
          apply({ to });
        }}
      />
      <div className="flex items-center gap-3 sm:col-span-3 lg:col-span-1">
        <button ref={noScript} type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-50">
          Apply filters
        </button>
        {filtered ? (
          <button
            type="button"
            onClick={() => {
              clearSelects(form.current);
              setDates({ from: '', to: '' });
              startTransition(() => router.replace(pathname, { scroll: false }));
            }}
            className="rounded-md px-2 py-1.5 font-medium underline"
          >
            Clear filters
          </button>
        ) : null}
        <span role="status" className="text-zinc-600">
          {pending ? 'Updating…' : ''}
        </span>
      </div>
    </form>
  );
}
