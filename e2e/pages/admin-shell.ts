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
    await expect(this.page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
  }

  async open(section: string) {
    await this.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: section, exact: true }).click();
  }
}
