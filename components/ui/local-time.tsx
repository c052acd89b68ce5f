'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

type Style = 'full' | 'long' | 'medium' | 'short';

/**
 * A moment in the reader's own time zone. The server cannot know it, so the page is rendered in UTC (labelled so)
 * and the browser swaps in its local time while hydrating — without a hydration mismatch.
 */
export function LocalTime({ iso, dateStyle = 'medium', timeStyle = 'short' }: { iso: string; dateStyle?: Style; timeStyle?: Style }) {
  const text = useSyncExternalStore(
    subscribe,
    () => `${new Intl.DateTimeFormat(undefined, { dateStyle, timeStyle }).format(new Date(iso))} (${Intl.DateTimeFormat().resolvedOptions().timeZone})`,
    () => `${new Intl.DateTimeFormat('en-US', { dateStyle, timeStyle, timeZone: 'UTC' }).format(new Date(iso))} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
