import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';

export const metadata: Metadata = { title: 'Account deleted', robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <section aria-labelledby="deleted-heading" className="mx-auto max-w-md text-center">
      <h1 id="deleted-heading" className="text-2xl font-bold">
        Your account has been deleted
      </h1>
      <p role="status" className="mt-4">
        Your personal data has been erased and you have been signed out. Thank you for shopping with us.
      </p>
      <Link href="/" className="mt-6 inline-block underline">
        Back to the shop
      </Link>
    </section>
  );
}
