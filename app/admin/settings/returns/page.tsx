import { SettingsHeader } from '@/components/admin/settings/settings-header';
import { ActionForm } from '@/components/ui/action-form';
import { requireStaffPage } from '@/lib/admin/guard';
import { updateReturnPolicyAction } from '@/lib/admin/returns/actions';
import { toDecimalString, money } from '@/lib/money';
import { getReturnPolicy } from '@/lib/returns/service';

export const metadata = { title: 'Return policy' };

export default async function ReturnPolicyPage() {
  await requireStaffPage('admin', '/admin/settings/returns');
  const policy = await getReturnPolicy();
  return (
    <div className="max-w-3xl space-y-6">
      <SettingsHeader title="Returns" />
      <section aria-label="Return policy" className="rounded-lg border border-zinc-200 bg-white p-5">
        <ActionForm
          action={updateReturnPolicyAction}
          label="Return policy"
          idPrefix="returns"
          fields={[
            { name: 'returnWindowDays', label: 'Return window (days after delivery)', type: 'number', defaultValue: String(policy.windowDays), hint: 'Counted from delivery, or from shipping when delivery was not recorded.' },
            { name: 'returnReasons', label: 'Reasons customers choose from', defaultValue: policy.reasons.join('; '), hint: 'Separate them with semicolons.' },
            { name: 'returnShippingFee', label: `Return shipping fee (${policy.currency})`, inputMode: 'decimal', defaultValue: toDecimalString(money(policy.shippingFeeCents, policy.currency)), hint: 'Deducted from refunds; 0 for free returns.' },
            {
              name: 'returnRefundDestination',
              label: 'Refunds go to',
              type: 'select',
              defaultValue: policy.refundDestination,
              options: [
                { value: 'original_payment', label: 'The original payment' },
                { value: 'store_credit', label: 'Store credit' },
                { value: 'customer_choice', label: "The customer's choice" },
              ],
            },
          ]}
          submitLabel="Save return policy"
          pendingLabel="Saving…"
        />
        <p className="mt-4 text-sm text-zinc-600">Whether a product can be returned at all is set on the product (Returnable, on by default).</p>
      </section>
    </div>
  );
}
