import Link from 'next/link';

const TABS = [
  { key: 'sent', href: '/admin/emails', label: 'Sent' },
  { key: 'templates', href: '/admin/emails/templates', label: 'Templates' },
] as const;

/** The Emails screen's two views: the messages the store sent or stored, and its templates with sample data. */
export function EmailTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  return (
    <nav aria-label="Emails" className="border-b border-zinc-200">
      <ul className="-mb-px flex gap-4 text-sm font-medium">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? 'page' : undefined}
              className={
                tab.key === current
                  ? 'inline-block border-b-2 border-zinc-900 px-1 pb-2 text-zinc-900'
                  : 'inline-block border-b-2 border-transparent px-1 pb-2 text-zinc-600 hover:text-zinc-900'
              }
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
