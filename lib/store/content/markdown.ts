import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Content pages are written in Markdown and stored as written. They become HTML on output, and that HTML is
// sanitised every time (sanitize-html, an allow-list): whatever reached the database — an admin pasting a <script>,
// a row written by an import or by hand — can never run in a shopper's browser.

const ALLOWED_TAGS = ['h2', 'h3', 'h4', 'p', 'br', 'hr', 'strong', 'em', 'del', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The page's title is its only h1.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs };
    },
  },
};

/** Sanitises HTML from anywhere with the content allow-list. */
export function sanitiseContentHtml(html: string): string {
  return sanitizeHtml(html, SANITISE);
}

/** Markdown → safe HTML. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  return sanitiseContentHtml(html);
}

/** Plain text of Markdown (for a meta description when the merchant wrote none). */
export function markdownToPlainText(markdown: string, maxLength = 160): string {
  const text = sanitizeHtml(marked.parse(markdown, { async: false, gfm: true }), { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
