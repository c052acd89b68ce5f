import 'server-only';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { toDecimalString } from '@/lib/money';
import { csvRow } from '@/lib/csv/cells';
import { streamCsv } from '@/lib/csv/stream';
import { otherMarketCurrencies } from '@/lib/markets/service';
import { marketPriceColumns, PRODUCT_COLUMNS } from './csv-columns';

// The products CSV export, streamed in keyset-paginated batches (lib/csv/stream.ts): memory stays flat whether the
// store has 50 or 50,000 products, and the first bytes leave before the last batch is read.

const PRODUCTS_PER_BATCH = 500;

type ProductExportRow = {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: string;
  vendor: string | null;
  featured: boolean;
  seo_title: string | null;
  seo_description: string | null;
  categories: string | null;
  sku: string;
  price_cents: number;
  compare_at_price_cents: number | null;
  currency: string;
  stock_on_hand: number;
  is_active: boolean;
  options: [string, string][] | null;
  /** Explicit prices in other markets, by currency: [price, compare-at]. */
  market_prices: Record<string, [number, number | null]> | null;
};

/**
 * One line per variant, in the import's format (see csv-columns.ts), so an export edited in a spreadsheet imports back.
 * With `onlyIds`, just those products (the list's "Export selected"). After the base price, the variant's explicit
 * price in each currency another market sells in (empty: derived by that market's rate).
 */
export async function exportProductsCsv(onlyIds?: readonly string[]): Promise<ReadableStream<Uint8Array>> {
  const only = onlyIds ? sql`and id = any(${`{${onlyIds.join(',')}}`}::uuid[])` : sql``;
  const currencies = await otherMarketCurrencies();
  let after = '00000000-0000-0000-0000-000000000000';
  return streamCsv([...PRODUCT_COLUMNS, ...marketPriceColumns(currencies)], async () => {
    const ids = rowsOf<{ id: string }>(
      await db.execute(sql`select id::text as id from products where id > ${after}::uuid ${only} order by id limit ${PRODUCTS_PER_BATCH}`),
    );
    if (ids.length === 0) return null;
    const from = after;
    const to = ids[ids.length - 1]!.id;
    after = to;
    const rows = rowsOf<ProductExportRow>(
      await db.execute(sql`
        select p.id, p.slug, p.title, p.description, p.status, p.vendor, p.featured, p.seo_title, p.seo_description,
          (select string_agg(c.slug, '|' order by pc.position, c.slug) from product_categories pc
             join categories c on c.id = pc.category_id where pc.product_id = p.id) as categories,
          v.sku, v.price_cents, v.compare_at_price_cents, v.currency, v.stock_on_hand, v.is_active,
          (select json_agg(json_build_array(o.name, ov.value) order by o.position) from variant_option_values vov
             join product_option_values ov on ov.id = vov.option_value_id join product_options o on o.id = ov.option_id
             where vov.variant_id = v.id) as options,
          (select json_object_agg(m.currency, json_build_array(mp.price_cents, mp.compare_at_price_cents) order by m.code desc)
             from variant_market_prices mp join markets m on m.id = mp.market_id
             where mp.variant_id = v.id and not m.is_default) as market_prices
        from products p join variants v on v.product_id = p.id
        where p.id > ${from}::uuid and p.id <= ${to}::uuid ${onlyIds ? sql`and p.id = any(${`{${onlyIds.join(',')}}`}::uuid[])` : sql``}
        order by p.id, v.position, v.sku`),
    );
    const lines: string[] = [];
    let previous = '';
    for (const row of rows) {
      const first = row.id !== previous;
      previous = row.id;
      const options = row.options ?? [];
      const option = (n: number) => options[n] ?? ['', ''];
      lines.push(
        csvRow([
          row.slug,
          first ? row.title : '',
          first ? row.description : '',
          first ? row.status : '',
          first ? (row.vendor ?? '') : '',
          first ? (row.featured ? 'true' : 'false') : '',
          first ? (row.categories ?? '') : '',
          first ? (row.seo_title ?? '') : '',
          first ? (row.seo_description ?? '') : '',
          option(0)[0],
          option(0)[1],
          option(1)[0],
          option(1)[1],
          option(2)[0],
          option(2)[1],
          row.sku,
          toDecimalString({ amountCents: row.price_cents, currency: row.currency }),
          row.compare_at_price_cents === null ? '' : toDecimalString({ amountCents: row.compare_at_price_cents, currency: row.currency }),
          row.stock_on_hand,
          row.is_active ? 'true' : 'false',
          ...currencies.flatMap((currency) => {
            const [price, compareAt] = row.market_prices?.[currency] ?? [null, null];
            return [price === null ? '' : toDecimalString({ amountCents: price, currency }), compareAt === null ? '' : toDecimalString({ amountCents: compareAt, currency })];
          }),
        ]),
      );
    }
    return lines;
  });
}
