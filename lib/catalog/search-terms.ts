// What a shopper typed, read against the catalogue's own vocabulary: pure functions, no database (the lexemes come
// from PostgreSQL's English stemmer, passed in, so matching and the indexed tsvector always agree).
//
// Each word of the query becomes a group of alternatives that any one of can match: the word itself, its British or
// American spelling, the merchant's synonyms, and — only when the word is not in the catalogue at all — the
// catalogue words within a small edit distance (transpositions count as one edit), or failing that the words it
// begins. A word the catalogue knows is never "corrected": "boot" does not turn into "book". Words that together
// spell a term of the merchant's synonym list ("running shoes", "t shirt") are read as one phrase, whose
// alternatives are the other terms of its group.

/** A word of the catalogue: as written (lower case), its lexemes, and how many products or names use it. */
export type VocabularyWord = { word: string; lexemes: string[]; count: number };

/** The catalogue's vocabulary, as cached (plain data: it is sized by its JSON). */
export type SearchVocabularyData = {
  words: VocabularyWord[];
  /** Lexeme → ids of the categories whose name holds it, with their descendants. */
  categories: Record<string, string[]>;
  /** Lexeme → option tokens ("colour=Heather Grey") whose value holds it. */
  options: Record<string, string[]>;
  /** Synonym groups: each term (one or more words) keyed as a query reads it (phraseKey), with what it matches. */
  synonyms: { terms: SynonymTerm[] }[];
};

/**
 * A term of a synonym group: as the merchant wrote it; its key (phraseKey of its words); and the lexemes it matches,
 * in order (several make a phrase). A phrase with a word the stemmer drops ("t" in "t-shirt") matches the hyphenated
 * compound the catalogue's tsvector holds ("t-shirt").
 */
export type SynonymTerm = { text: string; key: string; lexemes: string[] };

export type AlternativeKind = 'exact' | 'spelling' | 'synonym' | 'fuzzy' | 'prefix';
/** One way a query word can match: its lexemes (a phrase when several) and what found it. */
export type Alternative = { text: string; lexemes: string[]; kind: AlternativeKind };
export type TermGroup = {
  /** The word as typed (lower case, accents folded). */
  token: string;
  alternatives: Alternative[];
  /** Category ids and option tokens any alternative names. */
  categoryIds: string[];
  optionTokens: string[];
  /** The word itself is in the catalogue's vocabulary. */
  known: boolean;
};

export type AnalysedQuery = {
  groups: TermGroup[];
  /** The query as it was read, when a word was corrected ("jakcet" → "jacket"); null when read as typed. */
  correctedQuery: string | null;
};

const MAX_FUZZY_ALTERNATIVES = 3;
const MAX_PREFIX_ALTERNATIVES = 5;
const MAX_TOKENS = 8;

/** Every word: lower case, accents folded ("Sauté" → "saute"), split on anything but letters and digits. */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A word that can mean something on its own (a single letter cannot, a digit can). */
const isMeaningful = (word: string) => word.length > 1 || /\d/.test(word);

/** The words of a query that are read one by one (splitWords without single letters), at most MAX_TOKENS. */
export function tokenize(text: string): string[] {
  return splitWords(text).filter(isMeaningful).slice(0, MAX_TOKENS);
}

/**
 * How a run of words is looked up in the synonym list: each word's lexemes, or the word itself where the stemmer
 * drops it ("t shirts" → "t shirt"), so "T-shirt", "t shirt" and "T-Shirts" meet one key.
 */
export function phraseKey(words: string[], stems: Map<string, string[]>): string {
  return words
    .map((word) => {
      const lexemes = stems.get(word) ?? [];
      return lexemes.length > 0 ? lexemes.join(' ') : word;
    })
    .join(' ');
}

/** The longest synonym phrase has this many words (lib/catalog/synonyms/schemas.ts). */
const MAX_PHRASE_WORDS = 3;

export const foldWord = (word: string) => tokenize(word).join(' ');

/** Edits allowed for a word of this length: none under 5 letters, 1 from 5, 2 from 9. */
export function allowedEdits(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, each one edit), giving up once it
 * must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

// Words spelt differently in British and American English that no rule below derives.
const SPELLING_PAIRS: [string, string][] = [
  ['grey', 'gray'],
  ['aluminium', 'aluminum'],
  ['tyre', 'tire'],
  ['jewellery', 'jewelry'],
  ['pyjamas', 'pajamas'],
  ['mould', 'mold'],
  ['plough', 'plow'],
  ['cheque', 'check'],
  ['cosy', 'cozy'],
  ['sulphate', 'sulfate'],
  ['moustache', 'mustache'],
  ['programme', 'program'],
  ['catalogue', 'catalog'],
  ['doughnut', 'donut'],
  ['storey', 'story'],
];
const PAIRED = new Map(SPELLING_PAIRS.flatMap(([british, american]) => [[british, american], [american, british]]));

/** Other spellings of a word: the listed pairs, and the regular -ise/-ize, -our/-or, -re/-er, -ll-/-l- patterns. */
export function spellingVariants(word: string): string[] {
  const variants = new Set<string>();
  const paired = PAIRED.get(word);
  if (paired) variants.add(paired);
  const rules: [RegExp, string][] = [
    [/is(e|es|ed|ing|er|ers|ation|ations)$/, 'iz$1'],
    [/iz(e|es|ed|ing|er|ers|ation|ations)$/, 'is$1'],
    [/yse(s|d)?$/, 'yze$1'],
    [/yze(s|d)?$/, 'yse$1'],
    [/our(s|ed|ing|ful|less)?$/, 'or$1'],
    [/([^aeiou])or(s|ed|ing|ful|less)?$/, '$1our$2'],
    [/([bt])re(s)?$/, '$1er$2'],
    [/([bt])er(s)?$/, '$1re$2'],
    [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
    [/([aeiou])l(ed|ing|er|ers)$/, '$1ll$2'],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) variants.add(word.replace(pattern, replacement));
  }
  variants.delete(word);
  return [...variants];
}

/** The vocabulary indexed for lookups; built once per cached copy. */
export type VocabularyIndex = {
  byWord: Map<string, VocabularyWord>;
  lexemes: Set<string>;
  /** Words by length, for the edit-distance scan. */
  byLength: Map<number, VocabularyWord[]>;
  sortedWords: VocabularyWord[];
  categories: Map<string, string[]>;
  options: Map<string, string[]>;
  /** Key of a term → the other terms of its groups. */
  synonyms: Map<string, SynonymTerm[]>;
  /** Key of a term of two or more words → that term, for reading those words as one phrase. */
  phrases: Map<string, SynonymTerm>;
};

const indexes = new WeakMap<SearchVocabularyData, VocabularyIndex>();

export function indexVocabulary(data: SearchVocabularyData): VocabularyIndex {
  const existing = indexes.get(data);
  if (existing) return existing;
  const byWord = new Map<string, VocabularyWord>();
  const byLength = new Map<number, VocabularyWord[]>();
  const lexemes = new Set<string>();
  for (const entry of data.words) {
    byWord.set(entry.word, entry);
    for (const lexeme of entry.lexemes) lexemes.add(lexeme);
    const bucket = byLength.get(entry.word.length) ?? [];
    bucket.push(entry);
    byLength.set(entry.word.length, bucket);
  }
  for (const key of [...Object.keys(data.categories), ...Object.keys(data.options)]) lexemes.add(key);
  const synonyms = new Map<string, SynonymTerm[]>();
  const phrases = new Map<string, SynonymTerm>();
  for (const group of data.synonyms) {
    for (const term of group.terms) {
      const others = group.terms.filter((other) => other.key !== term.key);
      synonyms.set(term.key, [...(synonyms.get(term.key) ?? []), ...others]);
      if (term.key.includes(' ') && !phrases.has(term.key)) phrases.set(term.key, term);
    }
  }
  const index: VocabularyIndex = {
    byWord,
    lexemes,
    byLength,
    sortedWords: [...data.words].sort((a, b) => a.word.localeCompare(b.word)),
    categories: new Map(Object.entries(data.categories)),
    options: new Map(Object.entries(data.options)),
    synonyms,
    phrases,
  };
  indexes.set(data, index);
  return index;
}

/** Catalogue words within `maxEdits` of `token`, nearest first, then the most used. */
export function nearestWords(index: VocabularyIndex, token: string, maxEdits: number): { entry: VocabularyWord; distance: number }[] {
  if (maxEdits === 0) return [];
  const found: { entry: VocabularyWord; distance: number }[] = [];
  for (let length = token.length - maxEdits; length <= token.length + maxEdits; length += 1) {
    for (const entry of index.byLength.get(length) ?? []) {
      if (entry.lexemes.length === 0) continue;
      const distance = editDistance(token, entry.word, maxEdits);
      if (distance <= maxEdits) found.push({ entry, distance });
    }
  }
  return found.sort((a, b) => a.distance - b.distance || b.entry.count - a.entry.count || a.entry.word.localeCompare(b.entry.word));
}

/** Catalogue words that begin with `prefix`, the most used first. */
export function wordsStartingWith(index: VocabularyIndex, prefix: string, limit: number): VocabularyWord[] {
  const words = index.sortedWords;
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle]!.word.localeCompare(prefix) < 0) low = middle + 1;
    else high = middle;
  }
  const found: VocabularyWord[] = [];
  for (let i = low; i < words.length && words[i]!.word.startsWith(prefix); i += 1) {
    if (words[i]!.word !== prefix && words[i]!.lexemes.length > 0) found.push(words[i]!);
  }
  return found.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, limit);
}

/** The lexemes of each token, as PostgreSQL's English configuration stems them (empty for a stop word). */
export type Stemmer = (tokens: string[]) => Promise<Map<string, string[]>>;

export type AnalyseOptions = {
  /** The last word may be unfinished (typing as you go): also match the catalogue words it begins. */
  partialLastWord?: boolean;
};

const isKnown = (index: VocabularyIndex, lexemes: string[]) => lexemes.length > 0 && lexemes.every((lexeme) => index.lexemes.has(lexeme));

/** A word of the query read on its own, or a run of words that spells a synonym phrase. */
type Piece = { token: string; phrase: SynonymTerm | null };

/** The query's words, runs that spell a synonym phrase joined into one piece (longest first); lone letters go. */
function piecesOf(words: string[], stems: Map<string, string[]>, index: VocabularyIndex): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < words.length && pieces.length < MAX_TOKENS; ) {
    let phrase: SynonymTerm | null = null;
    let length = 1;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 2 && !phrase && index.phrases.size > 0; n -= 1) {
      phrase = index.phrases.get(phraseKey(words.slice(i, i + n), stems)) ?? null;
      if (phrase) length = n;
    }
    const token = words.slice(i, i + length).join(' ');
    i += length;
    if ((phrase || isMeaningful(token)) && !pieces.some((piece) => piece.token === token)) pieces.push({ token, phrase });
  }
  return pieces;
}

/** Reads a query against the vocabulary: a group of alternatives per meaningful word or synonym phrase. */
export async function analyseQuery(
  text: string,
  index: VocabularyIndex,
  stem: Stemmer,
  options: AnalyseOptions = {},
): Promise<AnalysedQuery> {
  // Single letters are kept only as far as a phrase may need them ("t shirt"); the rest is bounded like tokenize.
  const words = splitWords(text).slice(0, MAX_TOKENS * MAX_PHRASE_WORDS);
  if (!words.some(isMeaningful) && (words.length < 2 || index.phrases.size === 0)) return { groups: [], correctedQuery: null };
  // Catalogue words carry their lexemes; the rest are stemmed in one round trip (none when every word is known).
  // Other spellings count only when the catalogue writes them (below), so they never need stemming.
  const unknown = [...new Set(words)].filter((word) => !index.byWord.has(word));
  const stems = unknown.length > 0 ? await stem(unknown) : new Map<string, string[]>();
  const lexemesOf = (word: string) => index.byWord.get(word)?.lexemes ?? stems.get(word) ?? [];
  const pieces = piecesOf(words, new Map(words.map((word) => [word, lexemesOf(word)])), index);

  const groups: TermGroup[] = [];
  const readAs: string[] = [];
  let corrected = false;
  pieces.forEach(({ token, phrase }, position) => {
    const alternatives: Alternative[] = [];
    const add = (alternative: Alternative) => {
      if (alternative.lexemes.length === 0) return;
      const key = alternative.lexemes.join(' ');
      if (!alternatives.some((existing) => existing.lexemes.join(' ') === key)) alternatives.push(alternative);
    };
    if (phrase) {
      // A phrase of the synonym list: itself and the other terms of its groups, nothing fuzzy.
      add({ text: token, lexemes: phrase.lexemes, kind: 'exact' });
      for (const synonym of index.synonyms.get(phrase.key) ?? []) add({ text: synonym.text, lexemes: synonym.lexemes, kind: 'synonym' });
      readAs.push(token);
      groups.push(withNamedKeys({ token, alternatives, known: true }, index));
      return;
    }
    const lexemes = lexemesOf(token);
    const isLast = position === pieces.length - 1;
    // A stop word ("the", "for") constrains nothing.
    if (lexemes.length === 0 && !(isLast && options.partialLastWord)) return;
    // Other spellings count only as words the catalogue writes: stems collide ("organizer" and "organic" both
    // stem to "organ"), so a spelling the catalogue uses replaces the typed one rather than joining it.
    const spellings = index.byWord.has(token) ? [] : spellingVariants(token).filter((variant) => index.byWord.has(variant));
    const hasSynonyms = index.synonyms.has(lexemes.join(' '));
    const known = spellings.length === 0 && (isKnown(index, lexemes) || hasSynonyms);
    if (spellings.length === 0) add({ text: token, lexemes, kind: 'exact' });
    for (const variant of spellings) add({ text: variant, lexemes: lexemesOf(variant), kind: 'spelling' });
    const foundInCatalogue = known || spellings.length > 0;
    let reading = known ? token : (spellings[0] ?? null);
    if (!foundInCatalogue) {
      const nearest = nearestWords(index, token, allowedEdits(token.length));
      const best = nearest[0]?.distance;
      for (const { entry } of nearest.filter((n) => n.distance === best).slice(0, MAX_FUZZY_ALTERNATIVES)) {
        add({ text: entry.word, lexemes: entry.lexemes, kind: 'fuzzy' });
        reading ??= entry.word;
      }
    }
    if (isLast && options.partialLastWord && token.length >= 2) {
      for (const entry of wordsStartingWith(index, token, MAX_PREFIX_ALTERNATIVES)) add({ text: entry.word, lexemes: entry.lexemes, kind: 'prefix' });
    } else if (!foundInCatalogue && alternatives.length === 1 && token.length >= 4) {
      // Nothing closer: a word cut short ("kettleb") still finds the words it begins.
      for (const entry of wordsStartingWith(index, token, MAX_PREFIX_ALTERNATIVES)) {
        add({ text: entry.word, lexemes: entry.lexemes, kind: 'prefix' });
        reading ??= entry.word;
      }
    }
    // Synonyms of what the word was read as (its own lexemes, or a correction's).
    for (const alternative of [...alternatives]) {
      for (const synonym of index.synonyms.get(alternative.lexemes.join(' ')) ?? []) {
        add({ text: synonym.text, lexemes: synonym.lexemes, kind: 'synonym' });
      }
    }
    if (reading && reading !== token && !spellings.includes(reading)) corrected = true;
    readAs.push(reading ?? token);
    groups.push(withNamedKeys({ token, alternatives, known }, index));
  });
  return { groups, correctedQuery: corrected ? readAs.join(' ') : null };
}

/** The group with the categories and option values its one-word alternatives name. */
function withNamedKeys(group: Omit<TermGroup, 'categoryIds' | 'optionTokens'>, index: VocabularyIndex): TermGroup {
  const categoryIds = new Set<string>();
  const optionTokens = new Set<string>();
  for (const alternative of group.alternatives) {
    if (alternative.lexemes.length !== 1) continue;
    for (const id of index.categories.get(alternative.lexemes[0]!) ?? []) categoryIds.add(id);
    for (const optionToken of index.options.get(alternative.lexemes[0]!) ?? []) optionTokens.add(optionToken);
  }
  return { ...group, categoryIds: [...categoryIds], optionTokens: [...optionTokens] };
}

/**
 * "Did you mean": each word the catalogue does not know replaced by its nearest catalogue word (a little more
 * forgiving than matching: one edit from 3 letters, two from 6). Null when nothing changes or a word has no
 * neighbour.
 */
export function suggestQuery(text: string, index: VocabularyIndex, stems: Map<string, string[]>): string | null {
  const tokens = tokenize(text);
  let changed = false;
  const words: string[] = [];
  for (const token of tokens) {
    const lexemes = index.byWord.get(token)?.lexemes ?? stems.get(token) ?? [];
    if (lexemes.length === 0 || isKnown(index, lexemes)) {
      words.push(token);
      continue;
    }
    const maxEdits = token.length >= 6 ? 2 : token.length >= 3 ? 1 : 0;
    const nearest = nearestWords(index, token, maxEdits)[0] ?? wordsStartingWith(index, token, 1).map((entry) => ({ entry, distance: 0 }))[0];
    if (!nearest) return null;
    words.push(nearest.entry.word);
    changed = true;
  }
  return changed ? words.join(' ') : null;
}

/**
 * A tsquery (as text, cast with ::tsquery: its lexemes are already stemmed) matching any alternative of a group —
 * the lexemes of several words as a phrase — restricted to the given weights ("A": title, "B": vendor,
 * "C": description). Each lexeme is quoted, so a hyphenated compound ("t-shirt") is one lexeme, not syntax.
 */
export function groupTsquery(group: TermGroup, weights: string): string {
  const safe = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;
  return group.alternatives
    .map((alternative) => {
      const parts = alternative.lexemes.map((lexeme) => `${safe(lexeme)}:${weights}`);
      return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`;
    })
    .join(' | ');
}
