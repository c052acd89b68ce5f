'use client';

import { Link } from '@/components/ui/link';
import { useHintCookie } from '@/components/layout/use-hint-cookie';
import { SESSION_HINT_COOKIE } from '@/lib/store/hint-names';

/** "Account" for a signed-in visitor, "Sign in" otherwise (from a hint cookie, like the cart count). */
export function AccountLink({ className = 'hover:underline' }: { className?: string }) {
  const signedIn = useHintCookie(SESSION_HINT_COOKIE) === '1';
  return (
    <Link href={signedIn ? '/account' : '/account/sign-in'} className={className}>
      {signedIn ? 'Account' : 'Sign in'}
    </Link>
  );
}
