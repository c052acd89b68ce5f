'use client';

import { useTranslations } from 'next-intl';
import type { MouseEvent } from 'react';
import { Link } from '@/components/ui/link';
import { selectionParams } from '@/lib/catalog/variant-matrix';
import { useVariantSelection } from './variant-selection';


/**
 * One link per option value. Its address names the exact variant (the server renders that page, so picking works
 * without JavaScript and in a new tab); with JavaScript a plain click changes the variant in place instead
 * (./variant-selection.tsx). Combinations that don't exist or are sold out are shown as such; the purchase form
 * refuses them.
 */
export function VariantPicker({ slug }: { slug: string }) {
  const { options, selection, choose } = useVariantSelection();
  const t = useTranslations('Product');
  const stateNote = { available: '', sold_out: t('stateSoldOut'), unavailable: t('stateUnavailable') } as const;
  return (
    <div className="space-y-4">
      {options.map((option) => (
        <fieldset key={option.name}>
          <legend className="mb-2 text-sm font-medium">
            {option.name}: <span className="font-normal">{selection[option.name] ?? t('choose')}</span>
          </legend>
          <ul className="flex flex-wrap gap-2">
            {option.values.map((value) => {
              const href = `/products/${slug}?${selectionParams(selection, { name: option.name, value: value.value })}`;
              const base = 'inline-flex min-h-10 min-w-12 items-center justify-center rounded-md border px-3 py-1.5 text-sm';
              // Sold-out and missing combinations stay legible (zinc-600 on white is 7.2:1); the dashed border and
              // the strike-through say they cannot be bought, and the accessible name says why.
              const look = value.selected
                ? 'border-zinc-900 bg-zinc-900 text-white'
                : value.state === 'available'
                  ? 'border-zinc-300 hover:border-zinc-900'
                  : 'border-dashed border-zinc-400 text-zinc-600 line-through hover:border-zinc-900';
              const pick = (event: MouseEvent<HTMLAnchorElement>) => {
                // A new tab or window (modifier keys, middle button) still follows the link.
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                choose(option.name, value.value);
              };
              return (
                <li key={value.value}>
                  <Link
                    href={href}
                    scroll={false}
                    replace
                    onClick={pick}
                    aria-current={value.selected ? 'true' : undefined}
                    aria-label={`${option.name} ${value.value}${stateNote[value.state]}`}
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
