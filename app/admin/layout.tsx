import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AdminCommandPalette, CommandPaletteButton } from '@/components/admin/admin-command-palette';
import { AdminNav } from '@/components/admin/admin-nav';
import { LeaveGuardProvider } from '@/components/admin/leave-guard';
import { SheetButton } from '@/components/ui/sheet-button';
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
        <AdminCommandPalette pages={items}>
        {/* Phones: a bar with the menu (the sections in a sheet) above the page. From md up: the sidebar. */}
        <div className="flex min-h-screen flex-1 flex-col bg-zinc-50 md:flex-row">
          <header className="sticky top-0 z-10 flex items-center gap-2 border-b border-zinc-200 bg-white px-2 py-1 md:hidden print:hidden">
            <SheetButton
              title="Admin menu"
              side="left"
              closeOnLink
              className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-zinc-100"
              label={
                <>
                  <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                    <path d="M4 7h16M4 12h16M4 17h16" />
                  </svg>
                  <span className="sr-only">Admin menu</span>
                </>
              }
            >
              <AdminNav items={items} />
              <AccountBlock email={user.email} role={user.role} />
            </SheetButton>
            <Link href="/admin" className="truncate text-lg font-bold tracking-tight">
              Store admin
            </Link>
            <CommandPaletteButton compact className="ml-auto" />
          </header>
          <aside className="hidden w-56 shrink-0 border-r border-zinc-200 bg-white p-4 md:block print:hidden">
            <Link href="/admin" className="mb-4 block text-lg font-bold tracking-tight">
              Store admin
            </Link>
            <CommandPaletteButton className="mb-4" />
            <AdminNav items={items} />
            <AccountBlock email={user.email} role={user.role} />
          </aside>
          <main id="main" className="min-w-0 flex-1 p-4 md:p-6 print:p-0">
            {children}
          </main>
        </div>
        </AdminCommandPalette>
      </LeaveGuardProvider>
    </ToastProvider>
  );
}

function AccountBlock({ email, role }: { email: string; role: string }) {
  return (
    <div className="mt-8 border-t border-zinc-200 pt-4 text-xs text-zinc-600">
      <p className="truncate" title={email}>
        {email}
      </p>
      <p className="capitalize">{role}</p>
      <div className="mt-2 flex flex-col gap-1">
        <Link href="/" className="hover:underline">
          View store
        </Link>
        <SignOutButton to="admin" />
      </div>
    </div>
  );
}
