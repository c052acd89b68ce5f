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

  /** Presses ↓ until the active option's text matches, or fails after every option has been tried (the list may be
   * closed: ↓ opens it). */
  async arrowTo(text: RegExp): Promise<Locator> {
    const count = await this.list.getByRole('option', { includeHidden: true }).count();
    for (let i = 0; i < count; i += 1) {
      await this.box.press('ArrowDown');
      const active = await this.activeOption();
      if (text.test((await active.textContent()) ?? '')) return active;
    }
    throw new Error(`No suggestion matches ${text}`);
  }
}
