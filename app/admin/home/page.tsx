import { HomeComposer } from '@/components/admin/content/home-composer';
import { requireStaffPage } from '@/lib/admin/guard';
import { listCategoryChoices } from '@/lib/catalog/categories/queries';
import { getStoreInfo } from '@/lib/store/settings';
import { getHomePage } from '@/lib/store/content/queries';

export const metadata = { title: 'Home page' };

export default async function AdminHomePage() {
  await requireStaffPage('admin', '/admin/home');
  const store = await getStoreInfo();
  const [home, categories] = await Promise.all([getHomePage(store.name), listCategoryChoices()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Home page</h1>
        <a href="/" className="text-sm underline" target="_blank" rel="noopener">
          View the store<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </div>
      <HomeComposer home={home} categories={categories.map(({ id, name, depth }) => ({ id, name, depth }))} accentColor={store.accentColor} />
    </div>
  );
}
