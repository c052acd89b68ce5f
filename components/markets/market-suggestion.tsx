'use client';

import type { Locale } from '@/lib/i18n/config';
import { useActionState, useSyncExternalStore } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/http/action-result';
import { readMarketCookie } from '@/lib/http/market-cookie';
import type { MarketChoice } from './market-selector';

type Chosen = { market: string; name: string; currency: string; cartMoved: boolean; locale: Locale };

// A first visit's suggestion: the shopper's own languages (navigator.languages — what the browser sends as
// Accept-Language) name a country of another market, so the store offers it. It never switches by itself, and never
// from the client's IP; answering either way sets the market cookie, and the suggestion is not shown again. Client
// only, so the cached page stays the same for every visitor of a market.

/** A language without a region, read as the country where it is mostly spoken (English says nothing). */
const LANGUAGE_COUNTRY: Record<string, string> = { de: 'DE', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', pt: 'PT', fi: 'FI', el: 'GR', sk: 'SK', sl: 'SI', et: 'EE', lv: 'LV', lt: 'LT', mt: 'MT', hr: 'HR', bg: 'BG', ga: 'IE' };

function suggestedCountry(languages: readonly string[]): string | null {
  for (const tag of languages) {
    const [language, ...rest] = tag.split('-');
    const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part));
    if (region) return region.toUpperCase();
    const country = LANGUAGE_COUNTRY[(language ?? '').toLowerCase()];
    if (country) return country;
  }
  return null;
}

const subscribe = () => () => {};
const hasChosen = () => readMarketCookie() !== null;

export function MarketSuggestion({ markets, current, action }: { markets: MarketChoice[]; current: string; action: FormAction<Chosen> }) {
  // null on the server and until hydrated: the suggestion is the browser's own business.
  const suggestion = useSyncExternalStore(
    subscribe,
    () => {
      if (hasChosen()) return null;
      const country = suggestedCountry(navigator.languages?.length ? navigator.languages : [navigator.language]);
      const market = country ? markets.find((candidate) => !candidate.isDefault && candidate.countries.includes(country)) : undefined;
      return market && market.code !== current ? `${market.code}|${country}` : null;
    },
    () => null,
  );
  const [state, formAction, pending] = useActionState(action, null);
  if (!suggestion || state?.ok) return null;
  const [code, country] = suggestion.split('|') as [string, string];
  const market = markets.find((candidate) => candidate.code === code)!;
  const stay = markets.find((candidate) => candidate.code === current)!;
  const countryName = new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country;
  return (
    <section aria-label="Suggested market" className="border-b border-brand-600/30 bg-brand-50">
      <form action={formAction} className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3 text-sm">
        <p className="min-w-0 flex-1">
          Shopping from {countryName}? See prices in {market.currency} for {market.name}.
        </p>
        <div className="flex flex-wrap gap-2">
          <SubmitButton name="market" value={market.code} pendingLabel="Switching…" pending={pending} className="min-h-10">
            Shop in {market.currency}
          </SubmitButton>
          <SubmitButton name="market" value={stay.code} variant="secondary" pendingLabel="Saving…" pending={pending} className="min-h-10">
            Stay in {stay.currency}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
