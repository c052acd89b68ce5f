import { FieldError } from '@/components/ui/form-message';

// A gift card's recipient, asked on its product page: the card (and its code) is emailed to them when the order is
// paid. Left empty, the card goes to the buyer.

const FIELD = 'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2';

export function GiftCardRecipientFields({ errors }: { errors?: Record<string, string[]> }) {
  const field = (name: 'email' | 'name' | 'message', label: string, options: { type?: string; autoComplete?: string; textarea?: boolean; maxLength: number }) => {
    const id = `gift-card-recipient-${name}`;
    const messages = errors?.[`recipient.${name}`];
    const common = {
      id,
      name: `recipient.${name}`,
      maxLength: options.maxLength,
      'aria-invalid': messages ? true : undefined,
      'aria-describedby': messages ? `${id}-error` : undefined,
      className: FIELD,
    };
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        {options.textarea ? <textarea {...common} rows={3} /> : <input {...common} type={options.type ?? 'text'} autoComplete={options.autoComplete ?? 'off'} />}
        <FieldError id={`${id}-error`} errors={messages} />
      </div>
    );
  };
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3">
      <legend className="px-1 text-sm font-semibold">Send it as a gift</legend>
      <p className="text-sm text-zinc-600">We email the gift card to the recipient once the order is paid. Leave the email empty to receive it yourself.</p>
      {field('email', 'Recipient email', { type: 'email', maxLength: 254 })}
      {field('name', 'Recipient name', { maxLength: 100 })}
      {field('message', 'Message (optional)', { textarea: true, maxLength: 500 })}
    </fieldset>
  );
}
