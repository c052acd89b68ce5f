'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { createSynonymGroupAction, deleteSynonymGroupAction, updateSynonymGroupAction } from '@/lib/admin/search/actions';
import { type FormState, toFormState } from '@/lib/http/form-state';

const idle = { status: 'idle' } as FormState;
const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-1.5';

export type SynonymGroupView = { id: string; terms: string[] };

export function CreateSynonymGroupForm() {
  const [state, action, pending] = useActionState(
    async (_p: FormState, fd: FormData) => toFormState(await createSynonymGroupAction(fd), fd, 'Synonyms added.'),
    idle,
  );
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const typed = state.status === 'error' ? state.values?.terms : undefined;
  return (
    <form action={action} aria-label="New synonym group" className="grid max-w-xl gap-3">
      <div>
        <label htmlFor="new-terms" className="block text-sm font-medium">
          Terms <span className="font-normal text-zinc-500">(separated by commas, e.g. sneakers, trainers)</span>
        </label>
        <input
          id="new-terms"
          name="terms"
          required
          // A failed save keeps what was typed; the key remounts the field with it.
          key={typed ?? 'new'}
          defaultValue={typed ?? ''}
          className={input}
          aria-invalid={errors.terms ? true : undefined}
          aria-describedby={errors.terms ? 'new-terms-error' : undefined}
        />
        <FieldError id="new-terms-error" errors={errors.terms} />
      </div>
      <SubmitButton pendingLabel="Adding…" pending={pending}>Add synonyms</SubmitButton>
      {state.status === 'success' ? <FormMessage status="success" message={state.message} /> : null}
      {state.status === 'error' ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}

export function SynonymGroupRow({ group }: { group: SynonymGroupView }) {
  const [editState, edit, saving] = useActionState(
    async (_p: FormState, fd: FormData) => toFormState(await updateSynonymGroupAction(fd), fd, 'Saved.'),
    idle,
  );
  const [deleteState, remove, removing] = useActionState(
    async (_p: FormState, fd: FormData) => toFormState(await deleteSynonymGroupAction(fd), fd, 'Deleted.'),
    idle,
  );
  const errors = editState.status === 'error' ? (editState.fieldErrors ?? {}) : {};
  const typed = editState.status === 'error' ? editState.values?.terms : undefined;
  const fieldId = `terms-${group.id}`;
  const label = group.terms.join(', ');
  return (
    <li className="border-b border-zinc-100 py-3">
      <div className="flex flex-wrap items-end gap-2">
        <form action={edit} aria-label={`Synonyms: ${label}`} className="flex min-w-0 flex-1 flex-wrap items-end gap-2">
          <input type="hidden" name="id" value={group.id} />
          <div className="min-w-0 flex-1">
            <label htmlFor={fieldId} className="sr-only">
              Terms of the group {label}
            </label>
            <input
              id={fieldId}
              name="terms"
              key={typed ?? label}
              defaultValue={typed ?? label}
              required
              className={input}
              aria-invalid={errors.terms ? true : undefined}
              aria-describedby={errors.terms ? `${fieldId}-error` : undefined}
            />
          </div>
          <SubmitButton variant="secondary" pendingLabel="Saving…" pending={saving}>
            Save <span className="sr-only">{label}</span>
          </SubmitButton>
        </form>
        <form action={remove}>
          <input type="hidden" name="id" value={group.id} />
          <SubmitButton variant="secondary" pendingLabel="Deleting…" pending={removing}>
            Delete <span className="sr-only">{label}</span>
          </SubmitButton>
        </form>
      </div>
      <FieldError id={`${fieldId}-error`} errors={errors.terms} />
      {editState.status === 'success' ? <FormMessage status="success" message={editState.message} /> : null}
      {editState.status === 'error' && !errors.terms ? <FormMessage status="error" message={editState.message} /> : null}
      {deleteState.status === 'error' ? <FormMessage status="error" message={deleteState.message} /> : null}
    </li>
  );
}
