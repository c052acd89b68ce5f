import { expect, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../support/environment';

/** The admin panel's frame: signing in to it and moving between its sections. */
export class AdminShell {
  constructor(readonly page: Page) {}

  /** Signs in through the panel's own sign-in page, asked to come back to `returnTo` in the panel. */
  async signIn(credentials: { email: string; password: string } = E2E_ADMIN, returnTo = '/admin') {
    await this.page.goto(`/admin/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
    const form = this.page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(credentials.email);
    await form.getByLabel('Password').fill(credentials.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await this.expectPanel();
  }

  /** On a phone the sections are behind this button (a sheet); from 768 px up they are in the sidebar. */
  get menuButton() {
    return this.page.getByRole('button', { name: 'Admin menu' });
  }

  /** The panel's frame is shown: its sidebar, or on a phone its menu button. */
  async expectPanel() {
    await expect(this.page.getByRole('navigation', { name: 'Admin' }).or(this.menuButton).filter({ visible: true })).toBeVisible();
  }

  async open(section: string) {
    if (await this.menuButton.isVisible()) {
      await this.menuButton.click();
      const sheet = this.page.getByRole('dialog', { name: 'Admin menu' });
      await sheet.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: section, exact: true }).click();
      await expect(sheet).toBeHidden();
      return;
    }
    await this.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: section, exact: true }).click();
  }
}
