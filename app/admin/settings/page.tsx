import Link from 'next/link';
import { requireStaffPage } from '@/lib/admin/guard';

export const metadata = { title: 'Settings' };

// The settings index: one card per section, each its own page (no 6,000-pixel wall of open forms).
const SECTIONS = [
  { href: '/admin/settings/general', title: 'General', text: 'Store name, currency, how prices show tax, low-stock threshold, support email, two-factor for admins.' },
  { href: '/admin/settings/brand', title: 'Brand and contact', text: 'Logo, accent colour, phone, address and the payment instructions for manual payment.' },
  { href: '/admin/settings/shipping', title: 'Shipping zones', text: 'Where you ship, and the rates shoppers choose from in each zone.' },
  { href: '/admin/settings/returns', title: 'Returns', text: 'Return window, reasons, the return shipping fee and where refunds go.' },
  { href: '/admin/settings/taxes', title: 'Taxes', text: 'Tax rates by country and region, and whether they apply to shipping.' },
  { href: '/admin/emails/templates', title: 'Emails', text: 'The messages the store sends: preview each template; see what was sent.' },
  { href: '/admin/staff', title: 'Staff', text: 'Who can sign in to the admin, and with which role.' },
] as const;

export default async function SettingsPage() {
  await requireStaffPage('admin', '/admin/settings');
  return (
    <div className="max-w-5xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <ul aria-label="Settings sections" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} className="block h-full rounded-lg border border-zinc-200 bg-white p-4 hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-zinc-900">
              <span className="block font-semibold">{section.title}</span>
              <span className="mt-1 block text-sm text-zinc-600">{section.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
