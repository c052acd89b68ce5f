import { expect, type Locator, type Page } from '@playwright/test';

/** The admin's command palette: ⌘K / Ctrl+K, or the header's "Search the admin" button on a phone. */
export class AdminCommandPalette {
  readonly dialog: Locator;
  readonly input: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search the admin' });
    this.input = this.dialog.getByRole('combobox');
  }

  async openWithShortcut() {
    await this.page.keyboard.press('ControlOrMeta+K');
    await expect(this.input).toBeFocused();
  }

  async openWithButton() {
    await this.page.getByRole('button', { name: 'Search the admin' }).filter({ visible: true }).click();
    await expect(this.input).toBeFocused();
  }

  option(name: string | RegExp): Locator {
    return this.dialog.getByRole('option', { name });
  }

  async search(text: string) {
    await this.input.fill(text);
  }
}
