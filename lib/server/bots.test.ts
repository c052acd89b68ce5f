import { describe, expect, it } from 'vitest';
import { agentClass } from './bots';

// The page cache keeps one copy per class of agent; a copy must never reach an agent Next renders differently for.
describe('agentClass', () => {
  it('keeps browsers together, whatever the browser', () => {
    for (const ua of [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    ]) {
      expect(agentClass(ua), ua).toBe('browser');
    }
  });

  it("gives the crawlers Next serves blocking metadata (its documented default list) a class of their own", () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Twitterbot/1.0',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'Mozilla/5.0 (compatible; AdsBot-Google; +http://www.google.com/adsbot.html)',
      'WhatsApp/2.23.20.0',
      'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Chrome-Lighthouse',
    ]) {
      expect(agentClass(ua), ua).toBe('html');
    }
  });

  it('keeps Googlebot (which Next treats as running JavaScript) and other crawlers apart from browsers', () => {
    expect(agentClass('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).toBe('bot');
    expect(agentClass('Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)')).toBe('bot');
    expect(agentClass('curl/8.5.0')).toBe('bot');
  });
});
