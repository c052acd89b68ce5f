import { ProductForm } from '@/components/admin/catalog/product-form';
import { requireStaffPage } from '@/lib/admin/guard';
import { listCategoryChoices } from '@/lib/catalog/products/queries';
import { getStoreInfo } from '@/lib/store/settings';

export const metadata = { title: 'New product' };

export default async function NewProductPage() {
  await requireStaffPage('staff', '/admin/products/new');
  const [categories, store] = await Promise.all([listCategoryChoices(), getStoreInfo()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">New product</h1>
      <ProductForm
        currency={store.currency}
        categories={categories}
        initial={{
          title: '',
          slug: '',
          description: '',
          status: 'draft',
          vendor: '',
          featured: false,
          seoTitle: '',
          seoDescription: '',
          skuPattern: '',
          categoryIds: [],
          options: [],
          variants: [],
        }}
      />
    </div>
  );
}
