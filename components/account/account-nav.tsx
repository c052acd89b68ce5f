import { Link } from '@/components/ui/link';

export function AccountNav() {
  return (
    <nav aria-label="Account" className="mb-6 flex gap-4 text-sm">
      <Link href="/account" className="underline">
        Profile
      </Link>
      <Link href="/account/orders" className="underline">
        Orders
      </Link>
      <Link href="/account/addresses" className="underline">
        Addresses
      </Link>
      <Link href="/account/security" className="underline">
        Security
      </Link>
    </nav>
  );
}
