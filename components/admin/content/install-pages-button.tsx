'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { installStandardPagesAction } from '@/lib/admin/content/actions';

/** Adds whichever of the standard pages (about, shipping and returns, privacy, terms, contact) are missing. */
export function InstallPagesButton() {
  const [state, action, pending] = useActionState(installStandardPagesAction, null);
  return (
    <form action={action} aria-label="Add the standard pages" className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingLabel="Adding…" pending={pending}>
        Add the standard pages
      </SubmitButton>
      {state ? <FormMessage status={state.ok ? 'success' : 'error'} message={state.message ?? 'Done.'} /> : null}
    </form>
  );
}
