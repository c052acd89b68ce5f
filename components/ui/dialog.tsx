'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The dialog's heading, also its accessible name. */
  title: string;
  /** One or two sentences under the title, also its accessible description. */
  description?: ReactNode;
  children?: ReactNode;
  /** The buttons, right-aligned on a wide screen and stacked full-width on a phone. */
  footer?: ReactNode;
  /**
   * 'alertdialog' for a question that interrupts (leave without saving?): screen readers announce it as one, and it
   * does not close on a click outside, only through its buttons or Escape.
   */
  role?: 'dialog' | 'alertdialog';
};

/**
 * A modal dialog on Radix Dialog: the page behind is inert, focus moves in and stays there, Escape closes it, and
 * focus returns to what was focused before. Controlled only.
 */
export function Dialog({ open, onOpenChange, title, description, children, footer, role = 'dialog' }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <RadixDialog.Content
          role={role}
          // Without a description, Radix must be told there is none (it would point aria-describedby at nothing).
          {...(description ? {} : { 'aria-describedby': undefined })}
          // Escape in an open combobox (a zone's countries) closes its list, not the dialog around it.
          onEscapeKeyDown={(event) => {
            if (event.target instanceof HTMLElement && event.target.getAttribute('role') === 'combobox' && event.target.getAttribute('aria-expanded') === 'true') event.preventDefault();
          }}
          onPointerDownOutside={role === 'alertdialog' ? (event) => event.preventDefault() : undefined}
          onInteractOutside={role === 'alertdialog' ? (event) => event.preventDefault() : undefined}
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl outline-none"
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description ? <RadixDialog.Description className="mt-2 text-sm text-zinc-700">{description}</RadixDialog.Description> : null}
          {children ? <div className="mt-4">{children}</div> : null}
          {footer ? <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{footer}</div> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

const BUTTON = {
  primary: 'rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700',
  danger: 'rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800',
  secondary: 'rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-50',
} as const;

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  /** 'danger' when confirming loses something (unsaved work, a deletion). */
  tone?: 'primary' | 'danger';
};

/** A yes/no question in an alert dialog. Cancelling is the default: it comes first, so it has the focus on opening. */
export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, cancelLabel, onConfirm, tone = 'primary' }: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description}
      role="alertdialog"
      footer={
        <>
          <RadixDialog.Close className={BUTTON.secondary}>
            {cancelLabel}
          </RadixDialog.Close>
          <button type="button" className={BUTTON[tone]} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    />
  );
}
