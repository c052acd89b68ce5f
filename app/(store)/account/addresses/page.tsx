import type { Metadata } from 'next';
import { AccountNav } from '@/components/account/account-nav';
import { AddressActions } from '@/components/account/address-actions';
import { AddressForm } from '@/components/account/address-form';
import { addressValues } from '@/components/checkout/address-choice';
import { countryName } from '@/lib/checkout/regions';
import { PostalAddress } from '@/components/orders/postal-address';
import { requireUser } from '@/lib/auth/session';
import { listShippingCountries } from '@/lib/checkout/service';
import { addAddressAction, updateAddressAction } from '@/lib/customers/actions';
import { listAddresses } from '@/lib/customers/addresses';

export const metadata: Metadata = { title: 'Address book', robots: { index: false } };

export default async function AddressesPage() {
  const user = await requireUser('/account/addresses');
  const [addresses, shipping] = await Promise.all([listAddresses(user.id), listShippingCountries()]);
  // The countries the store ships to, as at checkout; a saved address elsewhere keeps its country in the list.
  const codes = new Set([...shipping, ...addresses.map((address) => address.countryCode)]);
  const countries = [...codes].map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
  const fallbackCountry = codes.has('US') ? 'US' : countries[0]?.code;
  return (
    <section aria-labelledby="addresses-heading" className="flex flex-col gap-6">
      <h1 id="addresses-heading" className="text-2xl font-bold">
        Address book
      </h1>
      <AccountNav />
      {addresses.length === 0 ? <p>No saved addresses yet.</p> : null}
      <ul aria-label="Saved addresses" className="grid gap-4 sm:grid-cols-2">
        {addresses.map((address) => {
          const label = `${address.name}, ${address.line1}`;
          return (
            <li key={address.id} className="min-w-0 rounded-lg border border-zinc-200 p-4 text-sm" aria-label={label}>
              <PostalAddress address={{ ...address, phone: null }} className="not-italic break-words" />
              {address.isDefaultShipping ? <p className="mt-1 font-medium">Default</p> : null}
              <AddressActions addressId={address.id} isDefault={address.isDefaultShipping} />
              {/* A disclosure, so editing works without JavaScript too. */}
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium underline">Edit</summary>
                <div className="mt-3">
                  <AddressForm
                    action={updateAddressAction}
                    label={`Edit ${label}`}
                    idPrefix={`address-${address.id}`}
                    countries={countries}
                    addressId={address.id}
                    isDefault={address.isDefaultShipping}
                    defaults={addressValues(address)}
                    submitLabel="Save changes"
                  />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="new-address-heading">
        <h2 id="new-address-heading" className="mb-3 text-lg font-semibold">
          Add an address
        </h2>
        <AddressForm
          action={addAddressAction}
          label="Add an address"
          idPrefix="address-new"
          countries={countries}
          defaults={{ countryCode: fallbackCountry, name: user.name ?? '' }}
          submitLabel="Save address"
        />
      </section>
    </section>
  );
}
