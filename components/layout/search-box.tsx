'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';

/**
 * The header's search form. Without JavaScript it is a plain GET to /search; with it, the submit becomes a client
 * navigation through the router every page already loads. (next/form does the same, but ships its own ~2 KB on
 * every storefront page for a prefetch this one-field form does not need.)
 */
export function SearchBox() {
  const router = useRouter();
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = new FormData(event.currentTarget).get('q');
    router.push(`/search?${new URLSearchParams({ q: typeof query === 'string' ? query : '' })}`);
  };
  return (
    <form action="/search" role="search" onSubmit={search} className="flex flex-1 justify-center">
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        placeholder="Search products"
        maxLength={100}
        className="w-full max-w-md rounded-md border border-zinc-300 px-3 py-1.5 text-sm"
      />
      <button type="submit" className="ml-2 rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700">
        Search
      </button>
    </form>
  );
}
