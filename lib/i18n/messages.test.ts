import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The placeholders a message takes (the words in its plural branches are text, not placeholders). */
const argumentsOf = (message: string) =>
  new Set([...message.replace(/\b(?:zero|one|two|few|many|other|=\d+)\s*\{[^{}]*\}/g, '').matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]));

describe('message files', () => {
  const english = leaves(en);
  for (const [locale, messages] of [['de', de], ['fr', fr]] as const) {
    it(`${locale} translates every English message, with the same placeholders`, () => {
      const translated = leaves(messages);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, message] of english) {
        expect(argumentsOf(translated.get(key)!), `${locale} ${key}`).toEqual(argumentsOf(message));
        // A German page that says the English words is a missed translation (names and codes aside).
        if (message.length > 12 && !/^[{<]/.test(message)) expect(translated.get(key), `${locale} ${key}`).not.toBe(message);
      }
    });

    it(`${locale} messages are valid ICU and format with plurals`, () => {
      const t = createTranslator({ locale, messages: messages as Tree }) as unknown as (key: string, values?: Record<string, unknown>) => string;
      expect(t('Cart.itemCount', { count: 3 })).toMatch(/3/);
      expect(t('Catalog.productCount', { count: 1 })).toMatch(/^1 /);
      const translate = createTranslator({ locale, messages: messages as Tree });
      for (const key of leaves(messages).keys()) expect(() => translate.markup(key as never, new Proxy({}, { get: () => 1 }) as never)).not.toThrow();
    });
  }
});
