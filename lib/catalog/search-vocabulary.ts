import 'server-only';
import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { db, type Executor, rowsOf } from '@/db/client';
import { foldWord, phraseKey, type SearchVocabularyData, splitWords, type Stemmer, type SynonymTerm, type VocabularyWord } from './search-terms';

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

/**
 * Each term keyed as a query reads it (phraseKey: "T-Shirts" → "t shirt", "running shoes" → "run shoe") with the
 * lexemes it matches: its words' lexemes, or for a phrase with a word the stemmer drops, the hyphenated compound the
 * catalogue's tsvector holds ("t-shirt"). A one-word term that stems to nothing goes.
 */
async function synonymGroups(rows: SynonymRow[], stem: Stemmer): Promise<SearchVocabularyData['synonyms']> {
  const compound = (words: string[]) => words.join('-');
  const candidates = new Set<string>();
  for (const text of rows.flatMap((row) => row.terms)) {
    const words = splitWords(text);
    for (const word of words) candidates.add(word);
    if (words.length > 1) candidates.add(compound(words));
  }
  const stems = await stem([...candidates]);
  return rows.map((row) => ({
    terms: row.terms.flatMap((text): SynonymTerm[] => {
      const words = splitWords(text);
      const lexemes = words.flatMap((word) => stems.get(word) ?? []);
      if (lexemes.length === 0) return [];
      if (words.length === 1) return [{ text, key: lexemes.join(' '), lexemes }];
      const whole = words.every((word) => (stems.get(word) ?? []).length > 0) ? lexemes : (stems.get(compound(words)) ?? []).filter((lexeme) => lexeme.includes('-'));
      return [{ text, key: phraseKey(words, stems), lexemes: whole.length > 0 ? whole : lexemes }];
    }),
  }));
}

// Stemming is a pure function of the word (the English configuration does not change while the server runs), so
// words met before need no round trip: typing "jacket" after "jacke" asks only for the new word.
const stemmed = new LRUCache<string, string[]>({ max: 20_000 });

/** PostgreSQL's English stemmer over a few words, in at most one round trip. */
export function stemmerFor(executor: Executor = db): Stemmer {
  return async (tokens) => {
    const found = new Map<string, string[]>();
    const missing: string[] = [];
    for (const token of new Set(tokens)) {
      const lexemes = stemmed.get(token);
      if (lexemes) found.set(token, lexemes);
      else missing.push(token);
    }
    if (missing.length === 0) return found;
    const rows = rowsOf<{ word: string; lexemes: string[] | null }>(
      await executor.execute(
        sql`select w as word, tsvector_to_array(to_tsvector('english', w)) as lexemes
            from unnest(array[${sql.join(
              missing.map((token) => sql`${token}`),
              sql`, `,
            )}]::text[]) as w`,
      ),
    );
    for (const row of rows) {
      const lexemes = row.lexemes ?? [];
      stemmed.set(row.word, lexemes);
      found.set(row.word, lexemes);
    }
    return found;
  };
}
