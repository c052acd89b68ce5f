import 'server-only';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { csvRow } from '@/lib/csv/cells';
import { streamCsv } from '@/lib/csv/stream';
import { toDecimalString } from '@/lib/money';

// The orders CSV export, streamed in keyset-paginated batches (lib/csv/stream.ts).

const ORDERS_PER_BATCH = 2_000;

export const ORDER_COLUMNS = [
  'number',
  'placed_at',
  'email',
  'status',
  'payment_status',
  'currency',
  'items',
  'subtotal',
  'discount',
  'shipping',
  'tax',
  'total',
  'refunded',
  'ship_to_country',
] as const;

type OrderExportRow = {
  id: string;
  number: string;
  placed_at: string;
  email: string;
  status: string;
  payment_status: string;
  currency: string;
  items: number;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  tax_cents: number;
  total_cents: number;
  refunded_cents: number;
  country: string | null;
};

/** Orders, newest first. */
export function exportOrdersCsv(): ReadableStream<Uint8Array> {
  let cursor: { placedAt: string; id: string } | null = null;
  return streamCsv(ORDER_COLUMNS, async () => {
    const after = cursor ? sql`where (o.placed_at, o.id) < (${cursor.placedAt}::timestamptz, ${cursor.id}::uuid)` : sql``;
    const rows = rowsOf<OrderExportRow>(
      await db.execute(sql`
        select o.id, o.number, to_char(o.placed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as placed_at, o.email, o.status,
          o.payment_status, o.currency,
          (select coalesce(sum(quantity), 0)::int from order_lines l where l.order_id = o.id) as items,
          o.subtotal_cents, o.discount_cents, o.shipping_cents, o.tax_cents, o.total_cents, o.refunded_cents,
          o.shipping_address->>'countryCode' as country
        from orders o ${after}
        order by o.placed_at desc, o.id desc
        limit ${ORDERS_PER_BATCH}`),
    );
    if (rows.length === 0) return null;
    const last = rows[rows.length - 1]!;
    cursor = { placedAt: last.placed_at, id: last.id };
    const amount = (cents: number, currency: string) => toDecimalString({ amountCents: cents, currency });
    return rows.map((o) =>
      csvRow([
        o.number,
        o.placed_at,
        o.email,
        o.status,
        o.payment_status,
        o.currency,
        o.items,
        amount(o.subtotal_cents, o.currency),
        amount(o.discount_cents, o.currency),
        amount(o.shipping_cents, o.currency),
        amount(o.tax_cents, o.currency),
        amount(o.total_cents, o.currency),
        amount(o.refunded_cents, o.currency),
        o.country ?? '',
      ]),
    );
  });
}
