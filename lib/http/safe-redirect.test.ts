import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-redirect';

describe('safeReturnPath (open-redirect attempts after sign-in)', () => {
  it('keeps same-site paths with their query and fragment', () => {
    expect(safeReturnPath('/checkout')).toBe('/checkout');
    expect(safeReturnPath('/account/orders?page=2#top')).toBe('/account/orders?page=2#top');
  });

  it.each([
    ['absolute foreign URL', 'https://evil.example/phish'],
    ['protocol-relative', '//evil.example'],
    ['backslash trick', '/\\evil.example'],
    ['double backslash', '\\\\evil.example'],
    ['tab inside the slashes', '/\t/evil.example'],
    ['newline inside the slashes', '/\n/evil.example'],
    ['javascript: scheme', 'javascript:alert(1)'],
    ['data: scheme', 'data:text/html,<script>alert(1)</script>'],
    ['relative without a slash', 'evil.example'],
    ['empty', ''],
    ['not a string', ['/', '//evil.example']],
  ])('ignores %s', (_name, value) => {
    expect(safeReturnPath(value)).toBe('/account');
  });

  it('keeps an encoded "//" as a harmless path on this site', () => {
    expect(safeReturnPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});
