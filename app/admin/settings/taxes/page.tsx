import { EmptyState } from '@/components/admin/people/pager';
import { taxFields } from '@/components/admin/settings/settings-fields';
import { SettingsHeader } from '@/components/admin/settings/settings-header';
import { ActionForm } from '@/components/ui/action-form';
import { DialogButton } from '@/components/ui/dialog-button';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { requireStaffPage } from '@/lib/admin/guard';
import { deleteTaxRateAction, saveTaxRateAction } from '@/lib/admin/settings/actions';
import { basisPointsToPercent } from '@/lib/store/schemas';
import { listTaxRates } from '@/lib/store/service';

export const metadata = { title: 'Taxes' };

export default async function TaxSettingsPage() {
  await requireStaffPage('admin', '/admin/settings/taxes');
  const taxes = await listTaxRates();
  return (
    <div className="max-w-4xl space-y-6">
      <SettingsHeader title="Taxes" intro="The rate of the shopper's country (and region, when one is set) applies at checkout. Without a rate, orders are placed without tax." />
      <div>
        <DialogButton label="Add tax rate" title="Add a tax rate" variant="primary">
          <ActionForm action={saveTaxRateAction} label="Add a tax rate" idPrefix="tax-new" fields={taxFields()} submitLabel="Add tax rate" pendingLabel="Adding…" successMessage="Tax rate added." />
        </DialogButton>
      </div>
      {taxes.length === 0 ? (
        <EmptyState>No tax rates: orders are placed without tax.</EmptyState>
      ) : (
        <ScrollRegion label="Tax rates" className="rounded-lg border border-zinc-200 bg-white p-4">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Tax rates</caption>
            <thead className="text-xs text-zinc-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Where</th>
                <th scope="col" className="px-3 font-medium">Name</th>
                <th scope="col" className="px-3 text-right font-medium">Rate</th>
                <th scope="col" className="px-3 font-medium">Shipping</th>
                <th scope="col" className="pl-3 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {taxes.map((rate, t) => {
                const where = `${rate.countryCode}${rate.regionCode ? `-${rate.regionCode}` : ''}`;
                return (
                  <tr key={rate.id} className="border-t border-zinc-100">
                    <td className="py-2 pr-3 font-mono">{where}</td>
                    <td className="px-3">{rate.name}</td>
                    <td className="px-3 text-right tabular-nums">{basisPointsToPercent(rate.rateBasisPoints)}%</td>
                    <td className="px-3">{rate.appliesToShipping ? 'Taxed' : 'Not taxed'}</td>
                    <td className="py-2 pl-3">
                      <div className="flex justify-end gap-2">
                        <DialogButton label="Edit" accessibleLabel={`Edit tax rate ${where}`} title={`Edit tax rate ${where}`}>
                          <ActionForm action={saveTaxRateAction} label={`Edit tax rate ${where}`} idPrefix={`tax-${t}`} fields={taxFields(rate)} submitLabel="Save tax rate" pendingLabel="Saving…" successMessage="Tax rate saved." />
                        </DialogButton>
                        <DialogButton label="Delete" accessibleLabel={`Delete tax rate ${where}`} title={`Delete tax rate ${where}?`} description="Orders placed from then on are not taxed by it." variant="danger">
                          <ActionForm action={deleteTaxRateAction} label={`Delete tax rate ${where}`} idPrefix={`tax-del-${t}`} fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: rate.id }]} submitLabel="Delete" pendingLabel="Deleting…" successMessage="Tax rate deleted." />
                        </DialogButton>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
