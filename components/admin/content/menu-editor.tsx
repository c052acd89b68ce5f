'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { addMenuItemAction, deleteMenuItemAction, moveMenuItemAction } from '@/lib/admin/content/actions';
import { answerKey, refusal } from '@/lib/http/action-result';
import type { MenuItemEdit } from '@/lib/store/content/types';

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2 text-sm';

export type MenuTargetGroup = { label: string; options: { value: string; label: string }[] };

function MenuRow({ item, first, last }: { item: MenuItemEdit; first: boolean; last: boolean }) {
  const [moveState, move, moving] = useActionState(moveMenuItemAction, null);
  const [removeState, remove, removing] = useActionState(deleteMenuItemAction, null);
  const failure = [moveState, removeState].find((s) => s !== null && !s.ok);
  return (
    <li className="flex flex-wrap items-center gap-3 border-b border-zinc-100 py-2">
      <span className="font-medium">{item.label}</span>
      <span className="text-xs text-zinc-500">{item.href}</span>
      {item.note ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{item.note}</span> : null}
      <form action={move} className="ml-auto flex gap-1">
        <input type="hidden" name="id" value={item.id} />
        {!first ? (
          <SubmitButton variant="secondary" name="direction" value="up" pendingLabel="Moving…" pending={moving}>
            <span aria-hidden>↑</span> <span className="sr-only">Move {item.label} up</span>
          </SubmitButton>
        ) : null}
        {!last ? (
          <SubmitButton variant="secondary" name="direction" value="down" pendingLabel="Moving…" pending={moving}>
            <span aria-hidden>↓</span> <span className="sr-only">Move {item.label} down</span>
          </SubmitButton>
        ) : null}
      </form>
      <form action={remove}>
        <input type="hidden" name="id" value={item.id} />
        <SubmitButton variant="secondary" pendingLabel="Removing…" pending={removing}>
          Remove<span className="sr-only"> {item.label}</span>
        </SubmitButton>
      </form>
      {failure && !failure.ok ? <FormMessage status="error" message={failure.message} /> : null}
    </li>
  );
}

/** One menu: its entries in order (move, remove) and a form to add one. */
export function MenuEditor({ menu, title, items, targets }: { menu: 'header' | 'footer'; title: string; items: MenuItemEdit[]; targets: MenuTargetGroup[] }) {
  const [state, action, pending] = useActionState(addMenuItemAction, null);
  const { errors, values } = refusal(state);
  const id = (name: string) => `${menu}-${name}`;
  return (
    <section aria-labelledby={id('heading')} className="rounded-md border border-zinc-200 bg-white p-4">
      <h2 id={id('heading')} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-zinc-600">No entries yet: add the first one below.</p>
      ) : (
        <ul aria-label={`${title} entries`}>
          {items.map((item, index) => (
            <MenuRow key={item.id} item={item} first={index === 0} last={index === items.length - 1} />
          ))}
        </ul>
      )}
      <form action={action} aria-label={`Add to ${title.toLowerCase()}`} className="mt-4 flex flex-wrap items-end gap-3" key={`${answerKey(state)}-${items.length}`}>
        <input type="hidden" name="menu" value={menu} />
        <div className="min-w-56">
          <label htmlFor={id('target')} className="block text-sm font-medium">
            Links to
          </label>
          <select id={id('target')} name="target" defaultValue={values.target ?? ''} className={input} aria-invalid={errors.target ? true : undefined} aria-describedby={errors.target ? id('target-error') : undefined}>
            <option value="" disabled>
              Choose…
            </option>
            {targets.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldError id={id('target-error')} errors={errors.target} />
        </div>
        <div className="min-w-48">
          <label htmlFor={id('label')} className="block text-sm font-medium">
            Label <span className="font-normal text-zinc-500">(optional)</span>
          </label>
          <input id={id('label')} name="label" defaultValue={values.label ?? ''} className={input} aria-describedby={errors.label ? id('label-error') : undefined} />
          <FieldError id={id('label-error')} errors={errors.label} />
        </div>
        <SubmitButton pendingLabel="Adding…" pending={pending}>
          Add entry
        </SubmitButton>
        {state?.ok ? <FormMessage status="success" message={state.message ?? 'Added.'} /> : null}
        {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
      </form>
    </section>
  );
}
