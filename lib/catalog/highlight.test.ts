import { describe, expect, it } from 'vitest';
import { highlightSegments, trigramSimilarity } from './highlight';

const marked = (text: string, q: string) =>
  highlightSegments(text, q)
    .filter((s) => s.match)
    .map((s) => s.text);

describe('highlightSegments', () => {
  it('marks exact, stemmed and misspelt matches', () => {
    expect(marked('Ridgeway Classic Rain Boot', 'boots')).toEqual(['Boot']);
    expect(marked('Union Heavyweight Quarter-Zip Fleece', 'heavywieght fleece')).toEqual(['Heavyweight', 'Fleece']);
    expect(marked('Glacier Felt Desk Organiser', 'glaier')).toEqual(['Glacier']);
  });

  it('keeps the whole text, in order, whatever matches', () => {
    const text = 'Coastal Waxed Field Jacket';
    expect(
      highlightSegments(text, 'field')
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
    expect(highlightSegments(text, '')).toEqual([{ text, match: false }]);
    expect(marked(text, 'zzz')).toEqual([]);
  });

  it('treats markup in titles and queries as text', () => {
    const segments = highlightSegments('<b>Bold</b> Mug', '<script>mug');
    expect(segments.map((s) => s.text).join('')).toBe('<b>Bold</b> Mug');
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Mug']);
  });
});

describe('trigramSimilarity', () => {
  it('behaves like pg_trgm similarity', () => {
    expect(trigramSimilarity('hoodie', 'hoodie')).toBe(1);
    expect(trigramSimilarity('hodie', 'hoodie')).toBeGreaterThan(0.4);
    expect(trigramSimilarity('mug', 'tent')).toBe(0);
  });
});
