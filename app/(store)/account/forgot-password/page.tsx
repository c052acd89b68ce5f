import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { requestPasswordResetAction } from '@/lib/auth/actions';

export const metadata: Metadata = { title: 'Reset your password', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <section aria-labelledby="forgot-heading" className="mx-auto max-w-md">
      <h1 id="forgot-heading" className="text-2xl font-bold">
        Reset your password
      </h1>
      <p className="mt-2 text-sm text-zinc-600">We will email you a link that works once, for one hour.</p>
      <div className="mt-6">
        <ActionForm
          action={requestPasswordResetAction}
          label="Request a password reset"
          submitLabel="Email me a link"
          pendingLabel="Sending…"
          fields={[{ name: 'email', label: 'Email', type: 'email', autoComplete: 'email' }]}
        />
      </div>
    </section>
  );
}
