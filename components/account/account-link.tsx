import { Link } from '@/components/ui/link';
import { getSessionUser } from '@/lib/auth/session';

export async function AccountLink() {
  const user = await getSessionUser();
  return (
    <Link href={user ? '/account' : '/account/sign-in'} className="hover:underline">
      {user ? 'Account' : 'Sign in'}
    </Link>
  );
}
