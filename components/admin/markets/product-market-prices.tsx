import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { removeMarketPriceAction, setMarketPriceAction } from '@/lib/admin/markets/actions';
import { formatMoney, money } from '@/lib/money';
import { convertAmount } from '@/lib/markets/pricing';
import type { MarketView } from '@/lib/markets/types';

type Variant = { id: string; sku: string; label: string; priceCents: number; compareAtPriceCents: number | null };
type Explicit = { marketId: string; variantId: string; priceCents: number; compareAtPriceCents: number | null; currency: string };

/**
 * The product editor's prices in the other markets: each variant's price there — explicit (set here or by CSV) or
 * converted from the base price by the market's rate and rounding, labelled as such. Whoever edits the product (staff
 * and admins, as with the base price and the CSV import) sets and removes explicit prices in place.
 */
export function ProductMarketPrices(props: { markets: MarketView[]; baseCurrency: string; variants: Variant[]; explicit: Explicit[] }) {
  const markets = props.markets.filter((market) => !market.isDefault && market.id !== null);
  if (markets.length === 0) return null;
  return (
    <section aria-labelledby="market-prices-heading" className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 sm:p-5">
      <div>
        <h2 id="market-prices-heading" className="text-lg font-semibold">
          Prices in other markets
        </h2>
        <p className="text-sm text-zinc-700">
          Converted from the price above by each market’s rate and rounding, unless a price is set for that market. Rates are set under{' '}
          <Link href="/admin/markets" className="underline">
            Markets
          </Link>
          .
        </p>
      </div>
      {markets.map((market) => {
        const marketId = market.id!;
        const fmt = (cents: number) => formatMoney(money(cents, market.currency));
        return (
          <section key={marketId} aria-labelledby={`market-${market.code}-heading`} className="space-y-3 border-t border-zinc-100 pt-3">
            <h3 id={`market-${market.code}-heading`} className="font-semibold">
              {market.name} ({market.currency})
            </h3>
            <ScrollRegion label={`Prices in ${market.name}, table`}>
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-zinc-200 text-left">
                    <th scope="col" className="p-2">Variant</th>
                    <th scope="col" className="p-2">Price in {market.currency}</th>
                    <th scope="col" className="p-2">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {props.variants.map((variant) => {
                    const set = props.explicit.find((price) => price.marketId === marketId && price.variantId === variant.id && price.currency === market.currency);
                    const converted = convertAmount(variant.priceCents, props.baseCurrency, market);
                    return (
                      <tr key={variant.id} className="border-b border-zinc-100">
                        <th scope="row" className="p-2 text-left font-normal">
                          {variant.label}
                          <span className="block font-mono text-xs text-zinc-600">{variant.sku}</span>
                        </th>
                        <td className="p-2">
                          {set ? (
                            <>
                              {fmt(set.priceCents)}
                              {set.compareAtPriceCents !== null ? <s className="ml-2 text-zinc-500">{fmt(set.compareAtPriceCents)}</s> : null}
                              <span className="block text-xs text-zinc-600">Set for this market (converted would be {fmt(converted)})</span>
                            </>
                          ) : (
                            <>
                              {fmt(converted)}
                              <span className="block text-xs text-zinc-600">Converted</span>
                            </>
                          )}
                        </td>
                        <td className="p-2">
                          {set ? (
                            <ActionForm
                              action={removeMarketPriceAction}
                              label={`Use the converted price of ${variant.sku} in ${market.name}`}
                              idPrefix={`remove-${market.code}-${variant.id}`}
                              fields={[
                                { name: 'marketId', label: '', type: 'hidden', defaultValue: marketId },
                                { name: 'variantId', label: '', type: 'hidden', defaultValue: variant.id },
                              ]}
                              submitLabel="Use converted"
                              pendingLabel="Removing…"
                              variant="secondary"
                              successMessage={`${variant.sku} in ${market.name}: converted price again.`}
                            />
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
            <ActionForm
              action={setMarketPriceAction}
              label={`Set a price in ${market.name}`}
              idPrefix={`set-${market.code}`}
              fields={[
                { name: 'marketId', label: '', type: 'hidden', defaultValue: marketId },
                { name: 'sku', label: 'Variant', type: 'select', options: props.variants.map((variant) => ({ value: variant.sku, label: `${variant.label} (${variant.sku})` })) },
                { name: 'price', label: `Price (${market.currency})`, inputMode: 'decimal' },
                { name: 'compareAtPrice', label: `Compare-at price (${market.currency})`, inputMode: 'decimal', required: false, hint: 'Optional: shown struck through.' },
              ]}
              submitLabel={`Set ${market.currency} price`}
              pendingLabel="Saving…"
              successMessage={`Price in ${market.name} set.`}
            />
          </section>
        );
      })}
    </section>
  );
}
