// GET /api/admin/export/orders — every order as CSV, newest first, streamed. Staff only.
import { exportOrdersCsv } from '@/lib/orders/csv-export';
import { route } from '@/lib/auth/guards';

export const GET = route({ auth: 'staff' }, async ({ log }) => {
  log.info('order export');
  return new Response(exportOrdersCsv(), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="orders-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
