import { describe, expect, it } from 'vitest';
import { allowedEdits, analyseQuery, editDistance, groupTsquery, indexVocabulary, spellingVariants, suggestQuery, tokenize, type SearchVocabularyData } from './search-terms';

const vocabulary: SearchVocabularyData = {
  words: [
    { word: 'jacket', lexemes: ['jacket'], count: 8 },
    { word: 'boot', lexemes: ['boot'], count: 9 },
    { word: 'book', lexemes: ['book'], count: 2 },
    { word: 'organiser', lexemes: ['organis'], count: 1 },
    { word: 'organic', lexemes: ['organ'], count: 3 },
    { word: 'sneaker', lexemes: ['sneaker'], count: 2 },
    { word: 'grey', lexemes: ['grey'], count: 3 },
  ],
  categories: { sneaker: ['category-sneakers'] },
  options: { grey: ['colour=Heather Grey'] },
  synonyms: [{ terms: [{ text: 'sneakers', key: 'sneaker' }, { text: 'trainers', key: 'trainer' }] }],
};
// A stand-in for PostgreSQL's stemmer, enough for these words.
const stem = async (tokens: string[]) =>
  new Map(tokens.map((token) => [token, ['the', 'for'].includes(token) ? [] : [token === 'organizer' ? 'organ' : token.replace(/s$/, '')]]));

describe('search terms', () => {
  it('counts a transposition as one edit and gives up past the limit', () => {
    expect(editDistance('jakcet', 'jacket')).toBe(1);
    expect(editDistance('snekaer', 'sneaker')).toBe(1);
    expect(editDistance('jackt', 'jacket')).toBe(1);
    expect(editDistance('kettelbel', 'kettlebell')).toBe(2);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('allows no edit under 5 letters, one from 5, two from 9', () => {
    expect([4, 5, 8, 9, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  it('folds case and accents and splits on punctuation', () => {
    expect(tokenize('Sauté  PAN, T-Shirt 35°F')).toEqual(['saute', 'pan', 'shirt', '35']);
  });

  it('knows British and American spellings', () => {
    expect(spellingVariants('organizer')).toContain('organiser');
    expect(spellingVariants('colour')).toContain('color');
    expect(spellingVariants('gray')).toContain('grey');
    expect(spellingVariants('enameled')).toContain('enamelled');
    expect(spellingVariants('centre')).toContain('center');
  });

  it('corrects only words the catalogue does not know', async () => {
    const index = indexVocabulary(vocabulary);
    const boot = await analyseQuery('boot', index, stem);
    expect(boot.groups[0]!.alternatives.map((a) => a.text)).toEqual(['boot']);
    const typo = await analyseQuery('jakcet', index, stem);
    expect(typo.groups[0]!.alternatives.map((a) => a.text)).toEqual(['jakcet', 'jacket']);
    expect(typo.correctedQuery).toBe('jacket');
  });

  it('replaces a spelling the catalogue does not use, so colliding stems do not match ("organizer" is not "organic")', async () => {
    const index = indexVocabulary(vocabulary);
    const read = await analyseQuery('organizer', index, stem);
    expect(read.groups[0]!.alternatives.map((a) => a.lexemes.join(' '))).toEqual(['organis']);
    expect(read.correctedQuery).toBeNull();
  });

  it('adds synonyms both ways, with the categories and options the words name; stop words constrain nothing', async () => {
    const index = indexVocabulary(vocabulary);
    const read = await analyseQuery('the trainers gray', index, stem);
    expect(read.groups).toHaveLength(2);
    expect(read.groups[0]!.alternatives.map((a) => a.text)).toEqual(['trainers', 'sneakers']);
    expect(read.groups[0]!.categoryIds).toEqual(['category-sneakers']);
    expect(read.groups[1]!.optionTokens).toEqual(['colour=Heather Grey']);
    expect(groupTsquery(read.groups[0]!, 'AB')).toBe("'trainer':AB | 'sneaker':AB");
  });

  it('completes the last word while typing, and suggests only catalogue words', async () => {
    const index = indexVocabulary(vocabulary);
    const typing = await analyseQuery('jac', index, stem, { partialLastWord: true });
    expect(typing.groups[0]!.alternatives.map((a) => a.text)).toContain('jacket');
    expect(suggestQuery('bkot', index, new Map([['bkot', ['bkot']]]))).toBe('boot');
    expect(suggestQuery('xqzvw', index, new Map([['xqzvw', ['xqzvw']]]))).toBeNull();
  });
});
