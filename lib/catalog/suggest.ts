import 'server-only';
import { sql } from 'drizzle-orm';
import { db, type Executor, rowsOf } from '@/db/client';
import { hydrateProductCards } from './queries';
import { analyseSearchText, matchingSql, scoreSql, type VocabularySource } from './search';
import { tokenize } from './search-terms';
import { loadSearchVocabulary } from './search-vocabulary';
import { type SearchSuggestions, SUGGESTION_LIMITS } from './suggest-schemas';

// Predictive search: what the header shows while a shopper types — a few products (image, price), the categories
// the words name, and whole queries that find something. The same reading of the text as the search page
// (search-terms.ts), with the last word taken as unfinished ("jac" → jacket). Cached per text (lib/catalog/cache.ts).

// How many of the best matches the query suggestions are drawn from: enough for variety, few enough to stay cheap.
const SUGGESTION_POOL = 24;

type MatchRow = { id: string; title: string };

export async function suggestSearch(
  text: string,
  executor: Executor = db,
  vocabulary: VocabularySource = () => loadSearchVocabulary(executor),
): Promise<SearchSuggestions> {
  const q = text.trim();
  const empty: SearchSuggestions = { q, products: [], categories: [], queries: [] };
  if (tokenize(q).length === 0) return empty;
  const analysed = await analyseSearchText(q, vocabulary, executor, { partialLastWord: !/\s$/.test(text) });
  const { groups } = analysed;
  if (groups.length === 0) return empty;

  // The best matches, ranked as the search page ranks them (where they matched, then sales, then recency).
  const matches = rowsOf<MatchRow>(
    await executor.execute(sql`
      select p.id, p.title from products p
      where ${matchingSql(groups, false)} and p.status = 'active' and p.price_min_cents is not null
      order by ${scoreSql(groups)} desc, p.sales_count desc, p.created_at desc, p.id
      limit ${SUGGESTION_POOL}`),
  );

  // Categories every word names (or, failing that, the last word names), shallowest first.
  const named = (ids: string[][]) => ids.reduce((common, next) => common.filter((id) => next.includes(id)));
  let categoryIds = named(groups.map((group) => group.categoryIds));
  if (categoryIds.length === 0) categoryIds = groups.at(-1)!.categoryIds;
  const [products, categories] = await Promise.all([
    hydrateProductCards(
      matches.slice(0, SUGGESTION_LIMITS.products).map((row) => row.id),
      executor,
    ),
    categoryIds.length === 0
      ? Promise.resolve([])
      : executor.execute(sql`
          select slug, name from categories where id = any(array[${sql.join(
            categoryIds.map((id) => sql`${id}`),
            sql`, `,
          )}]::uuid[])
          order by depth, position, name limit ${SUGGESTION_LIMITS.categories}`),
  ]);

  return { q, products, categories: rowsOf<{ slug: string; name: string }>(categories), queries: querySuggestions(analysed, matches) };
}

/**
 * Whole queries: the words as read so far, completed by the words of the best matches' titles that the last word
 * begins or was corrected to — so every suggestion finds at least the product it came from.
 */
function querySuggestions(analysed: Awaited<ReturnType<typeof analyseSearchText>>, matches: MatchRow[]): string[] {
  const { groups } = analysed;
  const last = groups.at(-1)!;
  const lead = groups.slice(0, -1).map((group) => group.alternatives.find((a) => a.kind !== 'exact' || group.known)?.text ?? group.token);
  const endings = new Set(last.alternatives.map((alternative) => alternative.text));
  const counts = new Map<string, number>();
  for (const match of matches) {
    for (const word of new Set(tokenize(match.title))) {
      if (word.startsWith(last.token) || endings.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([word]) => [...lead, word].join(' '))
    .slice(0, SUGGESTION_LIMITS.queries);
}
