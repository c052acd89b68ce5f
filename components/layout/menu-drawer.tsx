'use client';

import { type ComponentProps, lazy, type MouseEvent, type ReactNode, Suspense, useRef, useState } from 'react';

// The sheet (Radix Dialog: focus trap, scroll lock, portal) is only needed once the menu is opened, so it is a chunk
// of its own, fetched when the shopper heads for the button — not with every storefront page.
const loadSheet = () => import('@/components/ui/sheet');
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
 * The header's menu button and the drawer it opens, holding `children` (the category tree and account links,
 * rendered on the server). Following a link in it closes it: the navigation is client-side, the page stays.
 */
export function MenuDrawer({ children }: { children: ReactNode }) {
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
        className="-ml-2 inline-flex items-center justify-center gap-1 min-h-11 min-w-11 rounded-md px-2 text-sm font-medium hover:bg-zinc-100"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M4 7h16M4 12h16M4 17h16" />
        </svg>
        <span className="sr-only">Menu</span>
      </button>
      {wanted ? (
        <Suspense fallback={null}>
          <Sheet open={open} onOpenChange={setOpen} title="Menu" side="left" returnFocusTo={button}>
            <div onClick={closeOnLink}>{children}</div>
          </Sheet>
        </Suspense>
      ) : null}
    </>
  );
}
