import { CategoryRow, CreateCategoryForm } from '@/components/admin/catalog/category-forms';
import { listAdminCategories } from '@/lib/catalog/categories/service';
import { requireStaffPage } from '@/lib/admin/guard';

export const metadata = { title: 'Categories' };

export default async function AdminCategoriesPage() {
  await requireStaffPage('staff', '/admin/categories');
  const tree = await listAdminCategories();
  const choices = tree.map(({ id, name, depth, path }) => ({ id, name, depth, path }));
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Categories</h1>
      <section aria-labelledby="tree-heading" className="rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="tree-heading" className="mb-2 text-lg font-semibold">Tree</h2>
        <p className="mb-3 text-sm text-zinc-600">
          Deleting a category takes its products out of it (they are not deleted). A category with subcategories cannot be deleted.
        </p>
        {tree.length === 0 ? (
          <p className="text-sm text-zinc-600">No categories yet: create the first one below.</p>
        ) : (
          <ul>
            {tree.map((category) => {
              const siblings = tree.filter((c) => c.parentId === category.parentId);
              return (
                <CategoryRow
                  key={category.id}
                  category={category}
                  choices={choices}
                  first={siblings[0]?.id === category.id}
                  last={siblings[siblings.length - 1]?.id === category.id}
                />
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-heading" className="rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="new-heading" className="mb-2 text-lg font-semibold">New category</h2>
        <CreateCategoryForm choices={choices} />
      </section>
    </div>
  );
}
