import { describe, expect, it } from 'vitest';
import {
  allowedEdits,
  analyseQuery,
  editDistance,
  groupTsquery,
  indexVocabulary,
  phraseKey,
  type SearchVocabularyData,
  spellingVariants,
  splitWords,
  suggestQuery,
  tokenize,
} from './search-terms';

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
  categories: { sneaker: ['category-sneakers'], 't-shirt': ['category-t-shirts'] },
  options: { grey: ['colour=Heather Grey'] },
  synonyms: [
    {
      terms: [
        { text: 'sneakers', key: 'sneaker', lexemes: ['sneaker'] },
        { text: 'trainers', key: 'trainer', lexemes: ['trainer'] },
        { text: 'running shoes', key: 'run shoe', lexemes: ['run', 'shoe'] },
      ],
    },
    {
      terms: [
        { text: 'tee', key: 'tee', lexemes: ['tee'] },
        { text: 't-shirt', key: 't shirt', lexemes: ['t-shirt'] },
      ],
    },
  ],
};
// A stand-in for PostgreSQL's stemmer, enough for these words ("t" is a stop word, as in PostgreSQL's English list).
const stem = async (tokens: string[]) =>
  new Map(
    tokens.map((token) => [
      token,
      ['the', 'for', 't'].includes(token) ? [] : [token === 'organizer' ? 'organ' : token === 'running' ? 'run' : token.replace(/s$/, '')],
    ]),
  );

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
    expect(splitWords('T-Shirt 35°F')).toEqual(['t', 'shirt', '35', 'f']);
  });

  it('keys a run of words as the synonym list does, keeping the words the stemmer drops', async () => {
    const stems = await stem(['t', 'shirts', 'running', 'shoes']);
    expect(phraseKey(['t', 'shirts'], stems)).toBe('t shirt');
    expect(phraseKey(['running', 'shoes'], stems)).toBe('run shoe');
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
    expect(read.groups[0]!.alternatives.map((a) => a.text)).toEqual(['trainers', 'sneakers', 'running shoes']);
    expect(read.groups[0]!.categoryIds).toEqual(['category-sneakers']);
    expect(read.groups[1]!.optionTokens).toEqual(['colour=Heather Grey']);
    expect(groupTsquery(read.groups[0]!, 'AB')).toBe("'trainer':AB | 'sneaker':AB | ('run':AB <-> 'shoe':AB)");
  });

  it('reads the words of a synonym phrase as one term, whichever way it is written', async () => {
    const index = indexVocabulary(vocabulary);
    const shoes = await analyseQuery('black running shoes', index, stem);
    expect(shoes.groups.map((group) => group.token)).toEqual(['black', 'running shoes']);
    expect(shoes.groups[1]!.alternatives.map((a) => a.text)).toEqual(['running shoes', 'sneakers', 'trainers']);
    expect(shoes.groups[1]!.categoryIds).toEqual(['category-sneakers']);
    expect(shoes.groups[1]!.known).toBe(true);
    expect(shoes.correctedQuery).toBeNull();
    for (const q of ['t shirt', 'T-Shirts', 't-shirt']) {
      const read = await analyseQuery(q, index, stem);
      expect(read.groups, q).toHaveLength(1);
      expect(read.groups[0]!.alternatives.map((a) => a.lexemes.join(' ')), q).toEqual(['t-shirt', 'tee']);
      expect(read.groups[0]!.categoryIds, q).toEqual(['category-t-shirts']);
      expect(groupTsquery(read.groups[0]!, 'A'), q).toBe("'t-shirt':A | 'tee':A");
    }
    // Either word alone is just a word; the other way round, "tee" finds what "t-shirt" names.
    expect((await analyseQuery('shoes', index, stem)).groups[0]!.alternatives.map((a) => a.text)).toEqual(['shoes']);
    expect((await analyseQuery('running', index, stem)).groups[0]!.alternatives.map((a) => a.text)).toEqual(['running']);
    const tee = await analyseQuery('tee', index, stem);
    expect(tee.groups[0]!.alternatives.map((a) => a.text)).toEqual(['tee', 't-shirt']);
    expect(tee.groups[0]!.categoryIds).toEqual(['category-t-shirts']);
  });

  it('completes the last word while typing, and suggests only catalogue words', async () => {
    const index = indexVocabulary(vocabulary);
    const typing = await analyseQuery('jac', index, stem, { partialLastWord: true });
    expect(typing.groups[0]!.alternatives.map((a) => a.text)).toContain('jacket');
    expect(suggestQuery('bkot', index, new Map([['bkot', ['bkot']]]))).toBe('boot');
    expect(suggestQuery('xqzvw', index, new Map([['xqzvw', ['xqzvw']]]))).toBeNull();
  });
});
