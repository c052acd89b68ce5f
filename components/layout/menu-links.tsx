import { Link } from '@/components/ui/link';
import type { MenuLink } from '@/lib/store/content/types';

/**
 * A menu the merchant edits in the admin (lib/store/content listMenu / getCachedMenu), as a labelled list of links.
 * The header's menu is this component fed with getCachedMenu('header').
 */
export function MenuLinks({ label, links, className }: { label: string; links: MenuLink[]; className?: string }) {
  if (links.length === 0) return null;
  return (
    <nav aria-label={label}>
      <ul className={className ?? 'flex flex-wrap gap-x-4 gap-y-1 text-sm'}>
        {links.map((link) => (
          <li key={`${link.href}-${link.label}`}>
            <Link href={link.href} className="inline-block py-1.5 hover:underline">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
