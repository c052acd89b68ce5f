import { FieldError } from '@/components/ui/form-message';

const input = 'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm';

type StockFieldProps = {
  idPrefix: string;
  errors: Record<string, string[] | undefined>;
  values?: Record<string, string | undefined>;
  round?: string;
};

/**
 * "Change by", "Reason" and "Note": the fields of a stock change, one variant's (its page) or many products' at once
 * (the products list's bulk "Adjust stock"). `idPrefix` keeps ids unique; `values` refills a refused form; `round`
 * remounts the fields after each answer so a success clears them.
 */
export function StockChangeFields({ idPrefix, errors, values = {}, round }: StockFieldProps) {
  const id = (name: string) => `${idPrefix}${name}`;
  return (
    <>
      <div>
        <label htmlFor={id('delta')} className="block text-sm font-medium">
          Change by
        </label>
        <input
          id={id('delta')}
          name="delta"
          inputMode="numeric"
          defaultValue={values.delta}
          key={`delta-${round}`}
          aria-describedby={`${id('delta')}-hint${errors.delta ? ` ${id('delta')}-error` : ''}`}
          aria-invalid={errors.delta ? true : undefined}
          className={input}
        />
        <p id={`${id('delta')}-hint`} className="mt-1 text-xs text-zinc-600">
          A positive number adds stock, a negative one removes it (e.g. 12 or -2).
        </p>
        <FieldError id={`${id('delta')}-error`} errors={errors.delta} />
      </div>
      <div>
        <label htmlFor={id('reason')} className="block text-sm font-medium">
          Reason
        </label>
        <select
          id={id('reason')}
          name="reason"
          defaultValue={values.reason ?? 'received'}
          key={`reason-${round}`}
          aria-describedby={errors.reason ? `${id('reason')}-error` : undefined}
          className={input}
        >
          <option value="received">Received</option>
          <option value="returned">Returned</option>
          <option value="damaged">Damaged</option>
          <option value="correction">Correction (count)</option>
        </select>
        <FieldError id={`${id('reason')}-error`} errors={errors.reason} />
      </div>
    </>
  );
}

/** The optional note of a stock change (both ways: change by, set to). */
export function StockNoteField({ idPrefix, errors, values = {}, round }: StockFieldProps) {
  return (
    <div>
      <label htmlFor={`${idPrefix}note`} className="block text-sm font-medium">
        Note <span className="font-normal text-zinc-500">(optional)</span>
      </label>
      <input id={`${idPrefix}note`} name="note" maxLength={500} defaultValue={values.note} key={`note-${round}`} className={input} />
      <FieldError id={`${idPrefix}note-error`} errors={errors.note} />
    </div>
  );
}
