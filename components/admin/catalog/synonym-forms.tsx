'use client';

import { ActionForm } from '@/components/ui/action-form';
import { createSynonymGroupAction, deleteSynonymGroupAction, updateSynonymGroupAction } from '@/lib/admin/search/actions';

export type SynonymGroupView = { id: string; terms: string[] };

const TERMS_HINT = 'Separated by commas, e.g. sneakers, trainers.';

export function CreateSynonymGroupForm() {
  return (
    <ActionForm
      action={createSynonymGroupAction}
      label="New synonym group"
      idPrefix="new-synonyms"
      fields={[{ name: 'terms', label: 'Terms', hint: TERMS_HINT }]}
      submitLabel="Add synonyms"
      pendingLabel="Adding…"
    />
  );
}

export function SynonymGroupRow({ group }: { group: SynonymGroupView }) {
  const terms = group.terms.join(', ');
  return (
    <li className="flex flex-wrap items-end gap-3 border-b border-zinc-100 py-3">
      <ActionForm
        action={updateSynonymGroupAction}
        label={`Synonyms: ${terms}`}
        idPrefix={`synonyms-${group.id}`}
        layout="inline"
        variant="secondary"
        fields={[
          { name: 'id', label: 'Group', type: 'hidden', defaultValue: group.id },
          { name: 'terms', label: `Terms of “${terms}”`, defaultValue: terms },
        ]}
        submitLabel="Save"
        pendingLabel="Saving…"
      />
      <ActionForm
        action={deleteSynonymGroupAction}
        label={`Delete the synonyms ${terms}`}
        idPrefix={`delete-synonyms-${group.id}`}
        layout="inline"
        variant="secondary"
        fields={[{ name: 'id', label: 'Group', type: 'hidden', defaultValue: group.id }]}
        submitLabel="Delete"
        pendingLabel="Deleting…"
      />
    </li>
  );
}
