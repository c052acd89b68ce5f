import { BrandForm } from '@/components/admin/content/brand-form';
import { ActionForm, type FieldSpec } from '@/components/ui/action-form';
import { EmptyState } from '@/components/admin/people/pager';
import { requireStaffPage } from '@/lib/admin/guard';
import {
  deleteShippingRateAction,
  deleteShippingZoneAction,
  deleteTaxRateAction,
  saveShippingRateAction,
  saveShippingZoneAction,
  saveTaxRateAction,
  updateStoreSettingsAction,
} from '@/lib/admin/settings/actions';
import { countryChoices } from '@/lib/store/countries';
import { basisPointsToPercent } from '@/lib/store/schemas';
import { getStoreBrand, getStoreSettings, listShippingZones, listTaxRates, type ShippingZoneView, type TaxRateView } from '@/lib/store/service';
import { DEFAULT_ACCENT_COLOR } from '@/lib/store/brand';
import { money, toDecimalString } from '@/lib/money';

export const metadata = { title: 'Settings' };

const decimal = (cents: number | null, currency: string) => (cents === null ? '' : toDecimalString(money(cents, currency)));

function rateFields(zoneId: string, currency: string, rate?: ShippingZoneView['rates'][number]): FieldSpec[] {
  return [
    ...(rate ? [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: rate.id }] : []),
    { name: 'zoneId', label: '', type: 'hidden', defaultValue: zoneId },
    { name: 'name', label: 'Rate name', defaultValue: rate?.name },
    { name: 'price', label: `Price (${currency})`, type: 'number', inputMode: 'decimal', defaultValue: rate ? decimal(rate.priceCents, rate.currency) : undefined },
    { name: 'freeAbove', label: `Free above (${currency})`, type: 'number', inputMode: 'decimal', required: false, defaultValue: rate ? decimal(rate.freeAboveCents, rate.currency) : undefined },
    { name: 'minDeliveryDays', label: 'Min days', type: 'number', required: false, defaultValue: rate?.minDeliveryDays?.toString() },
    { name: 'maxDeliveryDays', label: 'Max days', type: 'number', required: false, defaultValue: rate?.maxDeliveryDays?.toString() },
    { name: 'isActive', label: 'Active', type: 'checkbox', defaultChecked: rate ? rate.isActive : true },
  ];
}

function taxFields(rate?: TaxRateView): FieldSpec[] {
  return [
    ...(rate ? [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: rate.id }] : []),
    { name: 'countryCode', label: 'Country', defaultValue: rate?.countryCode, hint: 'Two letters, e.g. DE' },
    { name: 'regionCode', label: 'Region', required: false, defaultValue: rate?.regionCode ?? undefined },
    { name: 'name', label: 'Name', defaultValue: rate?.name },
    { name: 'rate', label: 'Rate (%)', type: 'number', inputMode: 'decimal', defaultValue: rate ? basisPointsToPercent(rate.rateBasisPoints) : undefined },
    { name: 'appliesToShipping', label: 'Applies to shipping', type: 'checkbox', defaultChecked: rate ? rate.appliesToShipping : true },
  ];
}

// One list for every zone's picker (the same array, so the page sends it once).
const COUNTRIES = countryChoices();

/** A zone's countries: picked by name in a combobox, submitted as ISO codes ("DE, FR") for the schema to check. */
function countriesField(countries?: string[]): FieldSpec {
  return {
    name: 'countries',
    label: 'Countries',
    type: 'multiselect',
    options: COUNTRIES,
    chosenLabel: 'Chosen countries',
    placeholder: 'Search countries',
    defaultValue: countries?.join(', '),
  };
}

export default async function SettingsPage() {
  await requireStaffPage('admin', '/admin/settings');
  const [settings, zones, taxes, brand] = await Promise.all([getStoreSettings(), listShippingZones(), listTaxRates(), getStoreBrand()]);
  const currency = settings?.currency ?? 'USD';
  return (
    <div className="max-w-5xl space-y-10">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>

      <section aria-labelledby="store-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="store-heading" className="mb-3 text-lg font-semibold">
          Store
        </h2>
        <ActionForm
          action={updateStoreSettingsAction}
          label="Store settings"
          idPrefix="store"
          fields={[
            { name: 'name', label: 'Store name', defaultValue: settings?.name },
            { name: 'currency', label: 'Currency', defaultValue: currency, hint: 'ISO code, e.g. USD or EUR' },
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

      {settings ? (
        <section aria-labelledby="brand-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
          <h2 id="brand-heading" className="mb-3 text-lg font-semibold">
            Brand and contact
          </h2>
          <BrandForm
            initial={{
              logoUrl: brand?.logoUrl ?? '',
              accentColor: brand?.accentColor ?? DEFAULT_ACCENT_COLOR,
              contactPhone: brand?.contactPhone ?? '',
              contactAddress: brand?.contactAddress ?? '',
              paymentInstructions: brand?.paymentInstructions ?? '',
            }}
          />
        </section>
      ) : null}

      <section aria-labelledby="shipping-heading" className="space-y-4">
        <h2 id="shipping-heading" className="text-lg font-semibold">
          Shipping zones
        </h2>
        {zones.length === 0 ? <EmptyState>No shipping zones yet: add one so shoppers can choose delivery.</EmptyState> : null}
        {zones.map((zone, z) => (
          <article key={zone.id} aria-label={`Zone ${zone.name}`} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5">
            <h3 className="font-semibold">{zone.name}</h3>
            <ActionForm
              action={saveShippingZoneAction}
              label={`Edit zone ${zone.name}`}
              idPrefix={`zone-${z}`}
              layout="inline"
              fields={[
                { name: 'id', label: '', type: 'hidden', defaultValue: zone.id },
                { name: 'name', label: 'Zone name', defaultValue: zone.name },
                countriesField(zone.countries),
              ]}
              submitLabel="Save zone"
              pendingLabel="Saving…"
              variant="secondary"
              successMessage="Zone saved."
            />
            <h4 className="text-sm font-semibold">Rates</h4>
            {zone.rates.length === 0 ? <EmptyState>No rates in this zone.</EmptyState> : null}
            {zone.rates.map((rate, r) => (
              <div key={rate.id} className="flex flex-wrap items-end gap-3 border-t border-zinc-100 pt-3">
                <ActionForm
                  action={saveShippingRateAction}
                  label={`Edit rate ${rate.name} in ${zone.name}`}
                  idPrefix={`rate-${z}-${r}`}
                  layout="inline"
                  fields={rateFields(zone.id, rate.currency, rate)}
                  submitLabel="Save rate"
                  pendingLabel="Saving…"
                  variant="secondary"
                  successMessage="Rate saved."
                />
                <ActionForm
                  action={deleteShippingRateAction}
                  label={`Delete rate ${rate.name} in ${zone.name}`}
                  idPrefix={`rate-del-${z}-${r}`}
                  fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: rate.id }]}
                  submitLabel="Delete rate"
                  pendingLabel="Deleting…"
                  variant="secondary"
                  successMessage="Rate deleted."
                />
              </div>
            ))}
            <div className="border-t border-zinc-100 pt-3">
              <ActionForm
                action={saveShippingRateAction}
                label={`Add a rate to ${zone.name}`}
                idPrefix={`rate-new-${z}`}
                layout="inline"
                fields={rateFields(zone.id, currency)}
                submitLabel="Add rate"
                pendingLabel="Adding…"
                successMessage="Rate added."
              />
            </div>
            <ActionForm
              action={deleteShippingZoneAction}
              label={`Delete zone ${zone.name}`}
              idPrefix={`zone-del-${z}`}
              fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: zone.id }]}
              submitLabel="Delete zone and its rates"
              pendingLabel="Deleting…"
              variant="secondary"
              successMessage="Zone deleted."
            />
          </article>
        ))}
        <div className="rounded-lg border border-zinc-200 bg-white p-5">
          <h3 className="mb-3 font-semibold">Add a zone</h3>
          <ActionForm
            action={saveShippingZoneAction}
            label="Add a shipping zone"
            idPrefix="zone-new"
            layout="inline"
            fields={[
              { name: 'name', label: 'Zone name' },
              countriesField(),
            ]}
            submitLabel="Add zone"
            pendingLabel="Adding…"
            successMessage="Zone added."
          />
        </div>
      </section>

      <section aria-labelledby="tax-heading" className="space-y-4">
        <h2 id="tax-heading" className="text-lg font-semibold">
          Tax rates
        </h2>
        {taxes.length === 0 ? <EmptyState>No tax rates: orders are placed without tax.</EmptyState> : null}
        {taxes.map((rate, t) => (
          <div key={rate.id} className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3">
            <ActionForm
              action={saveTaxRateAction}
              label={`Edit tax rate ${rate.countryCode}${rate.regionCode ? `-${rate.regionCode}` : ''}`}
              idPrefix={`tax-${t}`}
              layout="inline"
              fields={taxFields(rate)}
              submitLabel="Save tax rate"
              pendingLabel="Saving…"
              variant="secondary"
              successMessage="Tax rate saved."
            />
            <ActionForm
              action={deleteTaxRateAction}
              label={`Delete tax rate ${rate.countryCode}${rate.regionCode ? `-${rate.regionCode}` : ''}`}
              idPrefix={`tax-del-${t}`}
              fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: rate.id }]}
              submitLabel="Delete"
              pendingLabel="Deleting…"
              variant="secondary"
              successMessage="Tax rate deleted."
            />
          </div>
        ))}
        <div className="rounded-lg border border-zinc-200 bg-white p-5">
          <h3 className="mb-3 font-semibold">Add a tax rate</h3>
          <ActionForm
            action={saveTaxRateAction}
            label="Add a tax rate"
            idPrefix="tax-new"
            layout="inline"
            fields={taxFields()}
            submitLabel="Add tax rate"
            pendingLabel="Adding…"
            successMessage="Tax rate added."
          />
        </div>
      </section>
    </div>
  );
}
