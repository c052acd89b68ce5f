import Link from 'next/link';
import { PageEditor } from '@/components/admin/content/page-editor';
import { requireStaffPage } from '@/lib/admin/guard';

export const metadata = { title: 'New page' };

export default async function NewContentPage() {
  await requireStaffPage('admin', '/admin/pages/new');
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/pages" className="underline">
          ← Pages
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">New page</h1>
      <PageEditor page={null} />
    </div>
  );
}
