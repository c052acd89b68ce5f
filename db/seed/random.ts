// A small seeded PRNG so the demo store is the same on every machine: same seed → same slugs, SKUs, prices, stock.
// mulberry32: 32-bit state, fast, good enough for demo data (never for anything secret).

export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Up to `count` distinct items, kept in their original order. */
  sample: <T>(items: readonly T[], count: number) => T[];
  /** A new independent stream derived from this one (so adding a field later doesn't reshuffle everything). */
  fork: (label: string) => Random;
};

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: turns a label into a 32-bit seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    sample: (items, count) => {
      const indexes = items.map((_, i) => i);
      // Partial Fisher–Yates, then restore the original order (sizes and colours read better in catalogue order).
      const n = Math.min(count, items.length);
      for (let i = 0; i < n; i += 1) {
        const j = i + Math.floor(next() * (indexes.length - i));
        [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
      }
      return indexes
        .slice(0, n)
        .sort((a, b) => a - b)
        .map((i) => items[i]!);
    },
    fork: (label) => createRandom((hashString(label) ^ Math.floor(next() * 4_294_967_296)) >>> 0),
  };
  return random;
}
