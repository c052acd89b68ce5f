import { describe, expect, it } from 'vitest';
import { localeRewriteToken, readLocaleRewrite } from './locale-rewrite';

describe('locale rewrite header', () => {
  it("reads this process's own header and refuses anything else (a client cannot choose the language or nonce)", () => {
    expect(readLocaleRewrite(`${localeRewriteToken()} de abc==`)).toEqual({ locale: 'de', nonce: 'abc==' });
    expect(readLocaleRewrite('guessed-token de abc==')).toBeNull();
    expect(readLocaleRewrite(`${localeRewriteToken()} de`)).toBeNull();
    expect(readLocaleRewrite(undefined)).toBeNull();
  });
});
