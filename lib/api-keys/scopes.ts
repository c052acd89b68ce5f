// What an Admin API key may do: read or write per area. Write includes read.

export const apiAreas = ['products', 'inventory', 'orders', 'customers', 'discounts', 'webhooks'] as const;
export type ApiArea = (typeof apiAreas)[number];
export type ApiAccess = 'read' | 'write';
export type ApiScope = `${ApiArea}:${ApiAccess}`;

export const apiScopes: readonly ApiScope[] = apiAreas.flatMap((area) => [`${area}:read`, `${area}:write`] as const);

export const AREA_LABELS: Record<ApiArea, string> = {
  products: 'Products',
  inventory: 'Inventory',
  orders: 'Orders',
  customers: 'Customers',
  discounts: 'Discounts',
  webhooks: 'Webhooks',
};

export function hasScope(granted: readonly string[], needed: ApiScope): boolean {
  if (granted.includes(needed)) return true;
  const [area, access] = needed.split(':') as [ApiArea, ApiAccess];
  return access === 'read' && granted.includes(`${area}:write`);
}
