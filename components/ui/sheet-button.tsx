'use client';

import { type ComponentProps, lazy, type MouseEvent, type ReactNode, Suspense, useRef, useState } from 'react';

// The sheet (Radix Dialog: focus trap, scroll lock, portal) is only needed once it is opened, so it is a chunk of its
// own, fetched when the user heads for the button — not with every page that shows one.
const loadSheet = () => import('./sheet');
type SheetProps = ComponentProps<Awaited<ReturnType<typeof loadSheet>>['Sheet']>;
const Sheet = lazy(() =>
  loadSheet().then(
    (module): { default: (props: SheetProps) => ReactNode } => ({ default: module.Sheet }),
    // Should the chunk fail to load, the button does nothing; the page's own links still work.
    () => ({ default: () => null }),
  ),
);
const preloadSheet = () => {
  loadSheet().catch(() => {});
};

/**
 * A button and the side sheet it opens, loaded lazily (see above) and rendered from the first click on. Focus goes
 * back to the button when the sheet closes.
 */
export function SheetButton(props: {
  /** The sheet's heading and accessible name. */
  title: string;
  side?: 'left' | 'right';
  /** What the button shows; its text (visible or not) is the button's name. */
  label: ReactNode;
  className?: string;
  children: ReactNode;
  /** Pinned under the sheet's body; handed a function that closes the sheet. */
  footer?: (close: () => void) => ReactNode;
  /** Following a link inside closes the sheet: the navigation is client-side, the page stays. */
  closeOnLink?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const closeOnLink = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest('a[href]')) setOpen(false);
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={preloadSheet}
        onFocus={preloadSheet}
        onTouchStart={preloadSheet}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        className={props.className}
      >
        {props.label}
      </button>
      {wanted ? (
        <Suspense fallback={null}>
          <Sheet open={open} onOpenChange={setOpen} title={props.title} side={props.side} returnFocusTo={button} footer={props.footer?.(() => setOpen(false))}>
            {props.closeOnLink ? <div onClick={closeOnLink}>{props.children}</div> : props.children}
          </Sheet>
        </Suspense>
      ) : null}
    </>
  );
}
