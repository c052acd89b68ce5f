'use client';

import { useActionState, useEffect, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useToast } from '@/components/ui/toast-context';
import { useListParams } from '@/components/ui/use-list-params';
import { deleteViewAction, saveViewAction } from '@/lib/admin/saved-views/actions';
import { type SavedViewDto, type SavedViewListName, viewQuery } from '@/lib/admin/saved-views/query';

/**
 * A list's saved views: pick one to see the list as it was saved (filters, sort, columns); save what is on screen
 * under a name (the same name replaces it); delete the one shown. Kept per staff member, on the server, so they
 * follow them from one device to another.
 */
export function SavedViews({ list, views }: { list: SavedViewListName; views: SavedViewDto[] }) {
  const { params, navigate, pending } = useListParams();
  const notify = useToast();
  const current = viewQuery(list, params.toString());
  const active = views.find((view) => view.query === current) ?? null;
  const [open, setOpen] = useState(false);
  const [saved, saveAction, saving] = useActionState(saveViewAction, null);
  const [deleted, deleteAction, deleting] = useActionState(deleteViewAction, null);

  const [settledSave, setSettledSave] = useState(saved);
  if (saved !== settledSave) {
    setSettledSave(saved);
    if (saved?.ok) setOpen(false);
  }
  useEffect(() => {
    if (saved?.ok) notify?.success(saved.message ?? 'View saved.');
  }, [saved, notify]);
  useEffect(() => {
    if (deleted?.ok) notify?.success(deleted.message ?? 'View deleted.');
    else if (deleted && !deleted.ok) notify?.error(deleted.message);
  }, [deleted, notify]);

  const selectId = `${list}-saved-view`;
  const nameError = saved && !saved.ok ? (saved.fieldErrors?.name ?? [saved.message]) : undefined;

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={selectId} className="block text-sm font-medium">
          Saved view
        </label>
        <select
          id={selectId}
          value={active?.id ?? ''}
          aria-busy={pending}
          onChange={(event) => {
            const view = views.find((candidate) => candidate.id === event.target.value);
            navigate(view ? view.query : '');
          }}
          className="mt-1 block rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm"
        >
          <option value="">{views.length === 0 ? 'None saved yet' : 'All (no view)'}</option>
          {views.map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
        Save view
      </button>
      {active ? (
        <form action={deleteAction}>
          <input type="hidden" name="id" value={active.id} />
          <SubmitButton variant="secondary" pendingLabel="Deleting…" pending={deleting}>
            {`Delete view “${active.name}”`}
          </SubmitButton>
        </form>
      ) : null}
      <Dialog open={open} onOpenChange={setOpen} title="Save view" description="Saves this list's filters, sort and columns under a name, for you on any device.">
        <form action={saveAction} aria-label="Save view" className="space-y-3">
          <input type="hidden" name="list" value={list} />
          <input type="hidden" name="query" value={current} />
          <div>
            <label htmlFor={`${list}-view-name`} className="block text-sm font-medium">
              View name
            </label>
            <input
              id={`${list}-view-name`}
              name="name"
              required
              maxLength={60}
              defaultValue={active?.name ?? ''}
              aria-describedby={nameError ? `${list}-view-name-error` : undefined}
              aria-invalid={nameError ? true : undefined}
              className="mt-1 block w-full rounded-md border border-zinc-300 px-3 py-2 text-sm"
            />
            <FieldError id={`${list}-view-name-error`} errors={nameError} />
          </div>
          {saved?.ok && !notify ? <FormMessage status="success" message={saved.message ?? ''} /> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-50">
              Cancel
            </button>
            <SubmitButton pendingLabel="Saving…" pending={saving}>
              Save
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
