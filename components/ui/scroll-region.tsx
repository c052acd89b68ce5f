import type { ReactNode } from 'react';

/**
 * A table or other wide content that scrolls sideways inside its own box on a narrow screen, so the page does not.
 * Focusable and named, so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-zinc-900 ${className}`}>
      {children}
    </div>
  );
}
