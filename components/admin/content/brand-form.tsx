'use client';

import { useActionState, useState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { updateStoreBrandAction } from '@/lib/admin/settings/actions';
import { refusal } from '@/lib/http/action-result';
import { contrastWithWhite, HEX_COLOR } from '@/lib/store/brand';
import { ImageUploadField } from './image-upload-field';

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2 text-sm';

export type BrandValues = { logoUrl: string; accentColor: string; contactPhone: string; contactAddress: string; paymentInstructions: string };

type Key = keyof BrandValues;

/** Logo, accent colour and contact details: the storefront's chrome and every email use them. Controlled, so a refused save keeps everything typed. */
export function BrandForm({ initial }: { initial: BrandValues }) {
  const [values, setValues] = useState(initial);
  const [state, action, pending] = useActionState(updateStoreBrandAction, null);
  const { errors } = refusal(state);
  const bind = (key: Key) => ({
    id: `brand-${key}`,
    name: key,
    value: values[key],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value })),
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': [errors[key] ? `brand-${key}-error` : null, `brand-${key}-hint`].filter(Boolean).join(' '),
    className: input,
  });
  const field = (key: Key, label: string, hint: string, control: React.ReactNode) => (
    <div>
      <label htmlFor={`brand-${key}`} className="block text-sm font-medium">
        {label}
      </label>
      {control}
      <p id={`brand-${key}-hint`} className="mt-1 text-xs text-zinc-600">
        {hint}
      </p>
      <FieldError id={`brand-${key}-error`} errors={errors[key]} />
    </div>
  );
  const colourOk = HEX_COLOR.test(values.accentColor);
  const ratio = colourOk ? contrastWithWhite(values.accentColor) : null;
  return (
    <form action={action} aria-label="Brand and contact" className="flex max-w-xl flex-col gap-4" noValidate>
      <div>
        <ImageUploadField
          id="brand-logo"
          name="logoUrl"
          label="Logo"
          purpose="logo"
          value={values.logoUrl}
          onChange={(url) => setValues((current) => ({ ...current, logoUrl: url }))}
          hint="Shown in the store's header and footer and at the top of every email; without one, the store name is. Stored as PNG, at most 800 px wide."
          previewAlt="Current logo"
          previewClassName="h-12 w-auto max-w-full"
        />
        <FieldError id="brand-logoUrl-error" errors={errors.logoUrl} />
      </div>
      {field(
        'accentColor',
        'Accent colour',
        ratio === null ? 'A colour like #2f5fd0.' : `Buttons carry white text on it: contrast ${ratio.toFixed(1)}:1 (at least 4.5:1 needed).`,
        <div className="flex items-center gap-3">
          <input {...bind('accentColor')} className={`${input} max-w-40 font-mono`} />
          {colourOk ? (
            <span className="mt-1 rounded-md px-3 py-2 text-sm font-semibold text-white" style={{ backgroundColor: values.accentColor }} aria-hidden>
              Button
            </span>
          ) : null}
        </div>,
      )}
      {field('contactPhone', 'Phone (optional)', 'Shown in the footer and in emails.', <input {...bind('contactPhone')} type="tel" autoComplete="off" />)}
      {field('contactAddress', 'Address (optional)', 'Shown in the footer and in emails; one line each.', <textarea {...bind('contactAddress')} rows={3} />)}
      {field(
        'paymentInstructions',
        'Payment instructions for manual payment (optional)',
        'Bank details and anything else a shopper who chose to pay later must do. Shown on the order confirmation page and sent as an email of their own (“How to pay for order …”) when the order is placed, with the amount and the order number as the reference.',
        <textarea {...bind('paymentInstructions')} rows={4} />,
      )}
      <div>
        <SubmitButton pendingLabel="Saving…" pending={pending}>
          Save brand and contact
        </SubmitButton>
      </div>
      {state?.ok ? <FormMessage status="success" message={state.message ?? 'Saved.'} /> : null}
      {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
