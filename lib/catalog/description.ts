import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { sanitiseContentHtml } from '@/lib/store/content/markdown';

// A product's description is Markdown as the merchant wrote it (descriptions written before the editor had formatting
// are plain text, which is Markdown too: blank lines make paragraphs and, with `breaks`, a single line break stays a
// line break as it always did). It becomes HTML on output only, through the content allow-list every time: whatever
// reached the database — a pasted <script>, an <img onerror>, a CSV import — never runs in a shopper's browser.

function toHtml(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true, breaks: true });
}

/** The description as safe HTML for the product page (and the editor's preview, which is the same code). */
export function renderProductDescription(markdown: string): string {
  return sanitiseContentHtml(toHtml(markdown));
}

/** The description as plain text (meta description, structured data), cut at `maxLength` with an ellipsis. */
export function productDescriptionText(markdown: string, maxLength = Infinity): string {
  const text = sanitizeHtml(toHtml(markdown), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
