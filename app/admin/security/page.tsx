import QRCode from 'qrcode';
import { ConfirmTwoFactorForm, DisableTwoFactorForm, RegenerateCodesForm, StartTwoFactorForm } from '@/components/auth/two-factor-forms';
import { requireStaffPage } from '@/lib/admin/guard';
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorAction } from '@/lib/admin/security/actions';
import { getTwoFactorStatus, isAdminTwoFactorRequired, otpauthUri } from '@/lib/auth/two-factor';

export const metadata = { title: 'Your security' };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const user = await requireStaffPage('staff', '/admin/security');
  const { required } = await searchParams;
  const status = await getTwoFactorStatus(user.id);
  const requiredForYou = user.role === 'admin' && (await isAdminTwoFactorRequired());
  const qr = status.pendingSecret ? await QRCode.toDataURL(otpauthUri(status.pendingSecret, user.email), { margin: 1, width: 200 }) : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Your security</h1>
      {required && !status.enabled ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          This store requires two-factor authentication for admins. Set it up to use the rest of the panel.
        </p>
      ) : null}
      <section aria-labelledby="two-factor-heading" className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          Two-factor authentication
        </h2>
        {status.enabled ? (
          <>
            <p className="text-sm" role="status">
              Two-factor authentication is <strong>on</strong> since {status.enabledAt?.toISOString().slice(0, 10)}. Recovery codes left:{' '}
              {status.recoveryCodesLeft}.
            </p>
            <RegenerateCodesForm action={regenerateRecoveryCodesAction} doneHref="/admin/security" />
            {requiredForYou ? (
              <p className="text-sm text-zinc-600">The store requires two-factor for admins, so it cannot be turned off.</p>
            ) : (
              <DisableTwoFactorForm action={disableTwoFactorAction} />
            )}
          </>
        ) : status.pendingSecret && qr ? (
          <>
            <p className="text-sm">
              Scan this QR code with an authenticator app (or type the key in), then enter the 6-digit code it shows.
            </p>
            {/* A data URL made on the server: the secret never goes to a third-party QR service. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={qr} width={200} height={200} alt="QR code for your authenticator app" />
            <p className="text-sm">
              Key: <code data-testid="totp-secret" aria-label="Secret key" className="rounded bg-zinc-100 px-1 font-mono">{status.pendingSecret}</code>
            </p>
            <ConfirmTwoFactorForm action={confirmTwoFactorAction} doneHref="/admin/security" />
          </>
        ) : (
          <>
            <p className="text-sm">Two-factor authentication is <strong>off</strong>. With it on, signing in also needs a code from your phone.</p>
            <StartTwoFactorForm action={startTwoFactorAction} />
          </>
        )}
      </section>
    </div>
  );
}
