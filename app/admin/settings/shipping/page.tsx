import { EmptyState } from '@/components/admin/people/pager';
import { countriesField, countriesSummary, rateFields } from '@/components/admin/settings/settings-fields';
import { SettingsHeader } from '@/components/admin/settings/settings-header';
import { ActionForm } from '@/components/ui/action-form';
import { DialogButton } from '@/components/ui/dialog-button';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { requireStaffPage } from '@/lib/admin/guard';
import { deleteShippingRateAction, deleteShippingZoneAction, saveShippingRateAction, saveShippingZoneAction } from '@/lib/admin/settings/actions';
import { formatMoney, money } from '@/lib/money';
import { getStoreSettings, listShippingZones } from '@/lib/store/service';

export const metadata = { title: 'Shipping zones' };

// Zones as a list, each with its rates in a table; every add, edit and delete happens in a dialog.

const days = (min: number | null, max: number | null) => (min === null && max === null ? '—' : min === max || max === null ? `${min} days` : min === null ? `up to ${max} days` : `${min}–${max} days`);

export default async function ShippingSettingsPage() {
  await requireStaffPage('admin', '/admin/settings/shipping');
  const [settings, zones] = await Promise.all([getStoreSettings(), listShippingZones()]);
  const currency = settings?.currency ?? 'USD';
  return (
    <div className="max-w-5xl space-y-6">
      <SettingsHeader title="Shipping zones" intro="A shopper sees the rates of the zone their country is in. A country belongs to one zone." />
      <div>
        <DialogButton label="Add zone" title="Add a shipping zone" variant="primary">
          <ActionForm
            action={saveShippingZoneAction}
            label="Add a shipping zone"
            idPrefix="zone-new"
            fields={[{ name: 'name', label: 'Zone name' }, countriesField()]}
            submitLabel="Add zone"
            pendingLabel="Adding…"
            successMessage="Zone added."
          />
        </DialogButton>
      </div>
      {zones.length === 0 ? <EmptyState>No shipping zones yet: add one so shoppers can choose delivery.</EmptyState> : null}
      {zones.map((zone, z) => (
        <article key={zone.id} aria-label={`Zone ${zone.name}`} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 md:p-5">
          <div className="flex flex-wrap items-start gap-3">
            <div className="min-w-0 flex-1">
              <h2 className="font-semibold">{zone.name}</h2>
              <p className="text-sm text-zinc-600">
                {zone.countries.length} {zone.countries.length === 1 ? 'country' : 'countries'}: <span data-testid="zone-countries">{countriesSummary(zone.countries)}</span>
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              <DialogButton label="Edit zone" accessibleLabel={`Edit zone ${zone.name}`} title={`Edit zone ${zone.name}`}>
                <ActionForm
                  action={saveShippingZoneAction}
                  label={`Edit zone ${zone.name}`}
                  idPrefix={`zone-${z}`}
                  fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: zone.id }, { name: 'name', label: 'Zone name', defaultValue: zone.name }, countriesField(zone.countries)]}
                  submitLabel="Save zone"
                  pendingLabel="Saving…"
                  successMessage="Zone saved."
                />
              </DialogButton>
              <DialogButton label="Add rate" accessibleLabel={`Add rate to ${zone.name}`} title={`Add a rate to ${zone.name}`}>
                <ActionForm
                  action={saveShippingRateAction}
                  label={`Add a rate to ${zone.name}`}
                  idPrefix={`rate-new-${z}`}
                  fields={rateFields(zone.id, currency)}
                  submitLabel="Add rate"
                  pendingLabel="Adding…"
                  successMessage="Rate added."
                />
              </DialogButton>
              <DialogButton label="Delete zone" accessibleLabel={`Delete zone ${zone.name}`} title={`Delete zone ${zone.name}?`} description="Its rates go with it; shoppers in its countries can no longer choose delivery until another zone covers them." variant="danger">
                <ActionForm
                  action={deleteShippingZoneAction}
                  label={`Delete zone ${zone.name}`}
                  idPrefix={`zone-del-${z}`}
                  fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: zone.id }]}
                  submitLabel="Delete zone and its rates"
                  pendingLabel="Deleting…"
                  successMessage="Zone deleted."
                />
              </DialogButton>
            </div>
          </div>
          {zone.rates.length === 0 ? (
            <EmptyState>No rates in this zone.</EmptyState>
          ) : (
            <ScrollRegion label={`Rates in ${zone.name}`}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Rates in {zone.name}</caption>
                <thead className="text-xs text-zinc-600">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">Rate</th>
                    <th scope="col" className="px-3 text-right font-medium">Price</th>
                    <th scope="col" className="px-3 text-right font-medium">Free above</th>
                    <th scope="col" className="px-3 font-medium">Delivery</th>
                    <th scope="col" className="px-3 font-medium">Status</th>
                    <th scope="col" className="pl-3 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {zone.rates.map((rate, r) => (
                    <tr key={rate.id} className="border-t border-zinc-100">
                      <td className="py-2 pr-3">{rate.name}</td>
                      <td className="px-3 text-right whitespace-nowrap tabular-nums">{formatMoney(money(rate.priceCents, rate.currency))}</td>
                      <td className="px-3 text-right whitespace-nowrap tabular-nums">{rate.freeAboveCents === null ? '—' : formatMoney(money(rate.freeAboveCents, rate.currency))}</td>
                      <td className="px-3 whitespace-nowrap">{days(rate.minDeliveryDays, rate.maxDeliveryDays)}</td>
                      <td className="px-3">{rate.isActive ? 'Active' : 'Off'}</td>
                      <td className="py-2 pl-3">
                        <div className="flex justify-end gap-2">
                          <DialogButton label="Edit" accessibleLabel={`Edit rate ${rate.name} in ${zone.name}`} title={`Edit rate ${rate.name}`}>
                            <ActionForm
                              action={saveShippingRateAction}
                              label={`Edit rate ${rate.name} in ${zone.name}`}
                              idPrefix={`rate-${z}-${r}`}
                              fields={rateFields(zone.id, rate.currency, rate)}
                              submitLabel="Save rate"
                              pendingLabel="Saving…"
                              successMessage="Rate saved."
                            />
                          </DialogButton>
                          <DialogButton label="Delete" accessibleLabel={`Delete rate ${rate.name} in ${zone.name}`} title={`Delete rate ${rate.name}?`} description={`Shoppers in ${zone.name} will no longer see it.`} variant="danger">
                            <ActionForm
                              action={deleteShippingRateAction}
                              label={`Delete rate ${rate.name} in ${zone.name}`}
                              idPrefix={`rate-del-${z}-${r}`}
                              fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: rate.id }]}
                              submitLabel="Delete rate"
                              pendingLabel="Deleting…"
                              successMessage="Rate deleted."
                            />
                          </DialogButton>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </article>
      ))}
    </div>
  );
}
