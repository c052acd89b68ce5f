import { BrandForm } from '@/components/admin/content/brand-form';
import { EmptyState } from '@/components/admin/people/pager';
import { SettingsHeader } from '@/components/admin/settings/settings-header';
import { requireStaffPage } from '@/lib/admin/guard';
import { DEFAULT_ACCENT_COLOR } from '@/lib/store/brand';
import { getStoreBrand, getStoreSettings } from '@/lib/store/service';

export const metadata = { title: 'Brand and contact' };

export default async function BrandSettingsPage() {
  await requireStaffPage('admin', '/admin/settings/brand');
  const [settings, brand] = await Promise.all([getStoreSettings(), getStoreBrand()]);
  return (
    <div className="max-w-3xl space-y-6">
      <SettingsHeader title="Brand and contact" />
      <section aria-label="Brand" className="rounded-lg border border-zinc-200 bg-white p-5">
        {settings ? (
          <BrandForm
            initial={{
              logoUrl: brand?.logoUrl ?? '',
              accentColor: brand?.accentColor ?? DEFAULT_ACCENT_COLOR,
              contactPhone: brand?.contactPhone ?? '',
              contactAddress: brand?.contactAddress ?? '',
              paymentInstructions: brand?.paymentInstructions ?? '',
            }}
          />
        ) : (
          <EmptyState>Save the general settings first.</EmptyState>
        )}
      </section>
    </div>
  );
}
