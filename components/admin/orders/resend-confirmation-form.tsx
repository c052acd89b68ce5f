'use client';

import { ActionForm } from '@/components/ui/action-form';
import { resendOrderConfirmationAction } from '@/lib/admin/orders/actions';

/** "Resend confirmation email": a double-click sends one copy (the service answers a repeat with the first copy). */
export function ResendConfirmationForm({ number }: { number: string }) {
  return (
    <ActionForm
      action={resendOrderConfirmationAction}
      label="Resend confirmation email"
      idPrefix="resend-confirmation"
      fields={[{ name: 'number', label: 'Order', type: 'hidden', defaultValue: number }]}
      submitLabel="Resend confirmation email"
      pendingLabel="Resending…"
      variant="secondary"
      successMessage={(data: { message: string }) => data.message}
    />
  );
}
