'use client';

import { createContext, type ReactNode, useContext, useState } from 'react';
import { Dialog } from './dialog';

// A button that opens a dialog holding a form (edit a zone, add a rate …), so a settings list stays a list instead of
// a wall of always-open forms. A form inside (ActionForm) closes the dialog when it succeeds; its outcome is then the
// panel's toast. A refused form stays open with the errors under its fields.

const CloseDialogContext = createContext<(() => void) | null>(null);

/** The surrounding DialogButton's close, or null outside one. */
export function useCloseDialog(): (() => void) | null {
  return useContext(CloseDialogContext);
}

const STYLES = {
  primary: 'rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700',
  secondary: 'rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50',
  danger: 'rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50',
} as const;

export function DialogButton({
  label,
  title,
  description,
  children,
  variant = 'secondary',
  accessibleLabel,
}: {
  /** What the button shows. */
  label: ReactNode;
  /** The dialog's heading and accessible name. */
  title: string;
  description?: ReactNode;
  children: ReactNode;
  variant?: keyof typeof STYLES;
  /** The button's accessible name when its visible label is short ("Edit" → "Edit rate Courier"). */
  accessibleLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" aria-label={accessibleLabel} onClick={() => setOpen(true)} className={STYLES[variant]}>
        {label}
      </button>
      <Dialog open={open} onOpenChange={setOpen} title={title} description={description}>
        <CloseDialogContext.Provider value={() => setOpen(false)}>{children}</CloseDialogContext.Provider>
      </Dialog>
    </>
  );
}
