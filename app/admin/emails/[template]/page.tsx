import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaffPage } from '@/lib/admin/guard';
import { renderEmailPreview } from '@/lib/email/previews';

export const metadata = { title: 'Email preview' };

export default async function AdminEmailPreviewPage({ params }: { params: Promise<{ template: string }> }) {
  const { template } = await params;
  await requireStaffPage('admin', `/admin/emails/${template}`);
  const email = await renderEmailPreview(template);
  if (!email) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/admin/emails" className="underline">
          ← Emails
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">{email.label}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
        <dt className="font-medium">Subject</dt>
        <dd data-testid="email-subject">{email.subject}</dd>
      </dl>
      <section aria-labelledby="html-heading" className="space-y-2">
        <h2 id="html-heading" className="text-lg font-semibold">
          HTML
        </h2>
        {/* sandbox="": the message runs no script and cannot navigate this page, as in a mail client. */}
        <iframe title={`${email.label}: HTML part`} srcDoc={email.html} sandbox="" className="h-[720px] w-full rounded-md border border-zinc-200 bg-white" />
      </section>
      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="text-lg font-semibold">
          Plain text
        </h2>
        <pre className="overflow-x-auto rounded-md border border-zinc-200 bg-white p-4 text-xs whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid="email-text">
          {email.text}
        </pre>
      </section>
    </div>
  );
}
