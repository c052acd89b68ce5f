import QRCode from 'qrcode';
import type { TwoFactorStatus } from '@/lib/auth/two-factor';
import type { FormAction } from '@/lib/http/action-result';
import { DisableTwoFactorForm, RegenerateCodesForm, StartTwoFactorForm, TwoFactorSetup } from './two-factor-forms';

// The two-factor section staff (/admin/security) and customers (/account/security) share: off → set up → confirm with
// a code (recovery codes shown once) → on, with new codes or turning it off. Each page passes its own actions.

type Action<T> = FormAction<T>;

export type TwoFactorPanelProps = {
  status: TwoFactorStatus;
  /** The otpauth:// URI of the pending secret (its QR code is drawn here, on the server). */
  otpauthUri: string | null;
  /** Why it cannot be turned off (the store requires it for admins), or null. */
  cannotTurnOff: string | null;
  doneHref: string;
  actions: { start: Action<null>; confirm: Action<string[]>; regenerate: Action<string[]>; disable: Action<null> };
  className?: string;
};

export async function TwoFactorPanel({ status, otpauthUri, cannotTurnOff, doneHref, actions, className }: TwoFactorPanelProps) {
  // A data URL made on the server: the secret never goes to a third-party QR service.
  const qr = status.pendingSecret && otpauthUri ? await QRCode.toDataURL(otpauthUri, { margin: 1, width: 200 }) : null;
  return (
    <section aria-labelledby="two-factor-heading" className={className ?? 'flex flex-col gap-4'}>
      <h2 id="two-factor-heading" className="text-lg font-semibold">
        Two-factor authentication
      </h2>
      {status.enabled ? (
        <>
          <p className="text-sm" role="status">
            Two-factor authentication is <strong>on</strong> since {status.enabledAt?.toISOString().slice(0, 10)}. Recovery codes left:{' '}
            {status.recoveryCodesLeft}.
          </p>
          <RegenerateCodesForm action={actions.regenerate} doneHref={doneHref} />
          {cannotTurnOff ? <p className="text-sm text-zinc-600">{cannotTurnOff}</p> : <DisableTwoFactorForm action={actions.disable} />}
        </>
      ) : status.pendingSecret && qr ? (
        <TwoFactorSetup qr={qr} secret={status.pendingSecret} action={actions.confirm} doneHref={doneHref} />
      ) : (
        <>
          <p className="text-sm">
            Two-factor authentication is <strong>off</strong>. With it on, signing in also needs a code from an authenticator app on your phone.
          </p>
          <StartTwoFactorForm action={actions.start} />
        </>
      )}
    </section>
  );
}
