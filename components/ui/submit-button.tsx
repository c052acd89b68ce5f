'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

type SubmitButtonProps = {
  children: ReactNode;
  pendingLabel: string;
  className?: string;
  variant?: 'primary' | 'secondary' | 'link';
  name?: string;
  value?: string;
  /** Forces the pending look, e.g. from useActionState's isPending. */
  pending?: boolean;
  /** Not submittable at all (e.g. a sold-out variant), as opposed to busy. */
  disabled?: boolean;
};

const styles = {
  primary: 'rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60',
  secondary: 'rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60',
  link: 'text-sm text-zinc-600 underline hover:text-zinc-900 disabled:opacity-60',
};

/** A submit button that shows the form is being sent and cannot be clicked twice meanwhile. */
export function SubmitButton({ children, pendingLabel, className, variant = 'primary', name, value, pending, disabled = false }: SubmitButtonProps) {
  const status = useFormStatus();
  const busy = pending || status.pending;
  return (
    <button type="submit" name={name} value={value} disabled={busy || disabled} aria-disabled={busy || disabled} className={`${styles[variant]} ${className ?? ''}`}>
      {busy ? pendingLabel : children}
    </button>
  );
}
