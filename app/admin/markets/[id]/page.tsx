import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionForm } from '@/components/ui/action-form';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { EmptyState } from '@/components/admin/people/pager';
import { marketFields } from '@/components/admin/markets/market-fields';
import { deleteMarketAction, removeMarketPriceAction, saveMarketAction, setMarketPriceAction } from '@/lib/admin/markets/actions';
import { requireStaffPage } from '@/lib/admin/guard';
import { formatMoney, money } from '@/lib/money';
import { convertAmount } from '@/lib/markets/pricing';
import { getMarketById, listMarketPrices } from '@/lib/markets/queries';

export const metadata = { title: 'Market' };

export default async function MarketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffPage('admin', `/admin/markets/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const market = await getMarketById(id);
  if (!market) notFound();
  const prices = market.isDefault ? [] : await listMarketPrices(id);
  return (
    <div className="max-w-3xl space-y-8">
      <p className="text-sm">
        <Link href="/admin/markets" className="underline">
          ← Markets
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">{market.name}</h1>
      {market.isDefault ? (
        <p className="text-sm text-zinc-700">
          The default market sells in the store currency ({market.currency}) at the products’ own prices; its currency and tax display are in{' '}
          <Link href="/admin/settings" className="underline">
            Settings
          </Link>
          .
        </p>
      ) : null}
      <section aria-labelledby="market-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="market-heading" className="mb-3 text-lg font-semibold">
          Market
        </h2>
        <ActionForm
          action={saveMarketAction}
          label="Edit market"
          idPrefix="market"
          fields={marketFields(market)}
          submitLabel="Save market"
          pendingLabel="Saving…"
          successMessage="Market saved."
        />
      </section>

      {market.isDefault ? null : (
        <section aria-labelledby="prices-heading" className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5">
          <h2 id="prices-heading" className="text-lg font-semibold">
            Prices in {market.currency}
          </h2>
          <p className="text-sm text-zinc-700">A price set here replaces the converted price of that variant in this market.</p>
          {prices.length === 0 ? (
            <EmptyState>No explicit prices: every price is converted.</EmptyState>
          ) : (
            <ScrollRegion label={`Prices in ${market.name}, table`}>
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-zinc-200 text-left">
                    <th scope="col" className="p-2">Variant</th>
                    <th scope="col" className="p-2">Price</th>
                    <th scope="col" className="p-2">Converted would be</th>
                    <th scope="col" className="p-2">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {prices.map((price, index) => (
                    <tr key={price.variantId} className="border-b border-zinc-100">
                      <th scope="row" className="p-2 text-left font-normal">
                        {price.productTitle} <span className="text-zinc-600">({price.variantTitle})</span>
                        <span className="block font-mono text-xs text-zinc-600">{price.sku}</span>
                      </th>
                      <td className="p-2">
                        {formatMoney(money(price.priceCents, price.currency))}
                        {price.compareAtPriceCents !== null ? <s className="ml-2 text-zinc-500">{formatMoney(money(price.compareAtPriceCents, price.currency))}</s> : null}
                        {price.currency !== market.currency ? <span className="block text-xs text-red-700">In {price.currency}: not used since the market changed currency</span> : null}
                      </td>
                      <td className="p-2">{formatMoney(money(convertAmount(price.basePriceCents, price.baseCurrency, market), market.currency))}</td>
                      <td className="p-2">
                        <ActionForm
                          action={removeMarketPriceAction}
                          label={`Remove the price of ${price.sku}`}
                          idPrefix={`remove-price-${index}`}
                          fields={[
                            { name: 'marketId', label: '', type: 'hidden', defaultValue: market.id ?? '' },
                            { name: 'variantId', label: '', type: 'hidden', defaultValue: price.variantId },
                          ]}
                          submitLabel={`Remove ${price.sku}`}
                          pendingLabel="Removing…"
                          variant="secondary"
                          successMessage={`Price of ${price.sku} removed.`}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <h3 className="font-semibold">Set a price</h3>
          <ActionForm
            action={setMarketPriceAction}
            label="Set a price"
            idPrefix="market-price"
            fields={[
              { name: 'marketId', label: '', type: 'hidden', defaultValue: market.id ?? '' },
              { name: 'sku', label: 'Variant SKU' },
              { name: 'price', label: `Price (${market.currency})`, inputMode: 'decimal' },
              { name: 'compareAtPrice', label: `Compare-at price (${market.currency})`, inputMode: 'decimal', required: false, hint: 'Optional: shown struck through.' },
            ]}
            submitLabel="Set price"
            pendingLabel="Saving…"
            successMessage="Price set."
          />
        </section>
      )}

      {market.isDefault ? null : (
        <ActionForm
          action={deleteMarketAction}
          label="Delete market"
          idPrefix="market-delete"
          fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: market.id ?? '' }]}
          submitLabel="Delete market"
          pendingLabel="Deleting…"
          variant="secondary"
          successMessage="Market deleted."
        />
      )}
    </div>
  );
}
