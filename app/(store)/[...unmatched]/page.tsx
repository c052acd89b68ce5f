import { notFound } from 'next/navigation';

// Any URL no other route matches ends here, inside the storefront's layout, so its 404 (app/(store)/not-found.tsx) has the
// store's header and footer. The root app/not-found.tsx can then stay bare: Next embeds the root layout's not-found
// element in every page's payload, and the chrome there doubled the header and footer on every page sent.
export default function Unmatched(): never {
  notFound();
}
