import { describe, expect, it } from 'vitest';
import { productDescriptionText, renderProductDescription } from './description';

describe('product descriptions', () => {
  it('renders the formatting the editor writes', () => {
    const html = renderProductDescription('Made of **waxed cotton**, _by hand_.\n\n- Two pockets\n- A hood');
    expect(html).toContain('<strong>waxed cotton</strong>');
    expect(html).toContain('<em>by hand</em>');
    expect(html).toContain('<li>Two pockets</li>');
  });

  it('reads plain-text descriptions as before: paragraphs and line breaks', () => {
    expect(renderProductDescription('First line\nsecond line\n\nNew paragraph')).toBe('<p>First line<br />second line</p>\n<p>New paragraph</p>\n');
  });

  it('removes scripts, event handlers and javascript: links on output', () => {
    const html = renderProductDescription('Hi <script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a> <b onclick="y()">b</b>');
    expect(html).not.toMatch(/script|onerror|onclick|javascript|alert|<img/i);
    expect(html).toContain('Hi');
  });

  it('gives plain text for meta descriptions and structured data', () => {
    expect(productDescriptionText('## Care\n\nWash **cold** & dry <em>flat</em>.')).toBe('Care Wash cold & dry flat.');
    expect(productDescriptionText('One two three four', 10)).toBe('One two t…');
  });
});
