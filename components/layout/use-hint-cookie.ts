'use client';

import { usePathname } from 'next/navigation';
import { useSyncExternalStore } from 'react';

// Reads a hint cookie (lib/store/hint-names.ts) in the browser. The server renders without it (null), so the cached
// HTML is the same for every visitor; the value appears once the page runs. It is read again whenever React renders
// the header — after a navigation and after a server action refreshes the page (every cart and sign-in action does)
// — and when the page is shown again from the back/forward cache or the tab comes back into view.

function subscribe(onChange: () => void): () => void {
  window.addEventListener('pageshow', onChange);
  document.addEventListener('visibilitychange', onChange);
  return () => {
    window.removeEventListener('pageshow', onChange);
    document.removeEventListener('visibilitychange', onChange);
  };
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split('; ')) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq) === name) return decodeURIComponent(part.slice(eq + 1));
  }
  return null;
}

/** The cookie's value in the browser ('' when absent); null while rendering on the server. */
export function useHintCookie(name: string): string | null {
  // A navigation renders the header again; the pathname makes that explicit.
  usePathname();
  return useSyncExternalStore(
    subscribe,
    () => readCookie(name) ?? '',
    () => null,
  );
}
