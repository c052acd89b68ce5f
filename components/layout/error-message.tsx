'use client';

import Link from 'next/link';

export function ErrorMessage({
  error,
  reset,
  homeHref = '/',
  homeLabel = 'Back to the shop',
}: {
  error: Error & { digest?: string };
  reset: () => void;
  homeHref?: string;
  homeLabel?: string;
}) {
  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-red-700">500</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-4 text-zinc-600">
        We could not load this page. Please try again in a moment.
        {error.digest ? <span className="mt-2 block text-xs text-zinc-500">Reference: {error.digest}</span> : null}
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Try again
        </button>
        <Link href={homeHref} className="rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-50">
          {homeLabel}
        </Link>
      </div>
    </div>
  );
}
