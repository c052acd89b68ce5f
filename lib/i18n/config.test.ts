import { describe, expect, it } from 'vitest';
import { localiseHref, localisePath, splitLocale } from './config';

describe('splitLocale', () => {
  it('reads the language from the prefix and strips it', () => {
    expect(splitLocale('/de/products/jacket')).toEqual({ locale: 'de', pathname: '/products/jacket', explicitDefault: false });
    expect(splitLocale('/fr')).toEqual({ locale: 'fr', pathname: '/', explicitDefault: false });
  });
  it('treats unprefixed paths and unknown prefixes as English', () => {
    expect(splitLocale('/products/jacket')).toEqual({ locale: 'en', pathname: '/products/jacket', explicitDefault: false });
    expect(splitLocale('/es/products/x').locale).toBe('en');
    expect(splitLocale('/deals').locale).toBe('en');
  });
  it('flags /en for a redirect to the unprefixed address', () => {
    expect(splitLocale('/en/cart')).toEqual({ locale: 'en', pathname: '/cart', explicitDefault: true });
  });
  it('never localises the admin or the APIs', () => {
    expect(splitLocale('/de/admin/products').locale).toBe('en');
    expect(splitLocale('/de/api/store/v1/products').pathname).toBe('/de/api/store/v1/products');
  });
});

describe('localisePath / localiseHref', () => {
  it('prefixes storefront paths for German and French, never English', () => {
    expect(localisePath('/', 'de')).toBe('/de');
    expect(localisePath('/cart', 'fr')).toBe('/fr/cart');
    expect(localisePath('/cart', 'en')).toBe('/cart');
    expect(localiseHref('/search?q=jacke#top', 'de')).toBe('/de/search?q=jacke#top');
  });
  it('leaves external, admin, API and already-localised hrefs alone', () => {
    expect(localiseHref('https://example.com/x', 'de')).toBe('https://example.com/x');
    expect(localiseHref('//cdn.example.com/x', 'de')).toBe('//cdn.example.com/x');
    expect(localiseHref('/admin/orders', 'de')).toBe('/admin/orders');
    expect(localiseHref('/api/account/export', 'fr')).toBe('/api/account/export');
    expect(localiseHref('/fr/cart', 'de')).toBe('/fr/cart');
    expect(localiseHref('#main', 'de')).toBe('#main');
  });
});
