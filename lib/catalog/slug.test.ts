import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Linen Shirt – Blue & White', 'linen-shirt-blue-and-white'],
    ['Café Crème', 'cafe-creme'],
    ['  ---  ', ''],
    ['Harbor Heavyweight Tee', 'harbor-heavyweight-tee'],
    ['Jasper 20°F Camp Quilt', 'jasper-20f-camp-quilt'],
    ['Alder & Finch Sauté Pan', 'alder-and-finch-saute-pan'],
  ])('%s → %s', (title, slug) => expect(slugify(title)).toBe(slug));

  it('cuts at 80 characters without leaving a trailing hyphen, and what it makes is a valid slug', () => {
    const slug = slugify(`${'word '.repeat(15)}end`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});
