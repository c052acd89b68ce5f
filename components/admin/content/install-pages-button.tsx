'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { installStandardPagesAction } from '@/lib/admin/content/actions';
import type { FormState } from '@/lib/http/form-state';

const idle = { status: 'idle' } as FormState;

/** Adds whichever of the standard pages (about, shipping and returns, privacy, terms, contact) are missing. */
export function InstallPagesButton() {
  const [state, action, pending] = useActionState(async (): Promise<FormState> => {
    const result = await installStandardPagesAction(new FormData());
    if (!result.ok) return { status: 'error', message: result.message };
    return { status: 'success', message: result.data.added === 0 ? 'The standard pages are all here already.' : `Added ${result.data.added} page${result.data.added === 1 ? '' : 's'}: edit them to fit your shop.` };
  }, idle);
  return (
    <form action={action} aria-label="Add the standard pages" className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingLabel="Adding…" pending={pending}>
        Add the standard pages
      </SubmitButton>
      {state.status !== 'idle' ? <FormMessage status={state.status} message={state.message} /> : null}
    </form>
  );
}
