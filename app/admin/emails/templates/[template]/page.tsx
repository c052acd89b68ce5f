import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmailParts } from '@/components/admin/emails/email-parts';
import { requireStaffPage } from '@/lib/admin/guard';
import { renderEmailPreview } from '@/lib/email/previews';

export const metadata = { title: 'Email preview' };

export default async function AdminEmailPreviewPage({ params }: { params: Promise<{ template: string }> }) {
  const { template } = await params;
  await requireStaffPage('admin', `/admin/emails/templates/${template}`);
  const email = await renderEmailPreview(template);
  if (!email) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/admin/emails/templates" className="underline">
          ← Templates
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">{email.label}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
        <dt className="font-medium">Subject</dt>
        <dd data-testid="email-subject">{email.subject}</dd>
      </dl>
      <EmailParts label={email.label} html={email.html} text={email.text} />
    </div>
  );
}
