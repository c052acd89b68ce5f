import { expect, type Locator, type Page } from '@playwright/test';

/** The header's predictive search box: an ARIA combobox with a grouped listbox of suggestions. */
export class HeaderSearch {
  readonly box: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByRole('combobox', { name: 'Search products' });
    this.list = page.getByRole('listbox', { name: 'Search products' });
  }

  group(name: 'Suggestions' | 'Categories' | 'Products') {
    return this.list.getByRole('group', { name });
  }

  /** Types as a person does, key by key, so suggestions follow the text. */
  async type(text: string) {
    await this.box.click();
    await this.box.fill('');
    await this.box.pressSequentially(text, { delay: 40 });
  }

  /** The option the keyboard has made active (aria-activedescendant). */
  async activeOption(): Promise<Locator> {
    const id = await this.box.getAttribute('aria-activedescendant');
    expect(id, 'an option is active').toBeTruthy();
    return this.page.locator(`[id="${id}"]`);
  }

  /** Presses ↓ until the active option's text matches (↓ also opens a closed list); fails once the keyboard has
   * come back round to an option it already passed. */
  async arrowTo(text: RegExp): Promise<Locator> {
    const passed = new Set<string>();
    for (;;) {
      const previous = await this.box.getAttribute('aria-activedescendant');
      await this.box.press('ArrowDown');
      await expect.poll(() => this.box.getAttribute('aria-activedescendant')).not.toBe(previous);
      const id = (await this.box.getAttribute('aria-activedescendant'))!;
      if (!id || passed.has(id)) break;
      passed.add(id);
      const active = this.page.locator(`[id="${id}"]`);
      if (text.test((await active.textContent()) ?? '')) return active;
    }
    throw new Error(`No suggestion matches ${text}`);
  }
}
