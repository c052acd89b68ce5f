import Form from 'next/form';

export function SearchBox() {
  return (
    // No prefetch of /search while the form is in view: for why, see components/ui/link.tsx.
    <Form action="/search" prefetch={false} role="search" className="flex flex-1 justify-center">
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
    </Form>
  );
}
