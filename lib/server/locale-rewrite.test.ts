import { describe, expect, it } from 'vitest';
import { localeRewriteToken, localeRewriteValue, readLocaleRewrite, unprefixedRequest } from './locale-rewrite';

describe('locale rewrite header', () => {
  it("reads this process's own header and refuses anything else (a client cannot choose the language or nonce)", () => {
    expect(readLocaleRewrite(`${localeRewriteToken()} de abc==`)).toEqual({ locale: 'de', nonce: 'abc==' });
    expect(readLocaleRewrite(localeRewriteValue('fr'))).toEqual({ locale: 'fr', nonce: null });
    expect(readLocaleRewrite(localeRewriteValue('de', 'n0nce'))).toEqual({ locale: 'de', nonce: 'n0nce' });
    expect(readLocaleRewrite('guessed-token de abc==')).toBeNull();
    expect(readLocaleRewrite('guessed-token de')).toBeNull();
    expect(readLocaleRewrite('de')).toBeNull();
    expect(readLocaleRewrite(`${localeRewriteToken()}`)).toBeNull();
    expect(readLocaleRewrite(`${localeRewriteToken()} de a b`)).toBeNull();
    expect(readLocaleRewrite(undefined)).toBeNull();
  });
});

describe('unprefixedRequest', () => {
  it('takes the language off the path and keeps the query', () => {
    expect(unprefixedRequest('/de/products/wool-coat?variant=2', 'GET', null)).toEqual({ url: '/products/wool-coat?variant=2', locale: 'de' });
    expect(unprefixedRequest('/fr', 'GET', null)).toEqual({ url: '/', locale: 'fr' });
    expect(unprefixedRequest('/de?q=x', 'GET', null)).toEqual({ url: '/?q=x', locale: 'de' });
    expect(unprefixedRequest('/de/cart', 'POST', null)).toEqual({ url: '/cart', locale: 'de' });
  });

  it('leaves English, unknown prefixes and unlocalised paths alone; /en is stripped only where proxy.ts cannot redirect it', () => {
    expect(unprefixedRequest('/products/a', 'GET', null)).toEqual({ url: '/products/a', locale: 'en' });
    expect(unprefixedRequest('/es/products/a', 'GET', null)).toEqual({ url: '/es/products/a', locale: 'en' });
    expect(unprefixedRequest('/deproducts/a', 'GET', null)).toEqual({ url: '/deproducts/a', locale: 'en' });
    expect(unprefixedRequest('/de/admin/orders', 'GET', null)).toEqual({ url: '/de/admin/orders', locale: 'en' });
    expect(unprefixedRequest('/de/api/store/v1/products', 'GET', null)).toEqual({ url: '/de/api/store/v1/products', locale: 'en' });
    expect(unprefixedRequest('/en/products/a', 'GET', null)).toEqual({ url: '/en/products/a', locale: 'en' });
    expect(unprefixedRequest('/en/products/a', 'POST', null)).toEqual({ url: '/products/a', locale: 'en' });
  });

  it("gives an unprefixed self-request the language of the request it is made for (a forwarded server action)", () => {
    expect(unprefixedRequest('/cart', 'POST', 'de')).toEqual({ url: '/cart', locale: 'de' });
    expect(unprefixedRequest('/fr/cart', 'POST', 'de')).toEqual({ url: '/cart', locale: 'fr' });
  });
});
