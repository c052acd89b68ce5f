import { expect, type Locator, type Page } from '@playwright/test';

/** An admin list's saved views: the picker, "Save view" and its dialog, and deleting the one shown. */
export class SavedViewsPanel {
  readonly picker: Locator;

  constructor(readonly page: Page) {
    this.picker = page.getByLabel('Saved view');
  }

  async save(name: string) {
    await this.page.getByRole('button', { name: 'Save view' }).click();
    const form = this.page.getByRole('dialog', { name: 'Save view' }).getByRole('form', { name: 'Save view' });
    await form.getByLabel('View name').fill(name);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('region', { name: /^Notifications/ }).getByText(`View “${name}” saved.`, { exact: true })).toBeVisible();
  }

  async choose(name: string) {
    await this.picker.selectOption({ label: name });
  }
}
