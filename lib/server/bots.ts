import { isbot } from 'isbot';

// Which copy of a cached page a visitor gets. Next renders a page differently for crawlers: those that read only the
// HTML get their metadata in <head> instead of streamed (next.config.ts `htmlLimitedBots`, a documented option), and
// bots in general get the whole document before the first byte. A cached copy must therefore never cross from one
// class to another, and the classes must agree with Next's — so Next is handed the very pattern the key uses.

/**
 * Crawlers that read only the HTML: Next's documented default list of "HTML-limited bots" (next.config.ts
 * `htmlLimitedBots`; the list Next 16 ships), set explicitly so that the page cache and Next classify alike.
 */
export const HTML_LIMITED_BOTS =
  /[\w-]+-Google|Google-[\w-]+|Chrome-Lighthouse|Slurp|DuckDuckBot|baiduspider|yandex|sogou|bitlybot|tumblr|vkShare|quora link preview|redditbot|ia_archiver|Bingbot|BingPreview|applebot|facebookexternalhit|facebookcatalog|Twitterbot|LinkedInBot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|Yeti|googleweblight/i;

export type AgentClass = 'browser' | 'bot' | 'html';

/**
 * The class of a user agent for the page cache: `html` for crawlers Next gives blocking metadata, `bot` for any other
 * crawler (isbot's maintained list, which includes Googlebot, the one crawler Next treats as running JavaScript),
 * `browser` for everyone else. Broader than Next's own test on purpose: an extra class only costs a separate copy.
 */
export function agentClass(userAgent: string): AgentClass {
  if (HTML_LIMITED_BOTS.test(userAgent)) return 'html';
  return isbot(userAgent) ? 'bot' : 'browser';
}
