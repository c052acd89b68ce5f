import { TwoFactorPanel } from '@/components/auth/two-factor-panel';
import { requireStaffPage } from '@/lib/admin/guard';
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorAction } from '@/lib/admin/security/actions';
import { getTwoFactorStatus, isAdminTwoFactorRequired, otpauthUri } from '@/lib/auth/two-factor';

export const metadata = { title: 'Your security' };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const user = await requireStaffPage('staff', '/admin/security');
  const { required } = await searchParams;
  const status = await getTwoFactorStatus(user.id);
  const requiredForYou = user.role === 'admin' && (await isAdminTwoFactorRequired());
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Your security</h1>
      {required && !status.enabled ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          This store requires two-factor authentication for admins. Set it up to use the rest of the panel.
        </p>
      ) : null}
      <TwoFactorPanel
        className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5"
        status={status}
        otpauthUri={status.pendingSecret ? otpauthUri(status.pendingSecret, user.email) : null}
        cannotTurnOff={requiredForYou ? 'The store requires two-factor for admins, so it cannot be turned off.' : null}
        doneHref="/admin/security"
        actions={{ start: startTwoFactorAction, confirm: confirmTwoFactorAction, regenerate: regenerateRecoveryCodesAction, disable: disableTwoFactorAction }}
      />
    </div>
  );
}
