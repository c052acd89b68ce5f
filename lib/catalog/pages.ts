import 'server-only';
import { unstable_cache } from 'next/cache';
import { getCategoryBySlug, listCategoryAncestors } from './categories';

/** A category and its breadcrumb trail, cached with the category tree. */
export function getCategoryPageInfo(slug: string) {
  return unstable_cache(
    async () => {
      const category = await getCategoryBySlug(slug);
      if (!category) return null;
      return { category, ancestors: await listCategoryAncestors(category.path) };
    },
    ['category-page-v1', slug],
    { tags: ['categories'], revalidate: 60 },
  )();
}
