import { expect, type Locator, type Page } from '@playwright/test';

// The storefront in German, as a German shopper reads it: every name below is the German one the page shows.

/** The footer's language choice: the same page in each language, each named in itself. */
export class LanguageLinks {
  readonly nav: Locator;

  constructor(readonly page: Page, heading: 'Language' | 'Sprache' | 'Langue') {
    this.nav = page.getByRole('navigation', { name: heading });
  }

  link(name: 'English' | 'Deutsch' | 'Français'): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  /** Follows a language's link with the keyboard (focus, Enter) and waits for that page to load. */
  async switchTo(name: 'English' | 'Deutsch' | 'Français', prefix: '' | '/de' | '/fr') {
    const link = this.link(name);
    await link.focus();
    await Promise.all([this.page.waitForURL((url) => (prefix ? url.pathname.startsWith(`${prefix}/`) || url.pathname === prefix : !/^\/(de|fr)(\/|$)/.test(url.pathname))), this.page.keyboard.press('Enter')]);
  }
}

/** A product page in German. */
export class GermanProductPage {
  readonly title: Locator;
  readonly purchase: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1 });
    this.purchase = page.getByRole('form', { name: 'In den Warenkorb' });
    this.drawer = page.getByRole('dialog', { name: 'Ihr Warenkorb' });
  }

  async goto(slug: string) {
    await this.page.goto(`/de/products/${slug}`);
  }

  /** Picks option values by their links in the variant picker (their names are the merchant's, untranslated). */
  async choose(options: Record<string, string>) {
    for (const [name, value] of Object.entries(options)) {
      const escaped = `${name} ${value}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const link = this.page.getByRole('link', { name: new RegExp(`^${escaped}( \\(.*\\))?$`, 'i') });
      if ((await link.getAttribute('aria-current')) !== 'true') {
        await link.click();
        await expect(link).toHaveAttribute('aria-current', 'true');
      }
    }
  }

  async add(quantity: number) {
    await this.purchase.getByLabel('Menge').fill(String(quantity));
    await this.purchase.getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect(this.drawer).toBeVisible();
  }
}

/** The hreflang alternates and canonical address in the page's head. */
export async function alternates(page: Page): Promise<{ canonical: string | null; languages: Record<string, string> }> {
  return page.evaluate(() => {
    const languages: Record<string, string> = {};
    for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][hreflang]')) languages[link.hreflang] = new URL(link.href).pathname;
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    return { canonical: canonical ? new URL(canonical.href).pathname : null, languages };
  });
}
