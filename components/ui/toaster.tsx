'use client';

import type { ReactNode } from 'react';
import { toast, Toaster as Sonner } from 'sonner';
import { type Notify, ToastContext } from './toast-context';

// Toasts on sonner. Its stylesheet is a <style> element it inserts into <head> when the module loads; the page's
// Content-Security-Policy allows inline styles (style-src 'unsafe-inline', see lib/server/security-headers.ts), so
// no nonce is needed. Scripts stay nonce-only. Each toast is a polite live region (role="status"), so an outcome is
// announced once, from here; the forms silence their own inline success line while a toaster is mounted.

const notify: Notify = {
  success: (message) => toast.success(message),
  error: (message) => toast.error(message),
};

/** Mounts the toaster once for a layout and lets the forms inside show their outcomes in it. */
export function ToastProvider({ children }: { children: ReactNode }) {
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <Sonner
        position="top-center"
        closeButton
        containerAriaLabel="Notifications"
        toastOptions={{ classNames: { toast: 'text-sm', title: 'font-medium text-zinc-900' } }}
      />
    </ToastContext.Provider>
  );
}
