import type { FieldSpec } from '@/components/ui/action-form';
import type { PromotionView as Promotion } from '@/lib/promotions/types';
import { money, toDecimalString } from '@/lib/money';

const localInput = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : undefined);

type Choice = { value: string; label: string };

/** The promotion form's fields, filled from an existing promotion when editing. */
export function promotionFields(currency: string, choices: { products: Choice[]; categories: Choice[]; groups: Choice[] }, promotion?: Promotion): FieldSpec[] {
  const action = promotion?.action;
  const amount = (cents: number) => toDecimalString(money(cents, promotion?.currency ?? currency));
  return [
    ...(promotion ? [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: promotion.id }] : []),
    { name: 'title', label: 'Name shoppers see', defaultValue: promotion?.title, hint: 'Shown in the cart and on the order, e.g. "Buy 2 socks get 1 free".' },
    {
      name: 'actionKind',
      label: 'What it gives',
      type: 'select',
      defaultValue: promotion?.actionKind ?? 'percent',
      options: [
        { value: 'percent', label: 'Percentage off' },
        { value: 'fixed', label: `Fixed amount off (${currency})` },
        { value: 'buy_x_get_y', label: 'Buy X get Y' },
        { value: 'tiered', label: 'Tiered: more off as the cart grows' },
        { value: 'free_shipping', label: 'Free shipping' },
      ],
    },
    { name: 'percent', label: 'Percentage off', type: 'number', required: false, defaultValue: action?.kind === 'percent' ? String(action.percent) : undefined, hint: 'For percentage off: 1–100.' },
    { name: 'amount', label: `Amount off (${currency})`, type: 'number', inputMode: 'decimal', required: false, defaultValue: action?.kind === 'fixed' ? amount(action.amountCents) : undefined },
    { name: 'buyQuantity', label: 'Buy (items)', type: 'number', required: false, defaultValue: action?.kind === 'buy_x_get_y' ? String(action.buyQuantity) : undefined },
    { name: 'getQuantity', label: 'Get (items)', type: 'number', required: false, defaultValue: action?.kind === 'buy_x_get_y' ? String(action.getQuantity) : undefined },
    { name: 'getPercent', label: 'Percentage off what they get', type: 'number', required: false, defaultValue: action?.kind === 'buy_x_get_y' ? String(action.getPercent) : undefined, hint: 'Empty or 100: free.' },
    { name: 'maxApplications', label: 'At most this many times per order', type: 'number', required: false, defaultValue: action?.kind === 'buy_x_get_y' ? action.maxApplications?.toString() : undefined },
    {
      name: 'tierBasis',
      label: 'Tiers measured on',
      type: 'select',
      defaultValue: action?.kind === 'tiered' ? action.basis : 'spend',
      options: [
        { value: 'spend', label: `Spend (${currency})` },
        { value: 'quantity', label: 'Number of items' },
      ],
    },
    {
      name: 'tiers',
      label: 'Tiers',
      required: false,
      defaultValue: action?.kind === 'tiered' ? action.tiers.map((tier) => `${action.basis === 'spend' ? amount(tier.threshold) : tier.threshold} = ${tier.percent}`).join(', ') : undefined,
      hint: 'Each step as "threshold = percent", e.g. "100 = 10, 200 = 20".',
    },
    {
      name: 'scope',
      label: 'Applies to',
      type: 'select',
      defaultValue: promotion?.scope ?? 'order',
      options: [
        { value: 'order', label: 'The whole order' },
        { value: 'products', label: 'Some products' },
        { value: 'categories', label: 'Some categories' },
      ],
    },
    { name: 'productIds', label: 'Products', type: 'multiselect', required: false, options: choices.products, chosenLabel: 'Chosen products', placeholder: 'Search products', defaultValue: promotion?.productIds.join(',') },
    { name: 'categoryIds', label: 'Categories', type: 'multiselect', required: false, options: choices.categories, chosenLabel: 'Chosen categories', placeholder: 'Search categories', defaultValue: promotion?.categoryIds.join(',') },
    { name: 'excludeSaleItems', label: 'Leave out items already on sale', type: 'checkbox', defaultChecked: promotion?.excludeSaleItems ?? false },
    {
      name: 'eligibility',
      label: 'Who can get it',
      type: 'select',
      defaultValue: promotion?.eligibility ?? 'everyone',
      options: [
        { value: 'everyone', label: 'Everyone' },
        { value: 'signed_in', label: 'Signed-in customers' },
        { value: 'group', label: 'A customer group' },
        { value: 'first_order', label: 'Signed-in customers on their first order' },
      ],
    },
    { name: 'customerGroupId', label: 'Customer group', type: 'select', required: false, defaultValue: promotion?.customerGroupId ?? '', options: [{ value: '', label: '—' }, ...choices.groups] },
    { name: 'minSubtotal', label: `Minimum subtotal (${currency})`, type: 'number', inputMode: 'decimal', required: false, defaultValue: promotion && promotion.minSubtotalCents > 0 ? amount(promotion.minSubtotalCents) : undefined },
    { name: 'minQuantity', label: 'Minimum items', type: 'number', required: false, defaultValue: promotion && promotion.minQuantity > 0 ? String(promotion.minQuantity) : undefined },
    { name: 'code', label: 'Code', required: false, defaultValue: promotion?.code ?? undefined, hint: 'Empty: applied automatically. With a code: only when the shopper enters it at checkout.' },
    { name: 'stackable', label: 'Combines with other promotions', type: 'checkbox', defaultChecked: promotion?.stackable ?? true, hint: 'When it does not, the shopper gets whichever is worth more: it alone, or the others together.' },
    { name: 'usageLimit', label: 'Usage limit', type: 'number', required: false, defaultValue: promotion?.usageLimit?.toString() },
    { name: 'perCustomerLimit', label: 'Per-customer limit', type: 'number', required: false, defaultValue: promotion?.perCustomerLimit?.toString() },
    { name: 'startsAt', label: 'Starts (UTC)', type: 'datetime', required: false, defaultValue: localInput(promotion?.startsAt ?? null) },
    { name: 'endsAt', label: 'Ends (UTC)', type: 'datetime', required: false, defaultValue: localInput(promotion?.endsAt ?? null) },
    { name: 'isActive', label: 'Active', type: 'checkbox', defaultChecked: promotion ? promotion.isActive : true },
  ];
}
