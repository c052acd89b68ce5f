'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { useHintCookie } from '@/components/layout/use-hint-cookie';
import { SESSION_HINT_COOKIE } from '@/lib/store/hint-names';

/** "Account" for a signed-in visitor, "Sign in" otherwise (from a hint cookie, like the cart count). */
export function AccountLink({ className = 'hover:underline' }: { className?: string }) {
  const signedIn = useHintCookie(SESSION_HINT_COOKIE) === '1';
  const t = useTranslations('Chrome');
  return (
    <Link href={signedIn ? '/account' : '/account/sign-in'} className={className}>
      {signedIn ? t('account') : t('signIn')}
    </Link>
  );
}
