// GET /api/admin/export/products — every product and variant as CSV (the import's format), streamed. Staff only.
import { exportProductsCsv } from '@/lib/catalog/products/csv-export';
import { route } from '@/lib/auth/guards';

export const GET = route({ auth: 'staff' }, async ({ log }) => {
  log.info('product export');
  return new Response(exportProductsCsv(), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="products-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
