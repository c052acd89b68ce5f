import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { SheetButton } from '@/components/ui/sheet-button';

/**
 * The header's menu button and the drawer it opens, holding `children` (the category tree and account links,
 * rendered on the server). Following a link in it closes it: the navigation is client-side, the page stays.
 */
export function MenuDrawer({ children }: { children: ReactNode }) {
  const t = useTranslations('Chrome');
  return (
    <SheetButton
      title={t('menu')}
      side="left"
      closeOnLink
      className="-ml-2 inline-flex items-center justify-center gap-1 min-h-11 min-w-11 rounded-md px-2 text-sm font-medium hover:bg-zinc-100"
      label={
        <>
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M4 7h16M4 12h16M4 17h16" />
          </svg>
          <span className="sr-only">{t('menu')}</span>
        </>
      }
    >
      {children}
    </SheetButton>
  );
}
