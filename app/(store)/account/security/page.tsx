import type { Metadata } from 'next';
import QRCode from 'qrcode';
import { AccountNav } from '@/components/account/account-nav';
import { ConfirmTwoFactorForm, DisableTwoFactorForm, RegenerateCodesForm, StartTwoFactorForm } from '@/components/auth/two-factor-forms';
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
  const qr = status.pendingSecret ? await QRCode.toDataURL(otpauthUri(status.pendingSecret, user.email), { margin: 1, width: 200 }) : null;
  return (
    <section aria-labelledby="security-heading" className="flex flex-col gap-6">
      <h1 id="security-heading" className="text-2xl font-bold">
        Security
      </h1>
      <AccountNav />
      <section aria-labelledby="two-factor-heading" className="flex flex-col gap-4">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          Two-factor authentication
        </h2>
        {status.enabled ? (
          <>
            <p className="text-sm" role="status">
              Two-factor authentication is <strong>on</strong> since {status.enabledAt?.toISOString().slice(0, 10)}. Recovery codes left:{' '}
              {status.recoveryCodesLeft}.
            </p>
            <RegenerateCodesForm action={regenerateAccountRecoveryCodesAction} doneHref="/account/security" />
            {cannotTurnOff ? (
              <p className="text-sm">The store requires two-factor for admins, so it cannot be turned off.</p>
            ) : (
              <DisableTwoFactorForm action={disableAccountTwoFactorAction} />
            )}
          </>
        ) : status.pendingSecret && qr ? (
          <>
            <p className="text-sm">Scan this QR code with an authenticator app (or type the key in), then enter the 6-digit code it shows.</p>
            {/* A data URL made on the server: the secret never goes to a third-party QR service. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={qr} width={200} height={200} alt="QR code for your authenticator app" />
            <p className="text-sm break-all">
              Key:{' '}
              <code data-testid="totp-secret" aria-label="Secret key" className="rounded bg-zinc-100 px-1 font-mono">
                {status.pendingSecret}
              </code>
            </p>
            <ConfirmTwoFactorForm action={confirmAccountTwoFactorAction} doneHref="/account/security" />
          </>
        ) : (
          <>
            <p className="text-sm">
              Two-factor authentication is <strong>off</strong>. With it on, signing in also needs a code from an authenticator app on your phone.
            </p>
            <StartTwoFactorForm action={startAccountTwoFactorAction} />
          </>
        )}
      </section>
    </section>
  );
}
