import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { LeaveGuardProvider } from '@/components/admin/leave-guard';
import { ToastProvider } from '@/components/ui/toaster';
import { SignOutButton } from '@/components/account/sign-out-button';
import { requireStaffPage } from '@/lib/admin/guard';
import { ADMIN_SECTIONS } from '@/lib/admin/navigation';
import { meetsPolicy } from '@/lib/http/policy';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin' }, robots: { index: false, follow: false } };

// The panel's chrome. It is not the lock: every admin page, server action and /api/admin route checks the role itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  // The pages enforce the two-factor requirement; the frame must still render around /admin/security.
  const user = await requireStaffPage('staff', '/admin', { twoFactor: 'optional' });
  const items = ADMIN_SECTIONS.filter((section) => meetsPolicy(section.role, user)).map(({ href, label }) => ({ href, label }));
  return (
    <ToastProvider>
      <LeaveGuardProvider>
        <div className="flex min-h-screen flex-1 bg-zinc-50">
          <aside className="w-56 shrink-0 border-r border-zinc-200 bg-white p-4 print:hidden">
            <Link href="/admin" className="mb-6 block text-lg font-bold tracking-tight">
              Store admin
            </Link>
            <AdminNav items={items} />
            <div className="mt-8 border-t border-zinc-200 pt-4 text-xs text-zinc-600">
              <p className="truncate" title={user.email}>
                {user.email}
              </p>
              <p className="capitalize">{user.role}</p>
              <div className="mt-2 flex flex-col gap-1">
                <Link href="/" className="hover:underline">
                  View store
                </Link>
                <SignOutButton />
              </div>
            </div>
          </aside>
          <main id="main" className="min-w-0 flex-1 p-6 print:p-0">
            {children}
          </main>
        </div>
      </LeaveGuardProvider>
    </ToastProvider>
  );
}
