import { explainOrderAmounts } from '@/lib/orders/amounts';
import type { StaffOrderDetail } from '@/lib/orders/types';
import { formatMoney, money } from '@/lib/money';

// The order's items and how its total adds up. A line's total is its price × quantity (they add up to the
// subtotal); the discount and tax checkout spread over the lines are shown under each line, and the totals say
// what is added or included, so a merchant can check the sum. At 390 px the lines are cards (no six-column table
// squeezed into a phone); from md up they are a table whose numbers are right-aligned in columns of their own.

type Props = { order: Pick<StaffOrderDetail, 'currency' | 'lines' | 'subtotalCents' | 'discountCents' | 'discountCode' | 'shippingCents' | 'shippingMethod' | 'taxCents' | 'taxInclusive' | 'totalCents' | 'refundedCents'> };

const num = 'whitespace-nowrap text-right tabular-nums';

export function OrderItems({ order }: Props) {
  const fmt = (cents: number) => formatMoney(money(cents, order.currency));
  const explained = explainOrderAmounts(order);
  const shares = new Map(explained.lines.map((line) => [line.id, line]));
  const shareText = (id: string) => {
    const line = shares.get(id);
    if (!line || (line.discountCents === 0 && line.taxCents === 0)) return null;
    const parts = [
      line.discountCents > 0 ? `discount share −${fmt(line.discountCents)}` : null,
      line.taxCents > 0 ? `tax ${fmt(line.taxCents)}${order.taxInclusive ? ' (included)' : ''}` : null,
      `charged ${fmt(line.chargedCents)}`,
    ].filter(Boolean);
    return parts.join(' · ');
  };
  const lineTax = order.taxCents - explained.shippingTaxCents;
  return (
    <>
      <ul aria-label="Items" className="flex flex-col divide-y divide-zinc-100 md:hidden">
        {order.lines.map((line) => {
          const share = shareText(line.id);
          return (
            <li key={line.id} className="py-3">
              <p className="font-medium">
                {line.productTitle} <span className="font-normal text-zinc-600">({line.variantTitle})</span>
              </p>
              <p className="font-mono text-xs text-zinc-600">SKU {line.sku}</p>
              <dl className="mt-2 grid grid-cols-4 gap-2 text-xs">
                <div>
                  <dt className="text-zinc-600">Qty</dt>
                  <dd className="tabular-nums">{line.quantity}</dd>
                </div>
                <div>
                  <dt className="text-zinc-600">Shipped</dt>
                  <dd className="tabular-nums">{line.shippedQuantity}</dd>
                </div>
                <div className="text-right">
                  <dt className="text-zinc-600">Unit price</dt>
                  <dd className="tabular-nums">{fmt(line.unitPriceCents)}</dd>
                </div>
                <div className="text-right">
                  <dt className="text-zinc-600">Line total</dt>
                  <dd className="font-medium tabular-nums">{fmt(line.unitPriceCents * line.quantity)}</dd>
                </div>
              </dl>
              {share ? <p className="mt-1 text-xs text-zinc-600">{share}</p> : null}
            </li>
          );
        })}
      </ul>
      <table className="hidden w-full text-left text-sm md:table">
        <caption className="sr-only">Items in this order</caption>
        <thead className="text-xs text-zinc-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Product</th>
            <th scope="col" className="px-3 font-medium">SKU</th>
            <th scope="col" className={`px-3 font-medium ${num}`}>Qty</th>
            <th scope="col" className={`px-3 font-medium ${num}`}>Shipped</th>
            <th scope="col" className={`px-3 font-medium ${num}`}>Unit price</th>
            <th scope="col" className={`pl-3 font-medium ${num}`}>Line total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => {
            const share = shareText(line.id);
            return (
              <tr key={line.id} className="border-t border-zinc-100 align-top">
                <td className="py-2 pr-3">
                  {line.productTitle} <span className="text-zinc-600">({line.variantTitle})</span>
                  {share ? <span className="block text-xs text-zinc-600">{share}</span> : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">{line.sku}</td>
                <td className={`px-3 py-2 ${num}`}>{line.quantity}</td>
                <td className={`px-3 py-2 ${num}`}>{line.shippedQuantity}</td>
                <td className={`px-3 py-2 ${num}`}>{fmt(line.unitPriceCents)}</td>
                <td className={`py-2 pl-3 ${num}`}>{fmt(line.unitPriceCents * line.quantity)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="mt-4 ml-auto grid max-w-sm grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" aria-label="Totals">
        <dt>Subtotal</dt>
        <dd className={num}>{fmt(order.subtotalCents)}</dd>
        <dt>
          Discount{order.discountCode ? ` (${order.discountCode})` : ''}
          {order.discountCents > 0 ? <span className="block text-xs text-zinc-600">Spread over the items by their value</span> : null}
        </dt>
        <dd className={num}>{order.discountCents > 0 ? `−${fmt(order.discountCents)}` : fmt(0)}</dd>
        <dt>Shipping ({order.shippingMethod})</dt>
        <dd className={num}>{fmt(order.shippingCents)}</dd>
        <dt>
          Tax {order.taxInclusive ? '(included in prices)' : '(added)'}
          {order.taxCents > 0 ? (
            <span className="block text-xs text-zinc-600">
              {fmt(lineTax)} on items{explained.shippingTaxCents > 0 ? `, ${fmt(explained.shippingTaxCents)} on shipping` : ''}
            </span>
          ) : null}
        </dt>
        <dd className={num}>{fmt(order.taxCents)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className={`font-semibold ${num}`}>{fmt(order.totalCents)}</dd>
        {order.refundedCents > 0 ? (
          <>
            <dt>Refunded</dt>
            <dd className={num}>−{fmt(order.refundedCents)}</dd>
          </>
        ) : null}
      </dl>
      <p className="mt-2 text-right text-xs text-zinc-600">
        {order.taxInclusive ? 'Total = subtotal − discount + shipping (tax is part of the prices).' : 'Total = subtotal − discount + shipping + tax.'}
      </p>
    </>
  );
}
