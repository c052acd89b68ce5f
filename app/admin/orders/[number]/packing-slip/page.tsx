import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddressBlock } from '@/components/admin/orders/order-bits';
import { PrintButton } from '@/components/admin/orders/print-button';
import { requireStaffPage } from '@/lib/admin/guard';
import { getPackingSlip } from '@/lib/orders/queries';
import { orderNumberSchema } from '@/lib/orders/schemas';

export const metadata: Metadata = { title: 'Packing slip' };

// What goes in the parcel: items and quantities, no prices. The admin frame (nav) is hidden when printing.
export default async function PackingSlipPage({ params }: { params: Promise<{ number: string }> }) {
  const { number: raw } = await params;
  await requireStaffPage('staff', `/admin/orders/${encodeURIComponent(raw)}/packing-slip`);
  const parsed = orderNumberSchema.safeParse(raw);
  const slip = parsed.success ? await getPackingSlip(parsed.data) : null;
  if (!slip) notFound();
  return (
    <article aria-labelledby="slip-heading" className="mx-auto max-w-2xl bg-white p-8 text-sm print:max-w-none print:p-0">
      <div className="mb-4 flex gap-3 print:hidden">
        <Link href={`/admin/orders/${slip.number}`} className="underline">Back to the order</Link>
        <PrintButton />
      </div>
      <h1 id="slip-heading" className="text-2xl font-bold">Packing slip</h1>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4">
        <dt className="font-medium">Order</dt>
        <dd className="font-mono">{slip.number}</dd>
        <dt className="font-medium">Placed</dt>
        <dd>{new Date(slip.placedAt).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' })}</dd>
        <dt className="font-medium">Shipping</dt>
        <dd>{slip.shippingMethod}</dd>
      </dl>
      <section aria-labelledby="slip-ship-to" className="mt-4">
        <h2 id="slip-ship-to" className="font-semibold">Ship to</h2>
        <AddressBlock address={slip.shippingAddress} />
      </section>
      <table className="mt-6 w-full border-collapse text-left">
        <caption className="sr-only">Items to pack</caption>
        <thead>
          <tr className="border-b-2 border-zinc-900">
            <th scope="col" className="py-1">Item</th>
            <th scope="col">SKU</th>
            <th scope="col" className="text-right">Quantity</th>
            <th scope="col" className="w-16 text-center">Packed</th>
          </tr>
        </thead>
        <tbody>
          {slip.lines.map((line) => (
            <tr key={line.sku} className="border-b border-zinc-300 break-inside-avoid">
              <td className="py-2">
                {line.productTitle}
                <span className="block text-xs text-zinc-600">{line.variantTitle}</span>
              </td>
              <td className="font-mono text-xs">{line.sku}</td>
              <td className="text-right">{line.quantity}</td>
              <td className="text-center" aria-hidden="true">☐</td>
            </tr>
          ))}
        </tbody>
      </table>
      {slip.customerNote ? <p className="mt-4">Customer note: {slip.customerNote}</p> : null}
      <p className="mt-8 text-xs text-zinc-600">Thank you for your order.</p>
    </article>
  );
}
