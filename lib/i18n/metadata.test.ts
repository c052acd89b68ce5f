import { describe, expect, it } from 'vitest';
import { localeAlternates } from './metadata';

describe('localeAlternates', () => {
  it('names every language and x-default, with the canonical address in the page language', () => {
    expect(localeAlternates('/products/coat', 'de')).toEqual({
      canonical: '/de/products/coat',
      languages: { en: '/products/coat', de: '/de/products/coat', fr: '/fr/products/coat', 'x-default': '/products/coat' },
    });
    expect(localeAlternates('/', 'en').languages).toEqual({ en: '/', de: '/de', fr: '/fr', 'x-default': '/' });
    expect(localeAlternates('/search', 'xx').canonical).toBe('/search');
  });
});
