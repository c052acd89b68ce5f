import type { AddressValues } from './address-fields';

// Shared by the checkout page (a server component) and the picker: a constant exported from a client module would
// reach the server as a client reference, not as its value.

/** The address book's choice that clears the fields for an address typed afresh (also `?address=new`). */
export const NEW_ADDRESS = 'new';

export type SavedAddressOption = {
  id: string;
  /** The recipient, then the address on one line. */
  name: string;
  address: string;
  isDefault: boolean;
  /** Why it cannot be used for this order (the store does not ship there), or null. */
  unavailable: string | null;
  /** What it fills in. */
  values: AddressValues;
};

const ADDRESS_FIELDS = ['name', 'company', 'line1', 'line2', 'city', 'region', 'postalCode', 'countryCode', 'phone'] as const;

/** A saved address as the address inputs hold it: every field, empty where it has none. */
export function addressValues(address: Record<(typeof ADDRESS_FIELDS)[number], string | null>): Required<AddressValues> {
  return Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, address[field] ?? ''])) as Required<AddressValues>;
}
