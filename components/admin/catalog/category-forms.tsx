'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { createCategoryAction, deleteCategoryAction, reorderCategoryAction, updateCategoryAction } from '@/lib/admin/categories/actions';
import { refusal } from '@/lib/http/action-result';

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-1.5';

export type CategoryOption = { id: string; name: string; depth: number; path: string };
export type CategoryView = CategoryOption & { slug: string; description: string; parentId: string | null; productCount: number; childCount: number };

function ParentSelect({ id, value, choices, exclude }: { id: string; value: string | null; choices: CategoryOption[]; exclude?: CategoryView }) {
  // A category cannot go under itself or its own descendants: those choices are left out (and refused on the server).
  const allowed = exclude ? choices.filter((c) => c.id !== exclude.id && !c.path.startsWith(`${exclude.path}/`)) : choices;
  return (
    <select id={id} name="parentId" defaultValue={value ?? ''} className={input}>
      <option value="">(top level)</option>
      {allowed.map((c) => (
        <option key={c.id} value={c.id}>
          {`${'\u00a0\u00a0\u00a0'.repeat(c.depth)}${c.name}`}
        </option>
      ))}
    </select>
  );
}

export function CreateCategoryForm({ choices }: { choices: CategoryOption[] }) {
  const [state, action, pending] = useActionState(createCategoryAction, null);
  const { errors } = refusal(state);
  return (
    <form action={action} aria-label="New category" className="grid max-w-xl gap-3">
      <div>
        <label htmlFor="new-name" className="block text-sm font-medium">Name</label>
        <input id="new-name" name="name" required className={input} aria-describedby={errors.name ? 'new-name-error' : undefined} />
        <FieldError id="new-name-error" errors={errors.name} />
      </div>
      <div>
        <label htmlFor="new-slug" className="block text-sm font-medium">Slug <span className="font-normal text-zinc-500">(optional; made from the name)</span></label>
        <input id="new-slug" name="slug" className={input} aria-describedby={errors.slug ? 'new-slug-error' : undefined} />
        <FieldError id="new-slug-error" errors={errors.slug} />
      </div>
      <div>
        <label htmlFor="new-parent" className="block text-sm font-medium">Parent</label>
        <ParentSelect id="new-parent" value={null} choices={choices} />
        <FieldError id="new-parent-error" errors={errors.parentId} />
      </div>
      <div>
        <label htmlFor="new-description" className="block text-sm font-medium">Description <span className="font-normal text-zinc-500">(optional)</span></label>
        <textarea id="new-description" name="description" rows={2} className={input} />
      </div>
      <SubmitButton pendingLabel="Creating…" pending={pending}>Create category</SubmitButton>
      {state?.ok ? <FormMessage status="success" message={state.message ?? ''} /> : null}
      {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}

export function CategoryRow({ category, choices, first, last }: { category: CategoryView; choices: CategoryOption[]; first: boolean; last: boolean }) {
  const [editState, edit, saving] = useActionState(updateCategoryAction, null);
  const [moveState, move, moving] = useActionState(reorderCategoryAction, null);
  const [deleteState, remove, removing] = useActionState(deleteCategoryAction, null);
  const { errors } = refusal(editState);
  const failure = [editState, moveState, deleteState].find((s) => s !== null && !s.ok);
  const id = category.id;
  return (
    <li className="border-b border-zinc-100 py-2" style={{ paddingLeft: `${category.depth * 1.5}rem` }}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium">{category.name}</span>
        <span className="text-xs text-zinc-500">/{category.path} · {category.productCount} product{category.productCount === 1 ? '' : 's'}</span>
        <form action={move} className="flex gap-1">
          <input type="hidden" name="id" value={id} />
          {!first ? (
            <SubmitButton variant="secondary" name="direction" value="up" pendingLabel="Moving…" pending={moving}>
              <span aria-hidden>↑</span> <span className="sr-only">Move {category.name} up</span>
            </SubmitButton>
          ) : null}
          {!last ? (
            <SubmitButton variant="secondary" name="direction" value="down" pendingLabel="Moving…" pending={moving}>
              <span aria-hidden>↓</span> <span className="sr-only">Move {category.name} down</span>
            </SubmitButton>
          ) : null}
        </form>
        <details>
          <summary className="cursor-pointer text-sm underline">Edit <span className="sr-only">{category.name}</span></summary>
          <form action={edit} aria-label={`Edit ${category.name}`} className="mt-2 grid max-w-xl gap-2">
            <input type="hidden" name="id" value={id} />
            <div>
              <label htmlFor={`name-${id}`} className="block text-sm font-medium">Name</label>
              <input id={`name-${id}`} name="name" defaultValue={category.name} className={input} />
              <FieldError id={`name-${id}-error`} errors={errors.name} />
            </div>
            <div>
              <label htmlFor={`slug-${id}`} className="block text-sm font-medium">Slug</label>
              <input id={`slug-${id}`} name="slug" defaultValue={category.slug} className={input} />
              <FieldError id={`slug-${id}-error`} errors={errors.slug} />
            </div>
            <div>
              <label htmlFor={`parent-${id}`} className="block text-sm font-medium">Parent</label>
              <ParentSelect id={`parent-${id}`} value={category.parentId} choices={choices} exclude={category} />
              <FieldError id={`parent-${id}-error`} errors={errors.parentId} />
            </div>
            <div>
              <label htmlFor={`description-${id}`} className="block text-sm font-medium">Description</label>
              <textarea id={`description-${id}`} name="description" rows={2} defaultValue={category.description} className={input} />
            </div>
            <SubmitButton pendingLabel="Saving…" pending={saving}>Save category</SubmitButton>
            {editState?.ok ? <FormMessage status="success" message={editState.message ?? ''} /> : null}
          </form>
        </details>
        <form action={remove}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="link" pendingLabel="Deleting…" pending={removing} disabled={category.childCount > 0}>
            Delete <span className="sr-only">{category.name}</span>
          </SubmitButton>
        </form>
        {category.childCount > 0 ? <span className="text-xs text-zinc-500">Has subcategories: move or delete them before deleting this one.</span> : null}
      </div>
      {failure && !failure.ok ? <FormMessage status="error" message={failure.message} /> : null}
    </li>
  );
}
