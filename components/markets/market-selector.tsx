'use client';

import type { Locale } from '@/lib/i18n/config';
import { MarketLanguageOffer } from './market-language-offer';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/http/action-result';

export type MarketChoice = { code: string; name: string; currency: string; countries: string[]; isDefault: boolean };
type Chosen = { market: string; name: string; currency: string; cartMoved: boolean; locale: Locale };

const currencySymbol = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;

export const marketLabel = (market: Pick<MarketChoice, 'name' | 'currency'>) => `${market.name} · ${market.currency} ${currencySymbol(market.currency)}`;

/**
 * The country/currency selector: where the shopper is shopping and so the currency of every price. A plain form (a
 * select and a button), so it works without JavaScript and from the keyboard; the outcome is announced.
 */
export function MarketSelector({ markets, current, action }: { markets: MarketChoice[]; current: string; action: FormAction<Chosen> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations('Market');
  return (
    <form action={formAction} aria-label={t('formLabel')} className="flex flex-wrap items-end gap-2">
      <div className="min-w-0">
        <label htmlFor="market-select" className="block text-sm font-medium text-zinc-900">
          {t('label')}
        </label>
        <select
          id="market-select"
          name="market"
          defaultValue={current}
          key={current}
          className="mt-1 block max-w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm"
        >
          {markets.map((market) => (
            <option key={market.code} value={market.code}>
              {marketLabel(market)}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" pendingLabel={t('updating')} pending={pending} className="min-h-10">
        {t('update')}
      </SubmitButton>
      {state ? (
        <div className="w-full">
          <FormMessage status={state.ok ? 'success' : 'error'} message={state.ok ? (state.message ?? 'Updated.') : state.message} />
          {state.ok ? <MarketLanguageOffer locale={state.data.locale} /> : null}
        </div>
      ) : null}
    </form>
  );
}
