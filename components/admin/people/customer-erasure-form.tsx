'use client';

import { ActionForm } from '@/components/ui/action-form';
import { eraseCustomerAction } from '@/lib/admin/customers/actions';

/** Erase a customer's personal data on their request; the admin types the customer's email to confirm. */
export function CustomerErasureForm({ id }: { id: string }) {
  return (
    <ActionForm
      action={eraseCustomerAction}
      label="Erase customer"
      idPrefix="erase"
      fields={[
        { name: 'id', label: '', type: 'hidden', defaultValue: id },
        {
          name: 'confirmEmail',
          label: 'Customer’s email address',
          type: 'email',
          autoComplete: 'off',
          hint: 'Erases name, email, password, addresses and carts, and ends their sessions. Orders are kept without personal data. This cannot be undone.',
        },
      ]}
      submitLabel="Erase personal data"
      pendingLabel="Erasing…"
      variant="secondary"
      successMessage={(result) => `Erased. ${result.ordersAnonymised} order(s) anonymised, ${result.addressesDeleted} address(es) deleted. Reload to see the record as it is now.`}
    />
  );
}
