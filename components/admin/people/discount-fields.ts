import type { FieldSpec } from '@/components/ui/action-form';
import type { DiscountView } from '@/lib/discounts/service';
import { money, toDecimalString } from '@/lib/money';

const localInput = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : undefined);

/** The discount form's fields, filled from an existing discount when editing. */
export function discountFields(currency: string, discount?: DiscountView): FieldSpec[] {
  const value =
    discount?.type === 'fixed_amount'
      ? toDecimalString(money(discount.value, discount.currency))
      : discount?.type === 'percentage'
        ? String(discount.value)
        : undefined;
  return [
    ...(discount ? [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: discount.id }] : []),
    { name: 'code', label: 'Code', defaultValue: discount?.code, hint: 'Shoppers may type it in any case; stored in capitals.' },
    { name: 'description', label: 'Description', required: false, defaultValue: discount?.description },
    {
      name: 'type',
      label: 'Type',
      type: 'select',
      defaultValue: discount?.type ?? 'percentage',
      options: [
        { value: 'percentage', label: 'Percentage off' },
        { value: 'fixed_amount', label: `Fixed amount off (${currency})` },
        { value: 'free_shipping', label: 'Free shipping' },
      ],
    },
    { name: 'value', label: 'Value', type: 'number', inputMode: 'decimal', required: false, defaultValue: value, hint: 'Percent (1–100) or amount; leave empty for free shipping.' },
    {
      name: 'minSubtotal',
      label: `Minimum subtotal (${currency})`,
      type: 'number',
      inputMode: 'decimal',
      required: false,
      defaultValue: discount && discount.minSubtotalCents > 0 ? toDecimalString(money(discount.minSubtotalCents, discount.currency)) : undefined,
    },
    { name: 'usageLimit', label: 'Usage limit', type: 'number', required: false, defaultValue: discount?.usageLimit?.toString() },
    { name: 'perCustomerLimit', label: 'Per-customer limit', type: 'number', required: false, defaultValue: discount?.perCustomerLimit?.toString() },
    { name: 'startsAt', label: 'Starts (UTC)', type: 'datetime', required: false, defaultValue: localInput(discount?.startsAt ?? null) },
    { name: 'endsAt', label: 'Ends (UTC)', type: 'datetime', required: false, defaultValue: localInput(discount?.endsAt ?? null) },
    { name: 'isActive', label: 'Active', type: 'checkbox', defaultChecked: discount ? discount.isActive : true },
  ];
}
