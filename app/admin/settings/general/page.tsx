import { SettingsHeader } from '@/components/admin/settings/settings-header';
import { ActionForm } from '@/components/ui/action-form';
import { requireStaffPage } from '@/lib/admin/guard';
import { updateStoreSettingsAction } from '@/lib/admin/settings/actions';
import { getStoreSettings } from '@/lib/store/service';

export const metadata = { title: 'General settings' };

export default async function GeneralSettingsPage() {
  await requireStaffPage('admin', '/admin/settings/general');
  const settings = await getStoreSettings();
  return (
    <div className="max-w-3xl space-y-6">
      <SettingsHeader title="General" />
      <section aria-label="Store" className="rounded-lg border border-zinc-200 bg-white p-5">
        <ActionForm
          action={updateStoreSettingsAction}
          label="Store settings"
          idPrefix="store"
          fields={[
            { name: 'name', label: 'Store name', defaultValue: settings?.name },
            { name: 'currency', label: 'Currency', defaultValue: settings?.currency ?? 'USD', hint: 'ISO code, e.g. USD or EUR' },
            {
              name: 'taxDisplay',
              label: 'Prices are shown',
              type: 'select',
              defaultValue: settings?.taxDisplay ?? 'exclusive',
              options: [
                { value: 'exclusive', label: 'Excluding tax' },
                { value: 'inclusive', label: 'Including tax' },
              ],
            },
            { name: 'lowStockThreshold', label: 'Low-stock threshold', type: 'number', defaultValue: String(settings?.lowStockThreshold ?? 5) },
            { name: 'supportEmail', label: 'Support email', type: 'email', required: false, defaultValue: settings?.supportEmail ?? undefined },
            {
              name: 'requireAdminTwoFactor',
              label: 'Require two-factor authentication for admins',
              type: 'checkbox',
              defaultChecked: settings?.requireAdminTwoFactor ?? false,
            },
          ]}
          submitLabel="Save settings"
          pendingLabel="Saving…"
          successMessage="Settings saved."
        />
      </section>
    </div>
  );
}
