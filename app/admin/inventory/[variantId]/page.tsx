import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdjustStockForm } from '@/components/admin/catalog/adjust-stock-form';
import { requireStaffPage } from '@/lib/admin/guard';
import { getVariantHistory } from '@/lib/inventory/queries';

export const metadata = { title: 'Stock history' };

const REASONS: Record<string, string> = {
  initial: 'Opening stock',
  received: 'Received',
  damaged: 'Damaged',
  correction: 'Correction',
  returned: 'Returned',
  order_placed: 'Order placed',
  order_cancelled: 'Order cancelled',
};

export default async function VariantStockPage({ params }: { params: Promise<{ variantId: string }> }) {
  const { variantId } = await params;
  await requireStaffPage('staff', `/admin/inventory/${encodeURIComponent(variantId)}`);
  if (!z.uuid().safeParse(variantId).success) notFound();
  const history = await getVariantHistory(variantId);
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
        {entries.length === 0 ? (
          <p className="text-sm text-zinc-600">No stock movements yet.</p>
        ) : (
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
        )}
      </section>
    </div>
  );
}
