'use client';

import { ActionForm, type FieldSpec } from '@/components/ui/action-form';
import { issueGiftCardAction } from '@/lib/admin/gift-cards/actions';

/** Staff issue a card; the code is shown here once (the store keeps only its hash). */
export function IssueGiftCardForm({ currencies }: { currencies: string[] }) {
  const fields: FieldSpec[] = [
    { name: 'currency', label: 'Currency', type: 'select', options: currencies.map((code) => ({ value: code, label: code })), defaultValue: currencies[0], required: true },
    { name: 'amount', label: 'Amount', inputMode: 'decimal', required: true, placeholder: '50.00' },
    { name: 'expiresAt', label: 'Valid until (optional)', hint: 'A date (YYYY-MM-DD); empty: no expiry.', placeholder: 'YYYY-MM-DD' },
    { name: 'recipientEmail', label: 'Email the card to (optional)', type: 'email', autoComplete: 'off' },
    { name: 'recipientName', label: 'Recipient name (optional)' },
    { name: 'message', label: 'Message (optional)' },
    { name: 'note', label: 'Internal note (optional)', hint: 'Why it was issued: kept in the ledger and the audit log.' },
  ];
  return (
    <ActionForm
      action={issueGiftCardAction}
      label="Issue a gift card"
      idPrefix="issue-gift-card"
      fields={fields}
      submitLabel="Issue gift card"
      pendingLabel="Issuing…"
      renderSuccess={(card) => (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm">
          <p>
            Code of the new card (shown once — copy it now): <strong className="select-all font-mono text-base" data-testid="issued-gift-card-code">{card.code}</strong>
          </p>
        </div>
      )}
    />
  );
}
