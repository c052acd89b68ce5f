import { Link } from '@/components/ui/link';

export function NotFoundMessage({ homeHref = '/', homeLabel = 'Back to the shop' }: { homeHref?: string; homeLabel?: string }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-4 text-zinc-600">The page you are looking for does not exist or is no longer available.</p>
      <Link href={homeHref} className="mt-8 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {homeLabel}
      </Link>
    </div>
  );
}
