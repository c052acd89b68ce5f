import Link from 'next/link';
import { EmailTabs } from '@/components/admin/emails/email-tabs';
import { requireStaffPage } from '@/lib/admin/guard';
import { listEmailTemplates } from '@/lib/email/previews';

export const metadata = { title: 'Email templates' };

export default async function AdminEmailTemplatesPage() {
  await requireStaffPage('admin', '/admin/emails/templates');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Emails</h1>
      <EmailTabs current="templates" />
      <p className="text-sm text-zinc-600">
        Every message the store sends, with sample data, in your logo and accent colour (Settings → Brand and contact). Each has an HTML part and a plain-text part
        for clients that show no HTML.
      </p>
      <ul aria-label="Email templates" className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white">
        {listEmailTemplates().map((template) => (
          <li key={template.name}>
            <Link href={`/admin/emails/templates/${template.name}`} className="block px-4 py-3 text-sm font-medium hover:bg-zinc-50">
              {template.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
