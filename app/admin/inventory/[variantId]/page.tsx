import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdjustStockForm } from '@/components/admin/catalog/adjust-stock-form';
import { DatePicker } from '@/components/ui/date-picker';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { requireStaffPage } from '@/lib/admin/guard';
import { getVariantHistory } from '@/lib/inventory/queries';
import { ledgerFilterSchema } from '@/lib/inventory/schemas';

export const metadata = { title: 'Stock history' };

const REASONS: Record<string, string> = {
  initial: 'Opening stock',
  received: 'Received',
  damaged: 'Damaged',
  correction: 'Correction',
  returned: 'Returned',
  order_placed: 'Order placed',
  order_cancelled: 'Order cancelled',
  exchange_held: 'Held for an exchange',
  exchange_released: 'Exchange released',
};

export default async function VariantStockPage({ params, searchParams }: { params: Promise<{ variantId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { variantId } = await params;
  const raw = await searchParams;
  const filter = ledgerFilterSchema.parse({ from: raw.from, to: raw.to });
  await requireStaffPage('staff', `/admin/inventory/${encodeURIComponent(variantId)}`);
  if (!z.uuid().safeParse(variantId).success) notFound();
  const history = await getVariantHistory(variantId, filter);
  if (!history) notFound();
  const { variant, entries } = history;
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/admin/inventory" className="underline">Inventory</Link></p>
      <h1 className="text-2xl font-bold tracking-tight">{`${variant.productTitle} — ${variant.title}`}</h1>
      <p>
        SKU <span className="font-mono">{variant.sku}</span> · <strong>{variant.stockOnHand}</strong> on hand ·{' '}
        <Link href={`/admin/products/${variant.productId}`} className="underline">Edit product</Link>
      </p>
      <section aria-labelledby="adjust-heading" className="rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="adjust-heading" className="mb-2 text-lg font-semibold">Adjust stock</h2>
        <AdjustStockForm variantId={variant.id} />
      </section>
      <section aria-labelledby="history-heading" className="rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">History</h2>
        <form role="search" aria-label="Filter history by date" action={`/admin/inventory/${variant.id}`} className="mb-4 flex flex-wrap items-end gap-3">
          <DatePicker id="history-from" name="from" label="From" defaultValue={filter.from} max={filter.to} />
          <DatePicker id="history-to" name="to" label="To" defaultValue={filter.to} min={filter.from} />
          <button type="submit" className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-50">Show</button>
          {filter.from || filter.to ? (
            <Link href={`/admin/inventory/${variant.id}`} className="pb-2 text-sm underline">All dates</Link>
          ) : null}
        </form>
        {entries.length === 0 ? (
          <p className="text-sm text-zinc-600">{filter.from || filter.to ? 'No stock movements on these dates.' : 'No stock movements yet.'}</p>
        ) : (
          <ScrollRegion label="Stock history, scrollable">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Stock history, newest first</caption>
            <thead>
              <tr className="border-b border-zinc-200 text-left">
                <th scope="col" className="p-2">When (UTC)</th>
                <th scope="col" className="p-2">Reason</th>
                <th scope="col" className="p-2 text-right">Change</th>
                <th scope="col" className="p-2 text-right">After</th>
                <th scope="col" className="p-2">By</th>
                <th scope="col" className="p-2">Note</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-zinc-100">
                  <td className="p-2">{e.createdAt.toISOString().replace('T', ' ').slice(0, 16)}</td>
                  <td className="p-2">{REASONS[e.reason] ?? e.reason}</td>
                  <td className="p-2 text-right">{e.delta > 0 ? `+${e.delta}` : e.delta}</td>
                  <td className="p-2 text-right">{e.quantityAfter}</td>
                  <td className="p-2">{e.actorEmail ?? (e.orderId ? 'Checkout' : '—')}</td>
                  <td className="p-2">{e.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
