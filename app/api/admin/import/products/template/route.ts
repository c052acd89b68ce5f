// GET /api/admin/import/products/template — an empty product CSV: the exact header row the importer accepts. Staff only.
import { productCsvTemplate } from '@/lib/catalog/products/csv-columns';
import { route } from '@/lib/auth/guards';
import { otherMarketCurrencies } from '@/lib/markets/service';

export const GET = route({ auth: 'staff' }, async () => {
  return new Response(productCsvTemplate(await otherMarketCurrencies()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="products-template.csv"',
      'cache-control': 'no-store',
    },
  });
});
