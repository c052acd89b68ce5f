// The store's accent colour carries white text (buttons, the email header), so it must keep WCAG AA contrast
// (4.5:1) with white; a merchant picking a pale colour is told so instead of shipping unreadable buttons.

/** Matches the column default in db/schema/commerce.ts. */
export const DEFAULT_ACCENT_COLOR = '#2f5fd0';

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Contrast ratio of "#rrggbb" against white, 1–21. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

/** A darker shade of "#rrggbb" for hover states and borders: each channel scaled by `factor`. */
export function shade(hex: string, factor = 0.85): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const part = (shift: number) => Math.round(((n >> shift) & 255) * factor).toString(16).padStart(2, '0');
  return `#${part(16)}${part(8)}${part(0)}`;
}

/** A very light tint of "#rrggbb" for backgrounds: mixed with white. */
export function tint(hex: string, amount = 0.92): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const part = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount) + 255 * amount).toString(16).padStart(2, '0');
  return `#${part(16)}${part(8)}${part(0)}`;
}
