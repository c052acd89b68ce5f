import { Link } from '@/components/ui/link';
import type { CategoryLink } from '@/lib/catalog/types';

export function CategoryList({ categories }: { categories: CategoryLink[] }) {
  if (categories.length === 0) return null;
  return (
    <ul aria-label="Categories" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {categories.map((category) => (
        <li key={category.id}>
          <Link
            href={`/categories/${category.slug}`}
            className="flex h-full flex-col rounded-lg border border-zinc-200 p-4 hover:border-brand-600 hover:bg-brand-50"
          >
            <span className="font-medium">{category.name}</span>
            <span className="text-sm text-zinc-600">
              {category.productCount} {category.productCount === 1 ? 'product' : 'products'}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
