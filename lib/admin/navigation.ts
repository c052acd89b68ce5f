import type { AdminRole } from './guard';

/** Every section of the panel and the least role that may open it. Pages still check the role themselves. */
export const ADMIN_SECTIONS: { href: string; label: string; role: AdminRole }[] = [
  { href: '/admin', label: 'Dashboard', role: 'staff' },
  { href: '/admin/orders', label: 'Orders', role: 'staff' },
  { href: '/admin/returns', label: 'Returns', role: 'staff' },
  { href: '/admin/products', label: 'Products', role: 'staff' },
  { href: '/admin/categories', label: 'Categories', role: 'staff' },
  { href: '/admin/search', label: 'Search synonyms', role: 'staff' },
  { href: '/admin/inventory', label: 'Inventory', role: 'staff' },
  { href: '/admin/import-export', label: 'Import / export', role: 'staff' },
  { href: '/admin/customers', label: 'Customers', role: 'staff' },
  { href: '/admin/discounts', label: 'Discounts', role: 'admin' },
  { href: '/admin/promotions', label: 'Promotions', role: 'admin' },
  { href: '/admin/customer-groups', label: 'Customer groups', role: 'admin' },
  { href: '/admin/gift-cards', label: 'Gift cards', role: 'admin' },
  { href: '/admin/markets', label: 'Markets', role: 'admin' },
  { href: '/admin/home', label: 'Home page', role: 'admin' },
  { href: '/admin/pages', label: 'Pages', role: 'admin' },
  { href: '/admin/menus', label: 'Menus', role: 'admin' },
  { href: '/admin/emails', label: 'Emails', role: 'admin' },
  { href: '/admin/settings', label: 'Settings', role: 'admin' },
  { href: '/admin/staff', label: 'Staff', role: 'admin' },
  { href: '/admin/api-keys', label: 'API keys', role: 'admin' },
  { href: '/admin/webhooks', label: 'Webhooks', role: 'admin' },
  { href: '/admin/audit-log', label: 'Audit log', role: 'admin' },
  { href: '/admin/security', label: 'Your security', role: 'staff' },
];
