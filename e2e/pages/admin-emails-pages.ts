import { expect, type Locator, type Page } from '@playwright/test';

/** Admin → Emails: the messages the store sent (or stored without SMTP), one message, and its resend. */
export class AdminEmailsPage {
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Sent emails' });
  }

  async goto() {
    await this.page.goto('/admin/emails');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Emails' })).toBeVisible();
  }

  /** Narrows the list to one recipient, as a person looking for a customer's message would. */
  async filterByRecipient(address: string) {
    const search = this.page.getByRole('search', { name: 'Filter emails' });
    await search.getByLabel('Recipient').fill(address);
    await search.getByRole('button', { name: 'Filter' }).click();
    await expect(this.page).toHaveURL(/[?&]to=/);
  }

  /** The row of the newest message with this subject. */
  message(subject: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: subject, exact: true }) }).first();
  }

  async open(subject: string) {
    await this.message(subject).getByRole('link', { name: subject, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  }

  /** The open message's HTML part, as its reader sees it. */
  htmlPart(): ReturnType<Page['frameLocator']> {
    return this.page.frameLocator('iframe[title$="HTML part"]');
  }

  async textPart(): Promise<string> {
    return (await this.page.getByTestId('email-text').textContent()) ?? '';
  }

  async resend() {
    const form = this.page.getByRole('form', { name: 'Resend this email' });
    await form.getByRole('button', { name: 'Resend' }).click();
    await expect(form.getByRole('status')).toHaveText(/again/);
  }
}
