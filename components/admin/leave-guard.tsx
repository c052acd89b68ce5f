'use client';

import { usePathname, useRouter } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/dialog';

// Unsaved work in the panel is not lost by leaving the page without a word. The App Router has no navigation events
// to veto, so a form with unsaved changes registers here, and while one is registered:
//  - a click on an in-app link (anywhere in the panel: the menu, "Back to products") is stopped before Next's Link
//    sees it (a capturing listener on window runs before React's, which sit on the root), and a dialog asks;
//    "Leave" then navigates to that link;
//  - the browser's Back button: a guard entry with the same URL is pushed onto the history, so Back lands on this
//    page's own entry rather than leaving; the dialog asks, and "Leave" goes back past it. Once the work is saved,
//    the guard entry is left by replacing it (a link) or skipped (Back), so the history holds the page once;
//  - closing or reloading the tab, or typing another address: the browser's own beforeunload prompt.
// Links with a modifier key, a target or a download open elsewhere and leave the work in place: they pass.

type LeaveGuard = { setDirty: (key: string, dirty: boolean) => void };

const LeaveGuardContext = createContext<LeaveGuard | null>(null);

type Pending = { kind: 'link'; href: string } | { kind: 'back' };

function inAppHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A jump within the page leaves the form where it is.
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return null;
  return url.pathname + url.search + url.hash;
}

export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [dirtyKeys, setDirtyKeys] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<Pending | null>(null);
  const dirty = dirtyKeys.size > 0;
  const dirtyRef = useRef(dirty);
  // Whether this page sits on the guard entry it pushed (any popstate moves it off).
  const onGuardEntry = useRef(false);
  // "Leave" was chosen: the navigation it started must not be stopped (the form is still dirty until it unmounts).
  const leaving = useRef(false);

  const setDirty = useCallback((key: string, value: boolean) => {
    setDirtyKeys((current) => {
      if (current.has(key) === value) return current;
      const next = new Set(current);
      if (value) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const pushGuardEntry = () => {
    // Same URL; Next's pushState patch copies its router state into the entry, so Back to it is a no-op for Next.
    window.history.pushState(null, '', window.location.href);
    onGuardEntry.current = true;
  };

  // A new page: the guard entry, if any, belonged to the previous one.
  useEffect(() => {
    onGuardEntry.current = false;
    leaving.current = false;
  }, [pathname]);

  useEffect(() => {
    dirtyRef.current = dirty;
    if (dirty && !onGuardEntry.current && !leaving.current) pushGuardEntry();
  }, [dirty]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (leaving.current || (!dirtyRef.current && !onGuardEntry.current)) return;
      const href = inAppHref(event);
      if (href === null) return;
      event.preventDefault();
      event.stopPropagation();
      if (dirtyRef.current) {
        setPending({ kind: 'link', href });
      } else {
        // Saved or discarded since: go, replacing the guard entry so Back does not land on this page twice.
        onGuardEntry.current = false;
        router.replace(href);
      }
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current || leaving.current) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    const onPopState = () => {
      if (!onGuardEntry.current || leaving.current) return;
      // Back from the guard entry: still on this page, on its own entry.
      onGuardEntry.current = false;
      if (dirtyRef.current) setPending({ kind: 'back' });
      else window.history.back();
    };
    window.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
    };
  }, [router]);

  const stay = () => {
    // A Back that was answered "Stay" needs a guard entry again.
    if (pending?.kind === 'back') pushGuardEntry();
    setPending(null);
  };

  const leave = () => {
    const target = pending;
    setPending(null);
    leaving.current = true;
    if (target?.kind === 'back') {
      window.history.back();
    } else if (target?.kind === 'link') {
      if (onGuardEntry.current) {
        onGuardEntry.current = false;
        router.replace(target.href);
      } else {
        router.push(target.href);
      }
    }
  };

  // Stable, so that a form's registration effect does not rerun (and re-register) on every render of this provider.
  const guard = useMemo(() => ({ setDirty }), [setDirty]);

  return (
    <LeaveGuardContext.Provider value={guard}>
      {children}
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => {
          if (!open) stay();
        }}
        title="Leave without saving?"
        description="Your changes on this page have not been saved. If you leave, they are lost."
        cancelLabel="Stay"
        confirmLabel="Leave"
        tone="danger"
        onConfirm={leave}
      />
    </LeaveGuardContext.Provider>
  );
}

/** Registers a form's unsaved changes with the panel's leave guard while `dirty` is true. */
export function useLeaveGuard(key: string, dirty: boolean): void {
  const guard = useContext(LeaveGuardContext);
  useEffect(() => {
    if (!guard) return;
    guard.setDirty(key, dirty);
    return () => guard.setDirty(key, false);
  }, [guard, key, dirty]);
}
