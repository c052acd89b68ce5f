'use client';

import { ActionForm } from '@/components/ui/action-form';
import { setCustomerStatusAction } from '@/lib/admin/customers/actions';

/** Disable / enable a customer account. The label stays put while the page re-renders with the new status. */
export function CustomerAccessForm({ id, status }: { id: string; status: 'active' | 'disabled' }) {
  const disabled = status === 'disabled';
  return (
    <ActionForm
      action={setCustomerStatusAction}
      label="Account access"
      idPrefix="access"
      fields={[
        { name: 'id', label: '', type: 'hidden', defaultValue: id },
        { name: 'status', label: '', type: 'hidden', defaultValue: disabled ? 'active' : 'disabled' },
      ]}
      submitLabel={disabled ? 'Enable account' : 'Disable account and sign out'}
      pendingLabel="Saving…"
      variant="secondary"
      successMessage={(result) =>
        result === 'disabled' ? 'The account is disabled and every session of theirs has ended.' : 'The account is enabled again.'
      }
    />
  );
}
