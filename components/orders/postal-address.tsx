import { countryName } from '@/lib/checkout/regions';

type Address = {
  name: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  countryCode: string;
  phone?: string | null;
};

/** A postal address as it is written on an envelope, the country by name; one layout for shoppers and staff. */
export function PostalAddress({ address, className = 'not-italic' }: { address: Address; className?: string }) {
  return (
    <address className={className}>
      {address.name}
      <br />
      {address.company ? (
        <>
          {address.company}
          <br />
        </>
      ) : null}
      {address.line1}
      {address.line2 ? `, ${address.line2}` : ''}
      <br />
      {address.city}
      {address.region ? `, ${address.region}` : ''} {address.postalCode}
      <br />
      {countryName(address.countryCode)}
      {address.phone ? (
        <>
          <br />
          {address.phone}
        </>
      ) : null}
    </address>
  );
}
