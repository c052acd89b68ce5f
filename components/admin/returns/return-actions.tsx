import { ActionForm } from '@/components/ui/action-form';
import { approveReturnAction, completeReturnAction, receiveReturnAction, rejectReturnAction } from '@/lib/admin/returns/actions';
import type { ReturnDetail } from '@/lib/returns/types';

// The staff moves a return allows in its state. Each is one service call that moves it once, whoever else clicks.

export function ReturnActions({ detail, canRefund }: { detail: ReturnDetail; canRefund: boolean }) {
  const hidden = { name: 'number', label: 'Return', type: 'hidden' as const, defaultValue: detail.number };
  if (detail.status === 'requested') {
    return (
      <div className="flex flex-col gap-6">
        <ActionForm action={approveReturnAction} label="Approve return" idPrefix="approve" fields={[hidden]} submitLabel="Approve return" pendingLabel="Approving…" />
        <ActionForm
          action={rejectReturnAction}
          label="Reject return"
          idPrefix="reject"
          fields={[hidden, { name: 'reason', label: 'Reason for rejecting (sent to the customer)' }]}
          submitLabel="Reject return"
          pendingLabel="Rejecting…"
          variant="secondary"
        />
      </div>
    );
  }
  if (detail.status === 'approved') {
    return (
      <div className="flex flex-col gap-6">
        <ActionForm
          action={receiveReturnAction}
          label="Receive return"
          idPrefix="receive"
          fields={[
            hidden,
            ...detail.lines.map((line) => ({
              name: `disposition_${line.id}`,
              label: `${line.quantity} × ${line.productTitle} (${line.variantTitle})`,
              type: 'select' as const,
              defaultValue: 'restock',
              options: [
                { value: 'restock', label: 'Restock' },
                { value: 'write_off', label: 'Write off (damaged)' },
              ],
            })),
          ]}
          submitLabel="Mark received"
          pendingLabel="Receiving…"
        />
        <ActionForm action={rejectReturnAction} label="Reject return" idPrefix="reject" fields={[hidden, { name: 'reason', label: 'Reason for rejecting (sent to the customer)' }]} submitLabel="Reject return" pendingLabel="Rejecting…" variant="secondary" />
      </div>
    );
  }
  if (detail.status === 'received') {
    if (!canRefund) return <p className="text-sm text-zinc-600">An admin completes the return (it pays money back).</p>;
    return (
      <ActionForm
        action={completeReturnAction}
        label="Complete return"
        idPrefix="complete"
        fields={[
          hidden,
          {
            name: 'refundMethod',
            label: 'Refund to',
            type: 'select',
            defaultValue: detail.refundMethod,
            options: [
              { value: 'original_payment', label: 'Original payment' },
              { value: 'store_credit', label: 'Store credit' },
            ],
          },
        ]}
        submitLabel="Complete return"
        pendingLabel="Completing…"
      />
    );
  }
  return null;
}
