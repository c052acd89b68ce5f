import { expect, type Page } from '@playwright/test';

/** The admin's content sections: pages, the home page composer, email previews. */
export class AdminContentPages {
  constructor(readonly page: Page) {}

  async editPage(title: string, edit: (body: string) => string) {
    await this.page.goto('/admin/pages');
    await this.page.getByRole('link', { name: title, exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Edit page' });
    const body = form.getByLabel('Content');
    await body.fill(edit(await body.inputValue()));
    await form.getByRole('button', { name: 'Save page' }).click();
    await expect(form.getByRole('status')).toHaveText(/Page saved/);
  }

  async composeHome(values: { heading: string; text: string }) {
    await this.page.goto('/admin/home');
    const form = this.page.getByRole('form', { name: 'Home page' });
    await form.getByLabel('Heading').fill(values.heading);
    await form.getByRole('textbox', { name: /^Text/ }).fill(values.text);
    // The preview follows the fields before anything is saved.
    await expect(this.page.getByTestId('home-preview').getByRole('heading', { level: 1 })).toHaveText(values.heading);
    await form.getByRole('button', { name: 'Save home page' }).click();
    await expect(form.getByRole('status')).toHaveText(/Home page saved/);
  }
}

/** The storefront's footer. */
export function footer(page: Page) {
  return page.getByRole('navigation', { name: 'Footer' });
}
