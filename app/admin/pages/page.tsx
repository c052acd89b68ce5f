import Link from 'next/link';
import { InstallPagesButton } from '@/components/admin/content/install-pages-button';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { requireStaffPage } from '@/lib/admin/guard';
import { listContentPages } from '@/lib/store/content/queries';

export const metadata = { title: 'Pages' };

export default async function AdminPagesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  await requireStaffPage('admin', '/admin/pages');
  const [pages, { deleted }] = await Promise.all([listContentPages(), searchParams]);
  return (
    <div className="max-w-5xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Pages</h1>
        <Link href="/admin/pages/new" className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700">
          New page
        </Link>
      </div>
      {deleted ? (
        <p role="status" className="text-sm text-green-800">
          Page deleted.
        </p>
      ) : null}
      <p className="text-sm text-zinc-600">
        About, shipping and returns, legal pages: shoppers read them at /pages/&lt;address&gt;. Link them from the footer or header under Menus.
      </p>
      {pages.length === 0 ? <EmptyState>No pages yet. Start from the standard pages every shop needs, then edit them.</EmptyState> : null}
      {pages.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Pages</caption>
          <thead className="border-b border-zinc-200 text-zinc-600">
            <tr>
              <th scope="col" className="py-2 pr-4">Title</th>
              <th scope="col" className="py-2 pr-4">Address</th>
              <th scope="col" className="py-2 pr-4">Visibility</th>
              <th scope="col" className="py-2">Updated</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => (
              <tr key={page.id} className="border-b border-zinc-100">
                <td className="py-2 pr-4">
                  <Link href={`/admin/pages/${page.id}`} className="font-medium underline">
                    {page.title}
                  </Link>
                </td>
                <td className="py-2 pr-4 font-mono text-xs">/pages/{page.slug}</td>
                <td className="py-2 pr-4">{page.status === 'published' ? 'Published' : 'Draft'}</td>
                <td className="py-2">{formatDateTime(new Date(page.updatedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <InstallPagesButton />
    </div>
  );
}
