import { describe, expect, it } from 'vitest';
import { createSynonymGroupSchema } from './schemas';

const issues = (terms: string) => {
  const parsed = createSynonymGroupSchema.safeParse({ terms });
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('synonym group terms', () => {
  it('reads comma-separated terms, phrases included, in lower case with spaces tidied, once each', () => {
    expect(createSynonymGroupSchema.parse({ terms: ' Sneakers ,Trainers,  running   SHOES, sneakers' }).terms).toEqual(['sneakers', 'trainers', 'running shoes']);
    expect(createSynonymGroupSchema.parse({ terms: "tee, T-Shirt, men's tee" }).terms).toEqual(['tee', 't-shirt', "men's tee"]);
  });

  it('reports a bad term on the field itself, naming the term', () => {
    expect(issues('sneakers, train<ers>')).toEqual([{ path: 'terms', message: '“train<ers>”: Terms are letters, numbers, spaces, hyphens and apostrophes.' }]);
    expect(issues('sneakers, very long running shoes')).toEqual([{ path: 'terms', message: '“very long running shoes”: Each term is at most 3 words.' }]);
  });

  it('needs two distinct terms', () => {
    expect(issues('sneakers')).toEqual([{ path: 'terms', message: 'Enter at least two terms, separated by commas.' }]);
    expect(issues('Sneakers, sneakers')).toEqual([{ path: 'terms', message: 'Enter at least two terms, separated by commas.' }]);
    expect(issues(' , ')).toEqual([{ path: 'terms', message: 'Enter at least two terms, separated by commas.' }]);
  });
});
