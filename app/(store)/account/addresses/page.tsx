import type { Metadata } from 'next';
import { AccountNav } from '@/components/account/account-nav';
import { AddressActions } from '@/components/account/address-actions';
import { ActionForm } from '@/components/ui/action-form';
import { requireUser } from '@/lib/auth/session';
import { addAddressAction } from '@/lib/customers/actions';
import { listAddresses } from '@/lib/customers/addresses';

export const metadata: Metadata = { title: 'Address book', robots: { index: false } };

export default async function AddressesPage() {
  const user = await requireUser('/account/addresses');
  const addresses = await listAddresses(user.id);
  return (
    <section aria-labelledby="addresses-heading" className="flex flex-col gap-6">
      <h1 id="addresses-heading" className="text-2xl font-bold">
        Address book
      </h1>
      <AccountNav />
      {addresses.length === 0 ? <p>No saved addresses yet.</p> : null}
      <ul aria-label="Saved addresses" className="grid gap-4 sm:grid-cols-2">
        {addresses.map((address) => (
          <li key={address.id} className="rounded-lg border border-zinc-200 p-4 text-sm" aria-label={`${address.name}, ${address.line1}`}>
            <address className="not-italic">
              {address.name}
              <br />
              {address.line1}
              {address.line2 ? `, ${address.line2}` : ''}
              <br />
              {address.city}
              {address.region ? `, ${address.region}` : ''} {address.postalCode}, {address.countryCode}
            </address>
            {address.isDefaultShipping ? <p className="mt-1 font-medium">Default</p> : null}
            <AddressActions addressId={address.id} isDefault={address.isDefaultShipping} />
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-address-heading">
        <h2 id="new-address-heading" className="mb-3 text-lg font-semibold">
          Add an address
        </h2>
        <ActionForm
          action={addAddressAction}
          label="Add an address"
          submitLabel="Save address"
          pendingLabel="Saving…"
          fields={[
            { name: 'name', label: 'Full name', autoComplete: 'name' },
            { name: 'line1', label: 'Street address', autoComplete: 'address-line1' },
            { name: 'line2', label: 'Apartment, suite, etc.', autoComplete: 'address-line2', required: false },
            { name: 'city', label: 'City', autoComplete: 'address-level2' },
            {
              name: 'region',
              label: 'State / region',
              autoComplete: 'address-level1',
              required: false,
              hint: 'Required in the US, Canada, Australia, Mexico and Brazil (code or name). Leave empty where addresses have none, e.g. Germany or France.',
            },
            { name: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
            { name: 'countryCode', label: 'Country code', autoComplete: 'country', hint: 'Two letters, e.g. US, GB, DE.', defaultValue: 'US' },
            { name: 'phone', label: 'Phone', type: 'tel', autoComplete: 'tel', required: false },
          ]}
        >
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="makeDefault" /> Make this my default address
          </label>
        </ActionForm>
      </section>
    </section>
  );
}
