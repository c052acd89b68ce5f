import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown, sanitiseContentHtml } from './markdown';

describe('content markdown', () => {
  it('renders headings, lists, emphasis and links', () => {
    const html = renderMarkdown('## Returns\n\nWithin **30 days**, see [our terms](/pages/terms).\n\n- one\n- two');
    expect(html).toContain('<h2>Returns</h2>');
    expect(html).toContain('<strong>30 days</strong>');
    expect(html).toContain('<a href="/pages/terms">our terms</a>');
    expect(html).toContain('<li>one</li>');
  });

  it('removes scripts, event handlers and javascript: links, whatever the source', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)">y</a>');
    expect(html).not.toMatch(/script|onerror|javascript|<img/i);
    expect(sanitiseContentHtml('<p style="color:red" onclick="x()">ok</p><iframe src="https://evil"></iframe>')).toBe('<p>ok</p>');
  });

  it('keeps the page title the only h1, and marks external links', () => {
    const html = renderMarkdown('# Big\n\n[out](https://example.com)');
    expect(html).toContain('<h2>Big</h2>');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('gives a short plain-text description', () => {
    expect(markdownToPlainText('## Title\n\nSome **bold** text.', 20)).toBe('Title Some bold tex…');
  });
});
