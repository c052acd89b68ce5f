import { PostalAddress } from '@/components/orders/postal-address';
import type { StaffOrderDetail } from '@/lib/orders/types';

type AddressSnapshot = StaffOrderDetail['shippingAddress'];

/** A labelled state chip ("Payment: Paid"): the label is read out, not only the colour. */
export function StatusBadge({ label, value }: { label: string; value: string }) {
  return (
    <span className="rounded-full border border-zinc-300 bg-white px-2.5 py-0.5 text-xs">
      <span className="text-zinc-600">{label}:</span> <span className="font-medium">{value}</span>
    </span>
  );
}

export function AddressBlock({ address }: { address: AddressSnapshot }) {
  return <PostalAddress address={address} />;
}
