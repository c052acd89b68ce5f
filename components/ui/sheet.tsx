'use client';

import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode, RefObject } from 'react';

type SheetProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The panel's heading, also its accessible name. */
  title: string;
  /** Which edge the panel slides from. */
  side?: 'left' | 'right';
  children: ReactNode;
  /** Content pinned under the scrolling body (e.g. a checkout button). */
  footer?: ReactNode;
  /** Where focus goes back to on closing: the button that opened the sheet (it lives outside it, see SheetButton). */
  returnFocusTo?: RefObject<HTMLElement | null>;
};

const SIDES = {
  left: 'left-0 border-r data-[state=open]:animate-[sheet-in-left_150ms_ease-out]',
  right: 'right-0 border-l data-[state=open]:animate-[sheet-in-right_150ms_ease-out]',
} as const;

/**
 * A modal side panel on Radix Dialog: the page behind is inert and does not scroll, focus moves inside and stays
 * there, Escape and a click on the backdrop close it, and focus returns to what opened it. Controlled only, so the
 * owner can load it lazily and open it in the same click.
 */
export function Sheet({ open, onOpenChange, title, side = 'left', children, footer, returnFocusTo }: SheetProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            // Radix returns focus to its own Trigger; ours is rendered by the owner, before this chunk is loaded.
            if (returnFocusTo?.current) {
              event.preventDefault();
              returnFocusTo.current.focus();
            }
          }}
          className={`fixed inset-y-0 z-50 flex w-[min(24rem,calc(100vw-2.5rem))] flex-col border-zinc-200 bg-white shadow-xl outline-none ${SIDES[side]}`}
        >
          <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-3">
            <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
            <Dialog.Close className="rounded-md px-2 py-1 text-sm text-zinc-700 underline hover:text-zinc-900">
              Close<span className="sr-only"> {title.toLowerCase()}</span>
            </Dialog.Close>
          </div>
          <div className="flex-1 overflow-y-auto px-4 py-4">{children}</div>
          {footer ? <div className="border-t border-zinc-200 px-4 py-3">{footer}</div> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Wraps a link or button inside a sheet so that using it also closes the sheet (a client-side navigation keeps the page). */
export function SheetClose({ children }: { children: ReactNode }) {
  return <Dialog.Close asChild>{children}</Dialog.Close>;
}
