'use client';

import { createContext, useContext } from 'react';

// What a form calls to show its outcome as a toast. A separate module from the toaster itself, so a form that may be
// rendered where no toaster is mounted (the storefront) does not pull the toast library into that page's bundle.

export type Notify = { success: (message: string) => void; error: (message: string) => void };

export const ToastContext = createContext<Notify | null>(null);

/** The toaster of the surrounding layout, or null where none is mounted (the outcome is then shown inline). */
export function useToast(): Notify | null {
  return useContext(ToastContext);
}
