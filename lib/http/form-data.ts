import { z } from 'zod';

// Form fields named with dotted paths ("variants.0.sku", "options.1.values") become nested objects and arrays, so
// a zod schema validates the whole form and its error paths are the very input names the form renders.

export type Nested = { [key: string]: Nested | Nested[] | string | string[] | undefined } | Nested[];

const isIndex = (part: string) => /^\d+$/.test(part);

/** {"a.0.b": "x", "c": "y"} → {a: [{b: "x"}], c: "y"}. Indexes above 1,000 are ignored (a form never has that many). */
export function nestFields(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    if (parts.some((part) => part === '' || part === '__proto__' || part === 'constructor' || part === 'prototype')) continue;
    if (parts.some((part) => isIndex(part) && Number(part) > 1_000)) continue;
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < parts.length - 1; i += 1) {
      const part = parts[i]!;
      const nextIsIndex = isIndex(parts[i + 1]!);
      const container = node as Record<string, unknown>;
      let child = container[part];
      if (child === undefined || typeof child !== 'object' || child === null) {
        child = nextIsIndex ? [] : {};
        container[part] = child;
      }
      node = child as Record<string, unknown> | unknown[];
    }
    (node as Record<string, unknown>)[parts[parts.length - 1]!] = value;
  }
  // Sparse arrays (a removed row) are compacted so indexes stay dense.
  const compact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
    return value;
  };
  return compact(root) as Record<string, unknown>;
}

/** A checkbox is "on" when ticked and absent otherwise; hidden "false" fallbacks are accepted too. */
export function checkbox(value: unknown): boolean {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === 'on' || last === 'true' || last === true;
}

/**
 * An optional date and time from the admin's date picker ("2026-12-01T09:00", as datetime-local sends it), read as
 * UTC as the forms say; empty is null, anything else that is not a date is refused under the field.
 */
export const optionalUtcDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: `${label} is not a valid date and time.` });
        return z.NEVER;
      }
      return date;
    });
