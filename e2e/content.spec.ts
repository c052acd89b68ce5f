import { expect, test, watchCsp } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { AdminContentPages, footer } from './pages/content-pages';
import { axeViolations } from './support/axe';

// The store's own words: pages and the home page edited in the admin reach shoppers at once (the page cache and the
// data cache are purged on save), the footer links them at phone and desktop widths, and they pass axe.

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

test('an admin edits Shipping & returns and the hero; an anonymous shopper sees both at once', async ({ page, browser }) => {
  test.slow(); // admin edits and storefront visits on a 2-core machine
  const stamp = Date.now().toString(36);
  const sentence = `Parcels to the islands take ${stamp} extra days.`;
  const heading = `Winter linen ${stamp}`;

  // A shopper's browser (no session: served from the page cache) has both pages cached before the edits.
  const shopperContext = await browser.newContext();
  const violations: string[] = [];
  await watchCsp(shopperContext, violations);
  const shopper = await shopperContext.newPage();
  await shopper.goto('/pages/shipping-returns');
  await expect(shopper.getByRole('heading', { level: 1, name: 'Shipping & returns' })).toBeVisible();
  await expect(shopper.getByText(sentence)).toHaveCount(0);
  await shopper.goto('/');
  await expect(shopper.getByRole('heading', { level: 1 })).not.toHaveText(heading);

  await new AdminShell(page).signIn();
  const admin = new AdminContentPages(page);
  await admin.editPage('Shipping & returns', (body) => `${body}\n\n## Islands\n\n${sentence}`);
  await admin.composeHome({ heading, text: 'Soft, breathable, made to last.' });

  await shopper.goto('/pages/shipping-returns');
  await expect(shopper.getByRole('heading', { level: 2, name: 'Islands' })).toBeVisible();
  await expect(shopper.getByText(sentence)).toBeVisible();
  await shopper.goto('/');
  await expect(shopper.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(shopper.getByText('Soft, breathable, made to last.')).toBeVisible();
  await shopperContext.close();
  expect(violations).toEqual([]);
});

for (const size of WIDTHS) {
  test(`footer links lead to their pages and the order lookup (${size.name}, ${size.width} px)`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/');
    const links = footer(page).getByRole('link');
    const names = await links.allTextContents();
    expect(names).toEqual(expect.arrayContaining(['About us', 'Shipping & returns', 'Privacy policy', 'Terms of service', 'Contact us', 'Order lookup']));
    for (const name of ['About us', 'Shipping & returns', 'Privacy policy', 'Terms of service', 'Contact us']) {
      await footer(page).getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    }
    await footer(page).getByRole('link', { name: 'Order lookup' }).click();
    await expect(page.getByRole('form', { name: 'Find your order' })).toBeVisible();
    // The store's contact details are in the footer too.
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'support@example.com' })).toHaveAttribute('href', 'mailto:support@example.com');
    // And the sign-in page points guests at the lookup.
    await page.goto('/account/sign-in');
    await page.getByRole('main').getByRole('link', { name: 'Look up your order' }).click();
    await expect(page.getByRole('form', { name: 'Find your order' })).toBeVisible();
  });

  test(`content pages and the home page pass axe (${size.name}, ${size.width} px)`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const path of ['/', '/pages/about', '/pages/shipping-returns', '/pages/privacy', '/pages/terms', '/pages/contact']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
}

test('a page that does not exist answers 404', async ({ page }) => {
  expect((await page.goto('/pages/no-such-page'))?.status()).toBe(404);
});

test('an admin previews every email template: subject, HTML part and plain text', async ({ page }) => {
  test.slow();
  await new AdminShell(page).signIn(undefined, '/admin/emails');
  await page.getByRole('navigation', { name: 'Emails' }).getByRole('link', { name: 'Templates' }).click();
  // The list is read once it is on screen: the click above navigates.
  const templates = page.getByRole('list', { name: 'Email templates' }).getByRole('link');
  await expect.poll(() => templates.count()).toBeGreaterThanOrEqual(12);
  const names = await templates.allTextContents();
  for (const name of ['Order confirmation', 'Order shipped', 'Order delivered', 'Refund', 'Password reset', 'Email verification', 'Staff invitation', 'Password changed']) {
    expect(names).toContain(name);
  }
  expect(names).toContain('Payment instructions (manual payment)');
  await page.getByRole('link', { name: 'Order confirmation (manual payment)' }).click();
  await expect(page.getByTestId('email-subject')).toHaveText('Order confirmation SF-7K3F9QX2');
  await expect(page.getByTestId('email-text')).toContainText('Total');
  await expect(page.getByTestId('email-text')).toContainText('How to pay for order SF-7K3F9QX2');
  await expect(page.getByTestId('email-text')).not.toContainText('IBAN');
  expect(await axeViolations(page)).toEqual([]);
});

for (const size of WIDTHS) {
  test(`an admin previews the payment instructions email (${size.name}, ${size.width} px)`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await new AdminShell(page).signIn(undefined, '/admin/emails/templates');
    await page.getByRole('link', { name: 'Payment instructions (manual payment)' }).click();
    await expect(page.getByTestId('email-subject')).toHaveText('How to pay for order SF-7K3F9QX2');
    const frame = page.frameLocator('iframe[title$="HTML part"]');
    await expect(frame.getByRole('heading', { level: 1, name: 'How to pay for order SF-7K3F9QX2' })).toBeVisible();
    await expect(frame.getByText('IBAN: GB00 EXAM 0000 0000 0000 00')).toBeVisible();
    await expect(page.getByTestId('email-text')).toContainText('quote SF-7K3F9QX2 as the reference');
    await expect(page.getByTestId('email-text')).toContainText('$125.78');
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`a content page's preview follows the Markdown as typed, sanitised as the store renders it (${size.name}, ${size.width} px)`, async ({ page, browser }) => {
    test.slow();
    await page.setViewportSize({ width: size.width, height: size.height });
    const stamp = `${size.name}-${Date.now().toString(36)}`;
    await new AdminShell(page).signIn(undefined, '/admin/pages/new');
    await page.goto('/admin/pages/new');
    const form = page.getByRole('form', { name: 'New page' });
    await form.getByLabel('Title', { exact: true }).fill(`Care guide ${stamp}`);
    await form.getByLabel('Address (optional)').fill(`care-${stamp}`);
    await form.getByLabel('Visibility').selectOption('published');
    await form.getByRole('button', { name: 'Create page' }).click();
    await expect(page).toHaveURL(/\/admin\/pages\/[0-9a-f-]+\?created=1/);

    const editor = page.getByRole('form', { name: 'Edit page' });
    const preview = page.getByTestId('page-preview');
    const body = editor.getByLabel('Content');
    await body.fill('## Washing\n\nCool wash, **line dry**.');
    // Follows the typing before anything is saved.
    await expect(preview.getByRole('heading', { level: 2, name: 'Washing' })).toBeVisible();
    await expect(preview.locator('strong')).toHaveText('line dry');
    await body.pressSequentially('\n\n- Iron warm\n\n<script>window.__previewScriptRan = true</script><img src="x" onerror="window.__previewScriptRan = true">\n\n[Contact us](/pages/contact) [bad](javascript:alert(1))');
    await expect(preview.getByRole('listitem')).toHaveText('Iron warm');
    await expect(preview.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/pages/contact');
    // What cannot be on the store is not in the preview either, and never ran.
    expect(await preview.locator('script, img, [onerror]').count()).toBe(0);
    expect(await preview.locator('a[href^="javascript" i]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __previewScriptRan?: boolean }).__previewScriptRan ?? false)).toBe(false);

    // Phone and desktop widths of the preview.
    const frameWidth = () => preview.evaluate((node) => node.getBoundingClientRect().width);
    expect(await frameWidth()).toBeLessThanOrEqual(390);
    await page.getByRole('radio', { name: 'Desktop' }).check();
    await expect(preview).toHaveAttribute('data-width', 'desktop');
    expect(await frameWidth()).toBeGreaterThanOrEqual(1000);
    // The wide frame scrolls inside the preview's own region, which keyboard users can reach.
    const region = page.getByRole('region', { name: 'Page preview at desktop width' });
    await expect(region).toHaveAttribute('tabindex', '0');
    expect(await region.evaluate((node) => node.scrollWidth > node.clientWidth && node.getBoundingClientRect().width < 1024)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Phone' }).check();
    await expect(preview).toHaveAttribute('data-width', 'phone');

    // Saved: the storefront renders exactly what the preview showed.
    const previewed = await preview.locator(':scope > div').innerHTML();
    await editor.getByRole('button', { name: 'Save page' }).click();
    await expect(editor.getByRole('status')).toHaveText(/Page saved/);
    const shopper = await browser.newPage();
    await shopper.goto(`/pages/care-${stamp}`);
    await expect(shopper.getByRole('heading', { level: 2, name: 'Washing' })).toBeVisible();
    expect(await shopper.locator('article > div').innerHTML()).toBe(previewed);
    await shopper.close();
  });
}
