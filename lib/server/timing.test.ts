import { describe, expect, it } from 'vitest';
import { requestKind } from './timing';

describe('requestKind', () => {
  it('labels requests by kind, so no path or query ever becomes a metric label', () => {
    expect(requestKind('/')).toBe('page');
    expect(requestKind('/products/blue-mug?ref=mail&email=a@b.test')).toBe('page');
    expect(requestKind('/api/ready')).toBe('api');
    expect(requestKind('/media/products/a.jpg')).toBe('media');
    expect(requestKind('/_next/image?url=%2Fmedia%2Fa.jpg&w=640&q=75')).toBe('image');
    expect(requestKind('/_next/static/chunks/app.js')).toBe('static');
    expect(requestKind('/_next/data/x.json')).toBe('next');
    expect(requestKind(undefined)).toBe('page');
  });
});
