import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { AdminOrderPage } from './pages/admin-orders-pages';
import { axeViolations } from './support/axe';

// Every admin page, found on disk (app/admin/**/page.tsx), opened as the seeded admin at 390 and 1280 px: axe must
// find nothing. Dynamic routes are opened with real ids, read from the lists a merchant would click through; a new
// dynamic route without a way to find its id here fails the first test, so no page is skipped silently.

const appAdmin = path.resolve(__dirname, '../app/admin');

function pageRoutes(dir: string, prefix = '/admin'): string[] {
  const routes: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) routes.push(...pageRoutes(full, `${prefix}/${name}`));
    else if (name === 'page.tsx') routes.push(prefix);
  }
  return routes.sort();
}

const ROUTES = pageRoutes(appAdmin);
const WIDTHS = [390, 1280] as const;

/** The first link in the page's main content whose address matches, e.g. the first product of the list. */
async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string | null> {
  await page.goto(listPath);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((href) => pattern.test(href)) ?? null;
}

/** How to reach each dynamic route with a real id. */
const RESOLVERS: Record<string, (page: Page) => Promise<string>> = {
  '/admin/customers/[id]': async (page) => must(await firstLink(page, '/admin/customers', /^\/admin\/customers\/[0-9a-f-]{36}$/), 'a customer'),
  '/admin/discounts/[id]': async (page) => must(await firstLink(page, '/admin/discounts', /^\/admin\/discounts\/[0-9a-f-]{36}$/), 'a discount'),
  '/admin/markets/[id]': async (page) => must(await firstLink(page, '/admin/markets', /^\/admin\/markets\/[0-9a-f-]{36}$/), 'a market'),
  '/admin/gift-cards/[id]': async (page) => {
    const found = await firstLink(page, '/admin/gift-cards', /^\/admin\/gift-cards\/[0-9a-f-]{36}$/);
    if (found) return found;
    // The seed sells none: issue one, as staff would, to see its page.
    const form = page.getByRole('form', { name: 'Issue a gift card' });
    await form.getByLabel('Amount').fill('20.00');
    await form.getByRole('button', { name: 'Issue gift card' }).click();
    await expect(page.getByTestId('issued-gift-card-code')).toBeVisible();
    return must(await firstLink(page, '/admin/gift-cards', /^\/admin\/gift-cards\/[0-9a-f-]{36}$/), 'a gift card');
  },
  '/admin/returns/[number]': async (page) => {
    const found = await firstLink(page, '/admin/returns', /^\/admin\/returns\/RT-[0-9A-Z]{8}$/);
    if (found) return found;
    // The seed has none: staff open one for a shipped order (a request only: no stock or money moves).
    const order = must(await firstLink(page, '/admin/orders?status=delivered', /^\/admin\/orders\/SF-[0-9A-Z]{8}$/), 'a delivered order');
    await page.goto(`/admin/returns/new?order=${order.split('/').pop()}`);
    const form = page.getByRole('form', { name: 'Open a return' });
    await form.getByLabel('Quantity to return').first().selectOption('1');
    await form.getByLabel('Reason').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Open return' }).click();
    await expect(page).toHaveURL(/\/admin\/returns\/RT-/);
    return new URL(page.url()).pathname;
  },
  '/admin/inventory/[variantId]': async (page) => must(await firstLink(page, '/admin/inventory', /^\/admin\/inventory\/[0-9a-f-]{36}$/), 'a variant'),
  '/admin/orders/[number]': async (page) => must(await firstLink(page, '/admin/orders', /^\/admin\/orders\/SF-[0-9A-Z]{8}$/), 'an order'),
  '/admin/orders/[number]/packing-slip': async (page) => `${must(await firstLink(page, '/admin/orders', /^\/admin\/orders\/SF-[0-9A-Z]{8}$/), 'an order')}/packing-slip`,
  '/admin/pages/[id]': async (page) => must(await firstLink(page, '/admin/pages', /^\/admin\/pages\/[0-9a-f-]{36}$/), 'a content page'),
  '/admin/products/[id]': async (page) => must(await firstLink(page, '/admin/products', /^\/admin\/products\/[0-9a-f-]{36}$/), 'a product'),
  '/admin/emails/templates/[template]': async (page) => must(await firstLink(page, '/admin/emails/templates', /^\/admin\/emails\/templates\/[a-z_]+$/), 'an email template'),
  '/admin/emails/sent/[id]': async (page) => {
    const found = await firstLink(page, '/admin/emails', /^\/admin\/emails\/sent\/[0-9a-f-]{36}$/);
    if (found) return found;
    // A fresh store may have sent nothing yet: resending an order's confirmation makes one message.
    const order = must(await firstLink(page, '/admin/orders', /^\/admin\/orders\/SF-[0-9A-Z]{8}$/), 'an order');
    await page.goto(order);
    await new AdminOrderPage(page).resendConfirmation();
    return must(await firstLink(page, '/admin/emails', /^\/admin\/emails\/sent\/[0-9a-f-]{36}$/), 'a sent email');
  },
  '/admin/webhooks/[id]': async (page) => {
    const found = await firstLink(page, '/admin/webhooks', /^\/admin\/webhooks\/[0-9a-f-]{36}$/);
    if (found) return found;
    // The seed has no endpoints: add one, as a merchant would, to see its page.
    const form = page.getByRole('form', { name: 'New webhook endpoint' });
    await form.getByLabel('URL').fill(`http://127.0.0.1:9/hooks/axe-${Date.now().toString(36)}`);
    await form.getByLabel(/^order\.paid/).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(form.getByRole('status')).toHaveText('Endpoint added.');
    return (await firstLink(page, '/admin/webhooks', /^\/admin\/webhooks\/[0-9a-f-]{36}$/))!;
  },
};

function must(value: string | null, what: string): string {
  if (!value) throw new Error(`found no ${what} to open`);
  return value;
}

test('every dynamic admin route has a way to find a real id', () => {
  const dynamic = ROUTES.filter((route) => route.includes('['));
  expect(dynamic.filter((route) => !RESOLVERS[route])).toEqual([]);
  expect(ROUTES.length).toBeGreaterThan(25);
});

// A few routes per test, signed in once each: the walk costs one sign-in per group instead of one per page, and the
// groups still run in parallel. Every page of a group is audited even when an earlier one fails (soft assertions).
const GROUPS = 4;
const groups = Array.from({ length: GROUPS }, (_, g) => ROUTES.filter((_, i) => i % GROUPS === g));

for (const [g, routes] of groups.entries()) {
  test(`axe: admin pages, group ${g + 1} of ${GROUPS} (${routes.join(', ')}) at ${WIDTHS.join(' and ')} px`, async ({ page }) => {
    test.setTimeout(60_000 + routes.length * 30_000); // two audits per page on a 2-core machine
    await new AdminShell(page).signIn(undefined, '/admin');
    for (const route of routes) {
      const target = route.includes('[') ? await RESOLVERS[route]!(page) : route;
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const response = await page.goto(target);
        expect.soft(response?.status(), `${target} answers`).toBeLessThan(400);
        await expect(page.locator('main')).toBeVisible();
        expect.soft(await axeViolations(page), `${target} at ${width} px`).toEqual([]);
      }
    }
  });
}
