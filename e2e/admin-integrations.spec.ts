import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { AdminShell } from './pages/admin-shell';
import { axeViolations } from './support/axe';
import { expect, test } from './support/test';

// The panel's integration screens: API keys (the secret shown once, the key adds a product image by URL, revoking
// refuses the key at once), webhook endpoints (a delivery reaches a local receiver and shows in the endpoint's log;
// resend sends it again) and the admins' email when an endpoint is disabled (previewed as HTML and text), at phone and
// desktop widths, with no accessibility violations and no horizontal scrolling (long event names and URLs wrap at
// 390 px).

async function expectNoOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

let receiver: Server;
const received: { id: string; type: string }[] = [];

test.beforeAll(async () => {
  const photo = await sharp({ create: { width: 96, height: 96, channels: 3, background: '#c0392b' } }).png().toBuffer();
  receiver = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/photo.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(photo);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ id: String(req.headers['webhook-id']), type: (JSON.parse(body) as { type: string }).type });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

for (const width of [390, 1280]) {
  test(`API keys at ${width} px: create one, see its secret once, use it, revoke it`, async ({ page, request }) => {
    test.slow();
    await page.setViewportSize({ width, height: 900 });
    await new AdminShell(page).signIn(undefined, '/admin/api-keys');
    await page.goto('/admin/api-keys');
    await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    const name = `Warehouse ${width}-${Date.now().toString(36)}`;
    const form = page.getByRole('form', { name: 'New API key' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Inventory').selectOption('write');
    await form.getByLabel('Products').selectOption('write');
    await form.getByRole('button', { name: 'Create key' }).click();
    await expect(form.getByRole('status')).toHaveText('API key created.');
    const secret = await form.getByLabel(`Secret of “${name}”`).inputValue();
    expect(secret).toMatch(/^sfk_/);
    await expectNoOverflow(page);
    expect(await axeViolations(page)).toEqual([]);

    const key = page.getByRole('listitem', { name });
    await expect(key).toContainText('inventory:write');
    await expect(key).toContainText(secret.slice(0, 12));
    // Shown once: a fresh load of the page has the key's prefix, never its secret.
    await page.reload();
    await expect(page.getByRole('listitem', { name })).toBeVisible();
    expect(await page.content()).not.toContain(secret);

    const headers = { authorization: `Bearer ${secret}` };
    expect((await request.get('/api/admin/v1/products?limit=1', { headers })).status()).toBe(200);
    expect((await request.get('/api/admin/v1/orders', { headers })).status()).toBe(403);
    // The key adds a product and an image the server fetches from a URL (a local image server: private addresses
    // are allowed in this environment); the image is then served under /media.
    const made = await request.post('/api/admin/v1/products', {
      headers,
      data: { title: `Key-made ${name}`, status: 'draft', featured: false, variants: [{ values: [], sku: `KEY-${width}-${Date.now().toString(36)}`, price: '9.00', stock: 1, active: true }] },
    });
    expect(made.status()).toBe(201);
    const productId = ((await made.json()) as { data: { id: string } }).data.id;
    const { port } = receiver.address() as AddressInfo;
    const added = await request.post(`/api/admin/v1/products/${productId}/images`, { headers, data: { url: `http://127.0.0.1:${port}/photo.png`, alt: 'Test swatch' } });
    expect(added.status()).toBe(201);
    const image = ((await added.json()) as { data: { url: string; altText: string; width: number } }).data;
    expect(image).toMatchObject({ altText: 'Test swatch', width: 96 });
    const served = await request.get(image.url);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/webp');
    await page.reload();
    await expect(page.getByRole('listitem', { name })).toContainText(/Last used: \d{4}-/);

    await page.getByRole('listitem', { name }).getByRole('button', { name: `Revoke ${name}` }).click();
    await expect(page.getByRole('listitem', { name })).toContainText('Revoked');
    expect((await request.get('/api/admin/v1/products?limit=1', { headers })).status()).toBe(401);
    await expectNoOverflow(page);
  });
}

for (const width of [390, 1280]) {
  test(`webhooks at ${width} px: add an endpoint, see a delivery in its log, resend it`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width, height: 900 });
    await new AdminShell(page).signIn(undefined, '/admin/webhooks');
    await page.goto('/admin/webhooks');
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    const { port } = receiver.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/hooks/${width}`;
    const form = page.getByRole('form', { name: 'New webhook endpoint' });
    await form.getByLabel('URL').fill(url);
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    // No event chosen: refused, with the typed address kept.
    await expect(form.getByText('Choose at least one event.')).toBeVisible();
    await expect(form.getByLabel('URL')).toHaveValue(url);
    await form.getByLabel(/^order\.paid/).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(form.getByRole('status')).toHaveText('Endpoint added.');
    await expect(form.getByLabel('Signing secret')).toHaveValue(/^whsec_/);
    await expectNoOverflow(page);
    expect(await axeViolations(page)).toEqual([]);

    await form.getByRole('link', { name: 'Open the endpoint and its delivery log' }).click();
    await expect(page.getByRole('heading', { name: url, level: 1 })).toBeVisible();
    await expect(page.getByText('No deliveries yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Test event queued' })).toBeVisible();

    // The background job delivers within seconds; the log shows the answer.
    const log = page.getByRole('region', { name: 'Delivery log' });
    await expect(async () => {
      await page.reload();
      await expect(log.getByRole('listitem')).toHaveCount(1);
      await expect(log.getByRole('listitem').first()).toContainText('Delivered (HTTP 200)', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(log.getByRole('listitem').first()).toContainText('thanks');
    const first = received.filter((message) => message.type === 'webhook.test').at(-1)!;
    expect(first).toBeDefined();
    await expectNoOverflow(page);
    expect(await axeViolations(page)).toEqual([]);

    await log.getByRole('button', { name: 'Resend' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Queued to send again.' })).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(log.getByRole('listitem')).toHaveCount(2);
      await expect(log.getByRole('listitem').filter({ hasText: 'Delivered (HTTP 200)' })).toHaveCount(2, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    // The resend carries the same webhook-id, so a receiver can tell it is the same message.
    expect(received.filter((message) => message.id === first.id)).toHaveLength(2);
  });
}

for (const width of [390, 1280]) {
  test(`the admins' email about a disabled webhook endpoint previews as branded HTML and text at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await new AdminShell(page).signIn(undefined, '/admin/emails/templates');
    await page.goto('/admin/emails/templates');
    await page.getByRole('link', { name: 'Webhook endpoint disabled (to admins)' }).click();
    await expect(page.getByTestId('email-subject')).toHaveText('A webhook endpoint was disabled');
    const frame = page.frameLocator('iframe[title$="HTML part"]');
    await expect(frame.getByRole('heading', { level: 1, name: 'A webhook endpoint was disabled' })).toBeVisible();
    await expect(frame.getByRole('link', { name: 'Open the endpoint' })).toBeVisible();
    await expect(page.getByTestId('email-text')).toContainText('https://erp.example.com/hooks/storefront');
    await expectNoOverflow(page);
    expect(await axeViolations(page)).toEqual([]);
  });
}
