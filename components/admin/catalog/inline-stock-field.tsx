'use client';

import { useRef, useState, useTransition } from 'react';
import { useToast } from '@/components/ui/toast-context';
import { setStockAction } from '@/lib/admin/inventory/actions';

/**
 * A variant's stock, editable in the inventory list: Enter or leaving the field saves it as a "set to" (the change is
 * worked out against the stock at that moment, ledgered and audited); Escape puts back the saved number. The outcome
 * is a toast, a refusal is shown under the field.
 */
export function InlineStockField({ variantId, sku, stock, low }: { variantId: string; sku: string; stock: number; low: boolean }) {
  const [saved, setSaved] = useState(stock);
  const [value, setValue] = useState(String(stock));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // The last value sent, so Enter followed by the blur it causes does not save twice.
  const sent = useRef<string | null>(null);
  const notify = useToast();
  const id = `stock-${variantId}`;

  // The server's number wins when the list is refreshed (another tab, an order).
  const [shown, setShown] = useState(stock);
  if (stock !== shown) {
    setShown(stock);
    setSaved(stock);
    setValue(String(stock));
  }

  function save() {
    const typed = value.trim();
    if (typed === String(saved) || typed === sent.current) return;
    sent.current = typed;
    const form = new FormData();
    form.set('variantId', variantId);
    form.set('quantity', typed);
    startTransition(async () => {
      const result = await setStockAction(null, form);
      sent.current = null;
      if (result.ok) {
        setError(null);
        setSaved(result.data.stockOnHand);
        setValue(String(result.data.stockOnHand));
        if (notify) notify.success(`${sku}: ${result.message ?? 'Stock saved.'}`);
      } else {
        setError(result.fieldErrors?.quantity?.join(' ') ?? result.message);
      }
    });
  }

  return (
    <div className="flex flex-col items-end">
      <div className="flex items-center justify-end gap-2">
        {pending ? (
          <span role="status" className="text-xs text-zinc-600">
            Saving…
          </span>
        ) : null}
        <input
          id={id}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          aria-label={`Stock, ${sku}`}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              save();
            } else if (event.key === 'Escape') {
              setValue(String(saved));
              setError(null);
            }
          }}
          aria-busy={pending || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`w-24 rounded-md border px-2 py-1 text-right tabular-nums ${error ? 'border-red-600' : 'border-zinc-300'} ${low ? 'font-semibold text-red-700' : ''}`}
        />
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 max-w-48 text-right text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
