import 'server-only';
import { sql } from 'drizzle-orm';
import { db, type Executor, rowsOf } from '@/db/client';
import { foldWord, type SearchVocabularyData, type Stemmer, tokenize, type VocabularyWord } from './search-terms';

// The catalogue's own vocabulary, read from the database: the words of active products' titles and vendors, of
// category names and of option values, each with its English lexemes; which categories and option values each
// lexeme names; and the merchant's synonym groups. Search corrects typos against it and suggests from it, so it
// only ever proposes words that find something. Cached with the catalogue (lib/catalog/cache.ts).

type WordRow = { word: string; lexemes: string[] | null; count: number | string };
type KeyRow = { lexeme: string; keys: string[] };
type SynonymRow = { terms: string[] };

export async function loadSearchVocabulary(executor: Executor = db): Promise<SearchVocabularyData> {
  // Words are split on anything but letters and digits, as the query is (lib/catalog/search-terms.ts tokenize);
  // lexemes come from the word as written, accents and all, because that is what the tsvector holds.
  const [wordRows, categoryRows, optionRows, synonymRows] = await Promise.all([
    executor.execute(sql`
      with words as (
        select w.word, count(*) as count
        from products p
        cross join lateral regexp_split_to_table(lower(p.title || ' ' || coalesce(p.vendor, '')), '[^[:alnum:]]+') as w(word)
        where p.status = 'active' and length(w.word) > 1
        group by w.word
        union all
        select w.word, count(*) from categories c
        cross join lateral regexp_split_to_table(lower(c.name), '[^[:alnum:]]+') as w(word)
        where length(w.word) > 1 group by w.word
        union all
        select w.word, count(*) from (select distinct pov.value from product_option_values pov) as v
        cross join lateral regexp_split_to_table(lower(v.value), '[^[:alnum:]]+') as w(word)
        where length(w.word) > 1 group by w.word
      )
      select word, tsvector_to_array(to_tsvector('english', word)) as lexemes, sum(count)::int as count
      from words group by word`),
    executor.execute(sql`
      select l.lexeme, array_agg(distinct d.id::text) as keys
      from categories c
      cross join lateral unnest(tsvector_to_array(to_tsvector('english', c.name))) as l(lexeme)
      join categories d on d.path = c.path or starts_with(d.path, c.path || '/')
      group by l.lexeme`),
    executor.execute(sql`
      select l.lexeme, array_agg(distinct t.token) as keys
      from (
        select distinct lower(po.name) || '=' || pov.value as token, pov.value
        from product_option_values pov join product_options po on po.id = pov.option_id
      ) as t
      cross join lateral unnest(tsvector_to_array(to_tsvector('english', t.value))) as l(lexeme)
      group by l.lexeme`),
    executor.execute(sql`select terms from search_synonyms order by created_at, id`),
  ]);

  const words = new Map<string, VocabularyWord>();
  for (const row of rowsOf<WordRow>(wordRows)) {
    // "sauté" and "saute" are one word to a shopper; keep the lexemes of every spelling.
    const folded = foldWord(row.word);
    if (!folded || folded.includes(' ')) continue;
    const entry = words.get(folded) ?? { word: folded, lexemes: [], count: 0 };
    entry.count += Number(row.count);
    for (const lexeme of row.lexemes ?? []) if (!entry.lexemes.includes(lexeme)) entry.lexemes.push(lexeme);
    words.set(folded, entry);
  }
  const toRecord = (rows: KeyRow[]) => Object.fromEntries(rows.map((row) => [row.lexeme, row.keys]));
  return {
    words: [...words.values()],
    categories: toRecord(rowsOf<KeyRow>(categoryRows)),
    options: toRecord(rowsOf<KeyRow>(optionRows)),
    synonyms: await synonymGroups(rowsOf<SynonymRow>(synonymRows), stemmerFor(executor)),
  };
}

/** Each term keyed by its words' lexemes, read as a query is ("T-shirts" → "shirt"); terms that stem to nothing go. */
async function synonymGroups(rows: SynonymRow[], stem: Stemmer): Promise<SearchVocabularyData['synonyms']> {
  const tokens = [...new Set(rows.flatMap((row) => row.terms.flatMap((term) => tokenize(term))))];
  const stems = await stem(tokens);
  return rows.map((row) => ({
    terms: row.terms.flatMap((text) => {
      const key = tokenize(text)
        .flatMap((token) => stems.get(token) ?? [])
        .join(' ');
      return key ? [{ text, key }] : [];
    }),
  }));
}

/** PostgreSQL's English stemmer over a few words, in one round trip. */
export function stemmerFor(executor: Executor = db): Stemmer {
  return async (tokens) => {
    if (tokens.length === 0) return new Map();
    const rows = rowsOf<{ word: string; lexemes: string[] | null }>(
      await executor.execute(
        sql`select w as word, tsvector_to_array(to_tsvector('english', w)) as lexemes
            from unnest(array[${sql.join(
              tokens.map((token) => sql`${token}`),
              sql`, `,
            )}]::text[]) as w`,
      ),
    );
    return new Map(rows.map((row) => [row.word, row.lexemes ?? []]));
  };
}
