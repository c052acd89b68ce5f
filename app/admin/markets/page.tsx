import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { marketFields, ROUNDING_LABELS } from '@/components/admin/markets/market-fields';
import { saveMarketAction } from '@/lib/admin/markets/actions';
import { requireStaffPage } from '@/lib/admin/guard';
import { listMarkets } from '@/lib/markets/queries';

export const metadata = { title: 'Markets' };

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function describeCountries(countries: string[], isDefault: boolean): string {
  const named = countries.slice(0, 3).map((code) => regionNames.of(code) ?? code);
  const more = countries.length > 3 ? ` and ${countries.length - 3} more` : '';
  const list = named.length > 0 ? `${named.join(', ')}${more}` : '—';
  return isDefault ? `${list}; every other country` : list;
}

export default async function MarketsPage() {
  await requireStaffPage('admin', '/admin/markets');
  const markets = await listMarkets();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Markets</h1>
      <p className="max-w-3xl text-sm text-zinc-700">
        A market is the countries a shopper can be in and the currency they pay in. Prices come from each product’s price in the store currency, converted
        at the market’s rate and rounded by its rule, unless a price is set for the market explicitly.
      </p>
      <ScrollRegion label="Markets, table">
        <table className="w-full bg-white text-sm">
          <thead>
            <tr className="border-b border-zinc-200 text-left">
              <th scope="col" className="p-2">Market</th>
              <th scope="col" className="p-2">Currency</th>
              <th scope="col" className="p-2">Rate</th>
              <th scope="col" className="p-2">Rounding</th>
              <th scope="col" className="p-2">Tax</th>
              <th scope="col" className="p-2">Countries</th>
            </tr>
          </thead>
          <tbody>
            {markets.map((market) => (
              <tr key={market.code} className="border-b border-zinc-100">
                <th scope="row" className="p-2 text-left">
                  {market.id ? (
                    <Link href={`/admin/markets/${market.id}`} className="underline">
                      {market.name}
                    </Link>
                  ) : (
                    market.name
                  )}
                  {market.isDefault ? <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal text-zinc-700">Default</span> : null}
                </th>
                <td className="p-2">{market.currency}</td>
                <td className="p-2 font-mono">{market.isDefault ? '1' : market.exchangeRate.replace(/\.?0+$/, '')}</td>
                <td className="p-2">{ROUNDING_LABELS[market.roundingRule]}</td>
                <td className="p-2">{market.taxDisplay === 'inclusive' ? 'Included' : 'Added at checkout'}</td>
                <td className="p-2">{describeCountries(market.countries, market.isDefault)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <section aria-labelledby="new-market-heading" className="max-w-2xl rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="new-market-heading" className="mb-3 text-lg font-semibold">
          New market
        </h2>
        <ActionForm
          action={saveMarketAction}
          label="New market"
          idPrefix="new-market"
          fields={marketFields()}
          submitLabel="Create market"
          pendingLabel="Creating…"
          successMessage="Market created."
        />
      </section>
    </div>
  );
}
