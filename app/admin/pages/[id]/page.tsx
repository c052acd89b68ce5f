import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { DeletePageForm, PageEditor } from '@/components/admin/content/page-editor';
import { requireStaffPage } from '@/lib/admin/guard';
import { getContentPageForEdit, getPublishedPage } from '@/lib/store/content/queries';

export const metadata = { title: 'Edit page' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditContentPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaffPage('admin', `/admin/pages/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const page = await getContentPageForEdit(id);
  if (!page) notFound();
  // The saved body as shoppers will see it (rendered and sanitised the same way), drafts included: the preview's first paint.
  const [preview, { created }] = await Promise.all([getPublishedPage(page.slug, { includeDrafts: true }), searchParams]);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/pages" className="underline">
          ← Pages
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{page.title}</h1>
        {page.status === 'published' ? (
          <a href={`/pages/${page.slug}`} className="text-sm underline" target="_blank" rel="noopener">
            View on the store<span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-900">Draft: hidden from shoppers</span>
        )}
      </div>
      {created ? (
        <p role="status" className="text-sm text-green-800">
          Page created.
        </p>
      ) : null}
      <PageEditor key={page.id} page={page} savedHtml={preview?.html ?? ''} />
      <DeletePageForm id={page.id} title={page.title} />
    </div>
  );
}
