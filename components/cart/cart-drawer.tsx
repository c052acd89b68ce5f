'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import type { CartView } from '@/lib/cart/types';
import { CartLines } from './cart-lines';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The cart drawer opened after adding to the cart: a modal dialog (native <dialog> with showModal, so the page
 * behind is inert) labelled by its heading. Focus moves to its close button, Tab and Shift+Tab wrap inside it,
 * Escape closes it, and `onClose` puts focus back on the button that added — the browser would otherwise return
 * it to the body, since that button was disabled while the add was pending.
 */
export function CartDrawer({ cart, open, onClose }: { cart: CartView; open: boolean; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const t = useTranslations('Cart');

  // Syncing React's `open` with the dialog's imperative API is what an effect is for.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      closeRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onKeyDown={trapTab}
      // Escape fires "cancel" and then closes; "close" covers every way out, so the owner hears of it once, here.
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (outside the panel) closes the drawer.
        if (event.target === dialogRef.current) dialogRef.current?.close();
      }}
      className="m-0 ml-auto h-full max-h-none w-full max-w-md bg-white p-0 shadow-xl backdrop:bg-black/40"
    >
      <div className="flex h-full flex-col gap-3 p-4">
        <div className="flex shrink-0 items-center justify-between">
          <h2 id={titleId} className="text-lg font-semibold">
            {t('title')}
          </h2>
          <button
            ref={closeRef}
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="rounded-md px-2 py-1 text-sm text-zinc-700 underline hover:text-zinc-900"
          >
            {t('close')}<span className="sr-only">{t('closeCart')}</span>
          </button>
        </div>
        {/* The lines scroll on their own; the subtotal and the way to check out stay in view under them. */}
        <CartLines
          cart={cart}
          variant="drawer"
          lineHeadingLevel={3}
          actions={
            <div className="grid grid-cols-2 gap-2">
              <Link href="/checkout" className="rounded-md bg-brand-600 px-4 py-2.5 text-center font-semibold text-white hover:bg-brand-700">
                {t('checkOut')}
              </Link>
              <Link href="/cart" className="rounded-md border border-zinc-300 px-4 py-2.5 text-center font-medium hover:bg-zinc-50">
                {t('viewCart')}
              </Link>
            </div>
          }
        />
      </div>
    </dialog>
  );
}
