import { ImportForm } from '@/components/admin/catalog/import-form';
import { requireStaffPage } from '@/lib/admin/guard';
import { COLUMN_HELP, MARKET_PRICE_HELP, marketPriceColumns, PRODUCT_COLUMNS, REQUIRED_COLUMNS } from '@/lib/catalog/products/csv-columns';
import { otherMarketCurrencies } from '@/lib/markets/service';

export const metadata = { title: 'Import / export' };

export default async function ImportExportPage() {
  await requireStaffPage('staff', '/admin/import-export');
  const marketColumns = marketPriceColumns(await otherMarketCurrencies());
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Import / export</h1>
      <section aria-labelledby="export-heading" className="space-y-2 rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="export-heading" className="text-lg font-semibold">Export</h2>
        <p className="text-sm text-zinc-600">
          CSV (UTF-8). Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
        </p>
        <ul className="flex flex-wrap gap-x-4 gap-y-2">
          <li>
            <a href="/api/admin/export/products" download className="underline">Download products CSV</a>
          </li>
          <li>
            <a href="/api/admin/export/orders" download className="underline">Download orders CSV</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="import-heading" className="space-y-4 rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="import-heading" className="text-lg font-semibold">Import products</h2>
        <p className="text-sm text-zinc-600">
          One row per variant; rows with the same handle make one product. A handle that exists updates that product, and its
          variants become exactly those in the file (variants left out are taken off sale, or removed if they have no stock history).
          Check the file first: a dry run lists every problem by row and writes nothing. An import writes everything in one go, or —
          if any row has a problem — nothing at all. Up to 10,000 rows and 5 MB per file.
        </p>
        <p className="text-sm">
          <a href="/api/admin/import/products/template" download className="underline">
            Download template
          </a>{' '}
          <span className="text-zinc-600">— a CSV with the exact header row the importer accepts ({PRODUCT_COLUMNS.length} columns).</span>
        </p>
        <ImportForm />
        <details>
          <summary className="cursor-pointer text-sm underline">Columns</summary>
          <table className="mt-2 w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-zinc-200 text-left">
                <th scope="col" className="p-2">Column</th>
                <th scope="col" className="p-2">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {PRODUCT_COLUMNS.map((column) => (
                <tr key={column} className="border-b border-zinc-100">
                  <td className="p-2 font-mono">
                    {column}
                    {REQUIRED_COLUMNS.includes(column) ? ' (required)' : ''}
                  </td>
                  <td className="p-2">{COLUMN_HELP[column] || 'As above.'}</td>
                </tr>
              ))}
              {marketColumns.length > 0 ? (
                <tr className="border-b border-zinc-100">
                  <td className="p-2 font-mono">{marketColumns.join(', ')}</td>
                  <td className="p-2">{MARKET_PRICE_HELP}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </details>
      </section>
    </div>
  );
}
