import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatMoney, money } from '@/lib/money';
import { RETURN_STATUS_LABELS, RETURN_STATUS_TONES, type ReturnDetail, type ReturnSummary } from '@/lib/returns/types';

const dateTime = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function ReturnStatusBadge({ status }: { status: ReturnSummary['status'] }) {
  return <Badge tone={RETURN_STATUS_TONES[status]}>{RETURN_STATUS_LABELS[status]}</Badge>;
}

/** What a customer (or staff) sees of one return: its state, its lines, what was paid back and its timeline. */
export function ReturnDetailView({ detail, orderHref }: { detail: ReturnDetail; orderHref?: string }) {
  const fmt = (cents: number) => formatMoney(money(cents, detail.currency));
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-zinc-600">Status</dt>
          <dd className="mt-1" data-testid="return-status">
            <ReturnStatusBadge status={detail.status} />
          </dd>
        </div>
        <div>
          <dt className="text-zinc-600">Order</dt>
          <dd className="mt-1">{orderHref ? <Link href={orderHref} className="underline">{detail.orderNumber}</Link> : detail.orderNumber}</dd>
        </div>
        <div>
          <dt className="text-zinc-600">Reason</dt>
          <dd className="mt-1 break-words">{detail.reason}{detail.comment ? ` — “${detail.comment}”` : ''}</dd>
        </div>
        <div>
          <dt className="text-zinc-600">Refund to</dt>
          <dd className="mt-1">{detail.refundMethod === 'store_credit' ? 'Store credit' : 'Original payment'}{detail.shippingFeeCents > 0 ? ` (less ${fmt(detail.shippingFeeCents)} return shipping)` : ''}</dd>
        </div>
        {detail.status === 'completed' ? (
          <div>
            <dt className="text-zinc-600">Refunded</dt>
            <dd className="mt-1 font-semibold" data-testid="return-refunded">{fmt(detail.refundCents)}</dd>
          </div>
        ) : null}
        {detail.exchangeOrder ? (
          <div>
            <dt className="text-zinc-600">Exchange order</dt>
            <dd className="mt-1" data-testid="return-exchange-order">{detail.exchangeOrder.number}</dd>
          </div>
        ) : null}
        {detail.rejectionReason ? (
          <div className="sm:col-span-2">
            <dt className="text-zinc-600">Why it was not accepted</dt>
            <dd className="mt-1 break-words">{detail.rejectionReason}</dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="return-items-heading">
        <h2 id="return-items-heading" className="mb-2 text-lg font-semibold">
          Items
        </h2>
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200">
          {detail.lines.map((line, index) => (
            <li key={index} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
              <span className="min-w-0 break-words">
                {line.quantity} × {line.productTitle} ({line.variantTitle})
              </span>
              <span className="text-zinc-700">
                {line.exchangeFor ? `Exchange for ${line.exchangeFor}` : 'Refund'}
                {line.disposition ? ` · ${line.disposition === 'restock' ? 'Restocked' : 'Written off'}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="return-timeline-heading">
        <h2 id="return-timeline-heading" className="mb-2 text-lg font-semibold">
          Timeline
        </h2>
        <ol className="flex flex-col gap-2 text-sm" aria-label="Return timeline">
          {detail.timeline.map((event, index) => (
            <li key={index} className="break-words">
              <span className="text-zinc-600">{dateTime(event.createdAt)}</span> — {event.message}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** An order's returns, each with its status and a link to it. */
export function ReturnList({ returns, hrefBase }: { returns: ReturnSummary[]; hrefBase: string | null }) {
  if (returns.length === 0) return null;
  return (
    <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200" aria-label="Returns">
      {returns.map((item) => (
        <li key={item.number} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
          {hrefBase ? (
            <Link href={`${hrefBase}${item.number}`} className="font-medium underline">
              {item.number}
            </Link>
          ) : (
            <span className="font-medium">{item.number}</span>
          )}
          <span>
            {item.itemCount} item{item.itemCount === 1 ? '' : 's'}
          </span>
          <ReturnStatusBadge status={item.status} />
        </li>
      ))}
    </ul>
  );
}
