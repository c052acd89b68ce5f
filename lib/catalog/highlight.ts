// Marks the words of a title that a search matched — exactly, by prefix (stems) or by trigram similarity (typos) —
// as segments for React to render, so nothing from the database is ever injected as HTML.

export type Segment = { text: string; match: boolean };

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 2; i += 1) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** pg_trgm-style similarity of two words: shared trigrams over all distinct trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a.toLowerCase());
  const y = trigrams(b.toLowerCase());
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return shared / (x.size + y.size - shared);
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordMatches(word: string, terms: string[]): boolean {
  const lower = word.toLowerCase();
  return terms.some(
    (term) =>
      lower === term ||
      (term.length >= 3 && (lower.startsWith(term) || term.startsWith(lower.slice(0, Math.max(3, lower.length - 2))))) ||
      (term.length >= 4 && trigramSimilarity(lower, term) >= 0.4),
  );
}

export function highlightSegments(text: string, query: string | undefined): Segment[] {
  const terms = (query ?? '').toLowerCase().match(WORD) ?? [];
  if (terms.length === 0) return [{ text, match: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const found of text.matchAll(WORD)) {
    const start = found.index ?? 0;
    if (!wordMatches(found[0], terms)) continue;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
