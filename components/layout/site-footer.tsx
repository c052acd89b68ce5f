import { LanguageSelector } from './language-selector';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import type { MenuLink } from '@/lib/store/content/types';
import { StoreLogo } from './store-logo';

export type FooterContact = { supportEmail: string | null; contactPhone: string | null; contactAddress: string | null };

/** The storefront's footer: the merchant's footer menu (pages, categories, the order lookup) and how to reach the store. */
export function SiteFooter({
  storeName,
  logoUrl,
  links,
  contact,
  marketSelector,
}: {
  storeName: string;
  logoUrl: string | null;
  links: MenuLink[];
  contact: FooterContact;
  /** The country/currency selector (components/markets/market-selector.tsx), when the store sells in several markets. */
  marketSelector?: ReactNode;
}) {
  const t = useTranslations('Chrome');
  const hasContact = Boolean(contact.supportEmail || contact.contactPhone || contact.contactAddress);
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-zinc-50">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm text-zinc-700 sm:grid-cols-2">
        {links.length > 0 ? (
          <nav aria-label={t('footer')}>
            <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
              {links.map((link) => (
                <li key={`${link.href}-${link.label}`}>
                  {/* Tall enough to tap on a phone (WCAG 2.5.8 target size). */}
                  <Link href={link.href} className="inline-block py-1.5 hover:text-zinc-950 hover:underline">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {hasContact ? (
          <section aria-labelledby="footer-contact-heading">
            <h2 id="footer-contact-heading" className="font-semibold text-zinc-900">
              {t('contact')}
            </h2>
            <address className="mt-2 space-y-1 not-italic">
              {contact.supportEmail ? (
                <p>
                  <a href={`mailto:${contact.supportEmail}`} className="inline-block py-1 hover:underline">
                    {contact.supportEmail}
                  </a>
                </p>
              ) : null}
              {contact.contactPhone ? (
                <p>
                  <a href={`tel:${contact.contactPhone.replace(/[^\d+]/g, '')}`} className="inline-block py-1 hover:underline">
                    {contact.contactPhone}
                  </a>
                </p>
              ) : null}
              {contact.contactAddress ? <p className="whitespace-pre-line">{contact.contactAddress}</p> : null}
            </address>
          </section>
        ) : null}
        {/* Where the shopper is, and in which language: side by side, the language first (it is always there). */}
        <div className="flex flex-wrap items-end gap-x-8 gap-y-4 sm:col-span-2">
          <LanguageSelector />
          {marketSelector ? <div>{marketSelector}</div> : null}
        </div>
        <div className="flex flex-wrap items-center gap-3 text-zinc-600 sm:col-span-2">
          {logoUrl ? <StoreLogo storeName={storeName} logoUrl={logoUrl} className="h-6 w-auto" decorative /> : null}
          <p>
            © {new Date().getFullYear()} {storeName}
          </p>
        </div>
      </div>
    </footer>
  );
}
