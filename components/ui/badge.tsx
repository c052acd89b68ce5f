import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

// Text colours are the 800 shades on the 100 backgrounds: at least 4.5:1 in every tone (WCAG AA for small text).
const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-zinc-100 text-zinc-800 ring-zinc-300',
  success: 'bg-green-100 text-green-800 ring-green-300',
  warning: 'bg-amber-100 text-amber-800 ring-amber-300',
  danger: 'bg-red-100 text-red-800 ring-red-300',
  info: 'bg-sky-100 text-sky-800 ring-sky-300',
};

/** A short status label (Active, Draft, Paid …). The words carry the meaning; the colour only repeats it. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}
