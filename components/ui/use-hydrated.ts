'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server's HTML (and so for a visitor without JavaScript), true once the page runs: for controls that
 * only work with JavaScript, and for the plain-form fallbacks they replace.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
