// GET /api/admin/export/products — every product and variant as CSV (the import's format), streamed; with `ids`
// (repeated, at most 100), only those products: the list's "Export selected". Staff only.
import { z } from 'zod';
import { exportProductsCsv } from '@/lib/catalog/products/csv-export';
import { bulkProductIdsSchema } from '@/lib/catalog/products/schemas';
import { route } from '@/lib/auth/guards';

// No ids: the whole catalogue.
const exportQuerySchema = z.object({ ids: bulkProductIdsSchema.shape.ids.optional() });

export const GET = route({ auth: 'staff', query: exportQuerySchema }, async ({ log, query }) => {
  const ids = query.ids;
  log.info({ selected: ids?.length ?? null }, 'product export');
  return new Response(await exportProductsCsv(ids), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="products-${ids ? 'selected-' : ''}${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
