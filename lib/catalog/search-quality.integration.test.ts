import { describe, expect, it } from 'vitest';
import { QUALITY_QUERIES, type QualityQuery } from './search-quality.queries';
import { searchCatalog } from './search';

// Search quality, measured: the fixed query set against the seeded demo catalogue, scored on the first page of ten
// as a shopper sees it.
//   precision@10 — of the results shown (up to ten), the share that are acceptable answers;
//   recall@10    — of the acceptable answers (at most ten count), the share shown in the first ten.
// Both are averaged over the queries that have answers; a nonsense query passes only with no results at all.
// The thresholds are the floor the engine is held to; raise them when it gets better, never lower them quietly.

const THRESHOLDS = { precision: 0.95, recall: 0.95, perKindRecall: 0.9 } as const;
const K = 10;

type Score = { query: QualityQuery; shown: string[]; total: number; precision: number; recall: number };

async function score(query: QualityQuery): Promise<Score> {
  const result = await searchCatalog({ q: query.q, perPage: K });
  const shown = result.items.map((item) => item.title);
  const expected = new Set(query.expect);
  const hits = shown.filter((title) => expected.has(title)).length;
  // Two products may share a title: recall counts the expected titles found, not the products.
  const found = new Set(shown.filter((title) => expected.has(title))).size;
  return {
    query,
    shown,
    total: result.total,
    precision: shown.length === 0 ? (expected.size === 0 ? 1 : 0) : hits / shown.length,
    recall: expected.size === 0 ? (shown.length === 0 ? 1 : 0) : found / Math.min(expected.size, K),
  };
}

const mean = (values: number[]) => (values.length === 0 ? 1 : values.reduce((a, b) => a + b, 0) / values.length);
const fixed = (value: number) => value.toFixed(3);

describe('search quality on the seeded catalogue', () => {
  it(`holds precision@${K} and recall@${K} over ${QUALITY_QUERIES.length} queries to the committed thresholds`, async () => {
    expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(60);
    const scores: Score[] = [];
    for (const query of QUALITY_QUERIES) scores.push(await score(query));

    const answered = scores.filter((s) => s.query.expect.length > 0);
    const nonsense = scores.filter((s) => s.query.expect.length === 0);
    const precision = mean(answered.map((s) => s.precision));
    const recall = mean(answered.map((s) => s.recall));
    const kinds = [...new Set(scores.map((s) => s.query.kind))];
    const lines = kinds.map((kind) => {
      const of = answered.filter((s) => s.query.kind === kind);
      const label = kind.padEnd(11);
      if (kind === 'nonsense') {
        return `${label} ${nonsense.filter((s) => s.total === 0).length}/${nonsense.length} with no results`;
      }
      return `${label} n=${String(of.length).padStart(2)}  precision@${K} ${fixed(mean(of.map((s) => s.precision)))}  recall@${K} ${fixed(mean(of.map((s) => s.recall)))}`;
    });
    const misses = scores
      .filter((s) => s.precision < 1 || s.recall < 1)
      .map((s) => `  ${JSON.stringify(s.query.q)} p=${fixed(s.precision)} r=${fixed(s.recall)} total=${s.total} shown=${JSON.stringify(s.shown.slice(0, K))}`);
    console.log(
      [
        `search quality: ${answered.length} queries with answers — precision@${K} ${fixed(precision)}, recall@${K} ${fixed(recall)}; ` +
          `nonsense with no results ${nonsense.filter((s) => s.total === 0).length}/${nonsense.length}`,
        ...lines,
        misses.length > 0 ? 'below 1.0:' : 'every query perfect',
        ...misses,
      ].join('\n'),
    );

    expect(nonsense.filter((s) => s.total > 0).map((s) => s.query.q)).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(THRESHOLDS.precision);
    expect(recall).toBeGreaterThanOrEqual(THRESHOLDS.recall);
    for (const kind of kinds.filter((k) => k !== 'nonsense')) {
      const of = answered.filter((s) => s.query.kind === kind);
      expect({ kind, recall: mean(of.map((s) => s.recall)) >= THRESHOLDS.perKindRecall }).toEqual({ kind, recall: true });
    }
  });
});
