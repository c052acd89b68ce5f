import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressParts, gzipSplice, packed } from './gzip-splice';

function splice(text: string, marker: string, value: string): Buffer {
  const parts = text.split(marker).map((part) => Buffer.from(part));
  return gzipSplice(compressParts(parts, Buffer.byteLength(value)), Buffer.from(value));
}

describe('gzipSplice', () => {
  it('decompresses to the parts joined with the value, with a valid checksum and length', () => {
    const marker = 'NONCE0000000000000000000';
    const html = `<html><head><script nonce="${marker}">a()</script></head><body>${'<p>Wool coat — €120</p>'.repeat(500)}<script nonce="${marker}" src="/b.js"></script></body></html>`;
    for (const nonce of ['Zmlyc3Q=', randomBytes(16).toString('base64'), '']) {
      // gunzipSync verifies the CRC-32 and the length in the trailer.
      expect(gunzipSync(splice(html, marker, nonce)).toString()).toBe(html.replaceAll(marker, nonce));
    }
  });

  it('handles a text without the marker, the marker at either end, and repeated markers', () => {
    for (const text of ['no marker at all', 'XX starts', 'ends XX', 'XXXX', '', `${'a'.repeat(100_000)}XX${'b'.repeat(70_000)}`]) {
      expect(gunzipSync(splice(text, 'XX', 'v4lue')).toString(), text.slice(0, 20)).toBe(text.replaceAll('XX', 'v4lue'));
    }
  });

  it('compresses about as well as gzipping the whole page: parts refer back across the spliced value', () => {
    // Repetition only across parts: compressed alone, each part would barely shrink.
    const block = randomBytes(3000).toString('base64');
    const html = Array.from({ length: 12 }, () => block).join('<script nonce="NONCE"></script>');
    const whole = gzipSync(html.replaceAll('NONCE', 'n0nce')).length;
    expect(splice(html, 'NONCE', 'n0nce').length).toBeLessThan(whole * 1.2);
  });

  it('never lets a back-reference copy the value: a different value decompresses as itself', () => {
    // The text after each value repeats the text before it, the value included where the stand-in sat.
    const html = Array.from({ length: 6 }, (_, i) => `<a nonce="MARK" id="${i}">x</a>`).join('MARK');
    for (const value of ['AAAA', '\u0000\u0000\u0000\u0000', 'MARK']) {
      expect(gunzipSync(splice(html, 'MARK', value)).toString()).toBe(html.replaceAll('MARK', value));
    }
  });

  it('refuses a value of another length than the parts were compressed for', () => {
    const parts = ['a', 'b'].map((part) => Buffer.from(part));
    expect(() => gzipSplice(compressParts(parts, 4), Buffer.from('12345'))).toThrow(RangeError);
  });
});

describe('packed', () => {
  it('copies small buffers into views of one buffer of exactly their size', () => {
    // Each of these alone pins a shared pool slab or a zlib work buffer much larger than itself.
    const small = ['<p>a</p>', '', '<p>bcd</p>'].map((text) => Buffer.from(text));
    const views = packed(small);
    expect(views.map((view) => view.toString())).toEqual(['<p>a</p>', '', '<p>bcd</p>']);
    expect(new Set(views.map((view) => view.buffer)).size).toBe(1);
    expect(views[0]!.buffer.byteLength).toBe(18);
  });
});

describe('acceptsGzip', () => {
  it('reads what browsers send and honours q=0', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
  });
});
