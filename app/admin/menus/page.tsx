import { MenuEditor, type MenuTargetGroup } from '@/components/admin/content/menu-editor';
import { requireStaffPage } from '@/lib/admin/guard';
import { listCategoryChoices } from '@/lib/catalog/categories/queries';
import { listContentPages, listMenuForEdit } from '@/lib/store/content/queries';

export const metadata = { title: 'Menus' };

/** The store's own pages a menu can link to (besides content pages and categories). */
const STORE_LINKS = [
  { href: '/orders/lookup', label: 'Order lookup' },
  { href: '/search', label: 'Shop all' },
  { href: '/account', label: 'Your account' },
  { href: '/cart', label: 'Cart' },
];

export default async function AdminMenusPage() {
  await requireStaffPage('admin', '/admin/menus');
  const [header, footer, pages, categories] = await Promise.all([listMenuForEdit('header'), listMenuForEdit('footer'), listContentPages(), listCategoryChoices()]);
  const targets: MenuTargetGroup[] = [
    { label: 'Pages', options: pages.map((page) => ({ value: `page:${page.id}`, label: page.status === 'published' ? page.title : `${page.title} (draft)` })) },
    { label: 'Categories', options: categories.map((category) => ({ value: `category:${category.id}`, label: `${'\u00a0\u00a0'.repeat(category.depth)}${category.name}` })) },
    { label: 'Store', options: STORE_LINKS.map((link) => ({ value: `link:${link.href}`, label: link.label })) },
  ];
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Menus</h1>
      <p className="text-sm text-zinc-600">Entries show in this order on every page of the store. A link to a draft page stays hidden until the page is published.</p>
      <MenuEditor menu="footer" title="Footer menu" items={footer} targets={targets} />
      <MenuEditor menu="header" title="Header menu" items={header} targets={targets} />
    </div>
  );
}
