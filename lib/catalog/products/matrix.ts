// The variant matrix: every combination of a product's option values, in option order. Pure, shared by the
// product editor (client) and the product service (server).

export type OptionSpec = { name: string; values: string[] };

/** All combinations, first option varying slowest: Size × Colour → [S,Red], [S,Blue], [M,Red] … */
export function optionCombinations(options: readonly OptionSpec[]): string[][] {
  return options.reduce<string[][]>(
    (combos, option) => combos.flatMap((combo) => option.values.map((value) => [...combo, value])),
    [[]],
  );
}

/** A stable key for a combination (values never contain the separator: it is a control character). */
export function combinationKey(values: readonly string[]): string {
  return values.join('\u001f');
}

/** "M / Black"; a product without options has one variant called "Default". */
export function variantTitle(values: readonly string[]): string {
  return values.length === 0 ? 'Default' : values.join(' / ');
}

/** "Red, Blue ,  green" → ["Red", "Blue", "green"]: trimmed, empty and repeated (case-insensitively) values dropped. */
export function parseOptionValues(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const value = raw.trim().replace(/\s+/g, ' ');
    if (!value || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}


/** The first of base, base-2, base-3 … not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
