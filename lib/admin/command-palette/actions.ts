'use server';

import { staffAction } from '@/lib/auth/guards';
import { lookupProducts } from '@/lib/catalog/products/lookup';
import { lookupCustomers } from '@/lib/customers/lookup';
import { lookupOrders } from '@/lib/orders/lookup';
import { RATE_LIMITS } from '@/lib/rate-limit';
import { type PaletteResult, paletteSearchSchema } from './schemas';

// The command palette's search: staff only (the wrapper refuses shoppers and anonymous callers before the input is
// read), the text validated, and a per-user ceiling of its own (a read: it does not spend the admin-writes budget).

const PER_KIND = 5;

export const searchAdminAction = staffAction(
  paletteSearchSchema,
  async ({ q }): Promise<PaletteResult[]> => {
    const [orders, products, customers] = await Promise.all([lookupOrders(q, PER_KIND), lookupProducts(q, PER_KIND), lookupCustomers(q, PER_KIND)]);
    return [
      ...orders.map((order): PaletteResult => ({ kind: 'order', href: `/admin/orders/${order.number}`, label: `Order ${order.number}`, detail: order.email })),
      ...products.map((product): PaletteResult => ({ kind: 'product', href: `/admin/products/${product.id}`, label: product.title, detail: product.sku ? `SKU ${product.sku}` : product.status })),
      ...customers.map((customer): PaletteResult => ({ kind: 'customer', href: `/admin/customers/${customer.id}`, label: customer.name || customer.email, detail: customer.email })),
    ];
  },
  { read: true, rateLimit: (_input, client) => [[RATE_LIMITS.adminSearchPerUser, client.userId ?? client.ip]] },
);
