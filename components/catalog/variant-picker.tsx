import { Link } from '@/components/ui/link';
import type { PickerOption } from '@/lib/catalog/variant-matrix';
import { selectionParams } from '@/lib/catalog/variant-matrix';

const STATE_NOTE = { available: '', sold_out: ' (sold out)', unavailable: ' (not available)' } as const;

/**
 * One link per option value: picking is a navigation, so it works without JavaScript and the URL names the exact
 * variant. Combinations that don't exist or are sold out are shown as such; the purchase form refuses them.
 */
export function VariantPicker({ slug, options, selection }: { slug: string; options: PickerOption[]; selection: Record<string, string> }) {
  return (
    <div className="space-y-4">
      {options.map((option) => (
        <fieldset key={option.name}>
          <legend className="mb-2 text-sm font-medium">
            {option.name}: <span className="font-normal">{selection[option.name] ?? 'choose'}</span>
          </legend>
          <ul className="flex flex-wrap gap-2">
            {option.values.map((value) => {
              const href = `/products/${slug}?${selectionParams(selection, { name: option.name, value: value.value })}`;
              const base = 'inline-flex min-w-12 items-center justify-center rounded-md border px-3 py-1.5 text-sm';
              const look = value.selected
                ? 'border-zinc-900 bg-zinc-900 text-white'
                : value.state === 'available'
                  ? 'border-zinc-300 hover:border-zinc-900'
                  : 'border-dashed border-zinc-300 text-zinc-400 line-through';
              return (
                <li key={value.value}>
                  <Link
                    href={href}
                    scroll={false}
                    replace
                    aria-current={value.selected ? 'true' : undefined}
                    aria-label={`${option.name} ${value.value}${STATE_NOTE[value.state]}`}
                    className={`${base} ${look}`}
                  >
                    {value.value}
                  </Link>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
