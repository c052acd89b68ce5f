import { expect, test } from './support/test';
import { HomePage } from './pages/home-page';
import { e2eFacts } from './support/environment';

test.describe('storefront smoke', () => {
  test('home page shows the seeded catalogue from the database', async ({ page }) => {
    const facts = e2eFacts();
    const home = new HomePage(page);
    const response = await home.goto();
    expect(response?.status()).toBe(200);

    await expect(home.productCount).toHaveText(String(facts.activeProductCount));
    expect(facts.activeProductCount).toBeGreaterThanOrEqual(200);

    await expect(home.categories).toHaveCount(facts.topCategories.length);
    for (const { name, productCount } of facts.topCategories) {
      const card = home.categories.filter({ hasText: name });
      await expect(card).toContainText(`${productCount} ${productCount === 1 ? 'product' : 'products'}`);
    }
    expect(facts.topCategories.reduce((sum, c) => sum + c.productCount, 0)).toBe(facts.activeProductCount);

    await expect(home.featuredProducts).toHaveCount(facts.featuredProductTitles.length);
    expect(await home.featuredTitles()).toEqual(facts.featuredProductTitles);
    await expect(home.newArrivals.first()).toBeVisible();
  });

  test('product prices are formatted and images load through the optimiser', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();
    const firstCard = home.featuredProducts.first();
    await expect(firstCard.getByText(/\$\d{1,3}(,\d{3})*\.\d{2}/).first()).toBeVisible();

    const image = firstCard.getByRole('img');
    await expect(image).toHaveAttribute('src', /\/_next\/image\?url=%2Fmedia%2F/);
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
  });

  test('an unknown page answers 404 with a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the shop' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('skip link moves keyboard focus to the main content', async ({ page }) => {
    await new HomePage(page).goto();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});

test.describe('operator endpoints', () => {
  test('health answers without touching dependencies; readiness reports the database', async ({ request }) => {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(health.headers()['x-request-id']).toBeTruthy();

    const ready = await request.get('/api/ready');
    expect(ready.status()).toBe(200);
    const body = await ready.json();
    expect(body.status).toBe('ready');
    expect(body.checks.database.status).toBe('up');
    expect(body.checks.redis.status).toBe(process.env.REDIS_URL ? 'up' : 'not_configured');
  });

  test('a stored image is served with long-lived caching and a missing one is 404', async ({ request, page }) => {
    const home = new HomePage(page);
    await home.goto();
    const src = await home.featuredProducts.first().getByRole('img').getAttribute('src');
    const original = decodeURIComponent(new URL(src ?? '', 'http://x').searchParams.get('url') ?? '');
    expect(original).toMatch(/^\/media\//);
    const image = await request.get(original);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/webp');
    expect(image.headers()['cache-control']).toContain('immutable');

    expect((await request.get('/media/seed/does-not-exist.webp')).status()).toBe(404);
    expect((await request.get('/media/..%2F..%2Fetc%2Fpasswd')).status()).toBe(404);
  });
});
