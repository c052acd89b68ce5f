import type { Metadata } from 'next';
import { AccountNav } from '@/components/account/account-nav';
import { TwoFactorPanel } from '@/components/auth/two-factor-panel';
import {
  confirmAccountTwoFactorAction,
  disableAccountTwoFactorAction,
  regenerateAccountRecoveryCodesAction,
  startAccountTwoFactorAction,
} from '@/lib/auth/two-factor-actions';
import { requireUser } from '@/lib/auth/session';
import { getTwoFactorStatus, isAdminTwoFactorRequired, otpauthUri } from '@/lib/auth/two-factor';

export const metadata: Metadata = { title: 'Security', robots: { index: false } };

export default async function AccountSecurityPage() {
  const user = await requireUser('/account/security');
  const status = await getTwoFactorStatus(user.id);
  const cannotTurnOff = user.role === 'admin' && (await isAdminTwoFactorRequired());
  return (
    <section aria-labelledby="security-heading" className="flex flex-col gap-6">
      <h1 id="security-heading" className="text-2xl font-bold">
        Security
      </h1>
      <AccountNav />
      <TwoFactorPanel
        status={status}
        otpauthUri={status.pendingSecret ? otpauthUri(status.pendingSecret, user.email) : null}
        cannotTurnOff={cannotTurnOff ? 'The store requires two-factor for admins, so it cannot be turned off.' : null}
        doneHref="/account/security"
        actions={{
          start: startAccountTwoFactorAction,
          confirm: confirmAccountTwoFactorAction,
          regenerate: regenerateAccountRecoveryCodesAction,
          disable: disableAccountTwoFactorAction,
        }}
      />
    </section>
  );
}
