import Link from 'next/link';
import { requireStaffPage } from '@/lib/admin/guard';
import { listEmailTemplates } from '@/lib/email/previews';

export const metadata = { title: 'Emails' };

export default async function AdminEmailsPage() {
  await requireStaffPage('admin', '/admin/emails');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Emails</h1>
      <p className="text-sm text-zinc-600">
        Every message the store sends, with sample data, in your logo and accent colour (Settings → Brand and contact). Each has an HTML part and a plain-text part
        for clients that show no HTML.
      </p>
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white">
        {listEmailTemplates().map((template) => (
          <li key={template.name}>
            <Link href={`/admin/emails/${template.name}`} className="block px-4 py-3 text-sm font-medium hover:bg-zinc-50">
              {template.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
