import { expect, test } from './support/test';
import { CatalogPage } from './pages/catalog-page';
import { HomePage } from './pages/home-page';
import { ProductPage } from './pages/product-page';
import { e2eFacts } from './support/environment';

test.describe('catalog journey', () => {
  test('browse → two filters → back → sort → typo search → product → sold-out variant refused → add to cart', async ({ page }) => {
    // Eight pages and a dozen steps: about 25 s on a quiet two-core runner, more than the default 30 s on a busy one.
    test.setTimeout(60_000);
    const facts = e2eFacts();
    const catalog = new CatalogPage(page);

    // Browse: home → first category.
    await new HomePage(page).goto();
    const firstCategory = page.getByRole('list', { name: 'Categories' }).getByRole('link').first();
    const categoryName = (await firstCategory.locator('span').first().textContent())!;
    await firstCategory.click();
    await expect(catalog.heading).toHaveText(categoryName);
    const unfiltered = await catalog.total();
    expect(unfiltered).toBeGreaterThan(0);

    // First filter: the first value of the first option facet.
    const group = (await catalog.filters.getByRole('group').first().locator('legend').textContent())!;
    const value = (await catalog.optionGroup(group).locator('label span').first().textContent())!;
    const expectedAfterFirst = await catalog.facetCount(group, value);
    const inStockBefore = await catalog.inStockCount();
    await catalog.check(group, value);
    await expect(page).toHaveURL(new RegExp(`opt\\.${group.toLowerCase()}=${encodeURIComponent(value)}`));
    await expect.poll(() => catalog.total()).toBe(expectedAfterFirst);
    const afterFirst = await catalog.total();

    // Second filter: in stock only. Its count reflected the first filter before it was ticked.
    const inStockCount = await catalog.inStockCount();
    expect(inStockCount).toBeLessThanOrEqual(inStockBefore);
    await catalog.inStockOnly().check();
    await expect(page).toHaveURL(/in_stock=1/);
    await expect.poll(() => catalog.total()).toBe(inStockCount);

    // Back restores the previous filter state.
    await page.goBack();
    await expect(page).not.toHaveURL(/in_stock=1/);
    await expect.poll(() => catalog.total()).toBe(afterFirst);
    await expect(catalog.inStockOnly()).not.toBeChecked();

    // Sort by price, low to high.
    await catalog.sort.selectOption('price_asc');
    await expect(page).toHaveURL(/sort=price_asc/);
    await expect.poll(async () => {
      const prices = await catalog.visiblePrices();
      return prices.length > 1 && prices.every((price, i) => i === 0 || price >= prices[i - 1]!);
    }).toBe(true);

    // Search with a typo still finds the product, with the matched word highlighted.
    await catalog.search(facts.typoTarget.typo);
    const hit = page.getByRole('link', { name: facts.typoTarget.title, exact: true });
    await expect(hit).toBeVisible();
    await expect(page.getByRole('list', { name: 'Products' }).locator('mark').first()).toBeVisible();

    // Product page; then the sold-out combination cannot be added, the available one can.
    const product = new ProductPage(page);
    await product.goto(facts.variantProduct.slug);
    await expect(product.title).toHaveText(facts.variantProduct.title);
    await product.choose(facts.variantProduct.soldOut);
    await expect(product.addToCart).toBeDisabled();
    await expect(product.addToCart).toHaveText('Sold out');
    await expect(page.getByRole('status').filter({ hasText: 'sold out' })).toBeVisible();

    await product.choose(facts.variantProduct.available);
    await expect(product.addToCart).toBeEnabled();
    await product.addToCart.click();
    await expect(page.getByText(/added to your cart/i)).toBeVisible();
    await product.closeDrawer();
    await expect(product.cartLink).toHaveAccessibleName(/Cart, [1-9]\d* items?/);
  });

  test('filters and sorting work without JavaScript', async ({ browser }) => {
    test.slow(); // three full page loads without the client router: 16 s alone on a loaded two-core runner, over 30 s beside the journey
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const catalog = new CatalogPage(page);
    await page.goto('/search');
    const all = await catalog.total();
    await catalog.inStockOnly().check();
    await catalog.filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/in_stock=1/);
    expect(await catalog.total()).toBeLessThan(all);
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByRole('navigation', { name: 'Pagination' }).locator('[aria-current="page"]')).toHaveText('2');
    await context.close();
  });

  test('a draft product is not found, on the page and in the API', async ({ page, request }) => {
    const facts = e2eFacts();
    const response = await page.goto(`/products/${facts.draftProductSlug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect((await request.get(`/api/store/v1/products/${facts.draftProductSlug}`)).status()).toBe(404);
  });

  test('product pages carry canonical, Open Graph and Product JSON-LD', async ({ page }) => {
    const facts = e2eFacts();
    await page.goto(`/products/${facts.variantProduct.slug}`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/products/${facts.variantProduct.slug}$`));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', facts.variantProduct.title);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd['@type']).toBe('Product');
    expect(jsonLd.name).toBe(facts.variantProduct.title);
    expect(jsonLd.offers.length).toBeGreaterThan(1);
    expect(jsonLd.offers.map((offer: { availability: string }) => offer.availability)).toContain('https://schema.org/OutOfStock');
    expect(jsonLd.offers[0].price).toMatch(/^\d+\.\d{2}$/);
  });
});

test.describe('search engines', () => {
  test('the sitemap lists every active product and category; robots.txt points to it', async ({ request }) => {
    const facts = e2eFacts();
    const index = await (await request.get('/sitemap.xml')).text();
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    expect(files).toContain('/sitemaps/categories.xml');
    const productUrls: string[] = [];
    for (const file of files.filter((f) => f.startsWith('/sitemaps/products-'))) {
      const xml = await (await request.get(file)).text();
      productUrls.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!));
    }
    expect(new Set(productUrls).size).toBe(facts.activeProductCount);
    expect(productUrls.some((url) => url.endsWith(`/products/${facts.draftProductSlug}`))).toBe(false);
    const categoriesXml = await (await request.get('/sitemaps/categories.xml')).text();
    expect([...categoriesXml.matchAll(/<url>/g)].length).toBeGreaterThan(facts.topCategories.length);

    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Disallow: \/admin/);
    expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
  });
});

test.describe('Store API, read side', () => {
  test('lists products with the same filters, counts and pagination as the pages', async ({ request, page }) => {
    const api = await request.get('/api/store/v1/products?in_stock=1&sort=price_asc&per_page=5&page=2');
    expect(api.status()).toBe(200);
    expect(api.headers()['cache-control']).toContain('public');
    const body = await api.json();
    expect(body.data).toHaveLength(5);
    expect(body.pagination).toMatchObject({ page: 2, perPage: 5 });
    const catalog = new CatalogPage(page);
    await page.goto('/search?in_stock=1');
    expect(body.pagination.total).toBe(await catalog.total());
    expect(body.facets.inStock).toMatchObject({ selected: true });

    const categories = await (await request.get('/api/store/v1/categories')).json();
    expect(categories.data.length).toBeGreaterThanOrEqual(8);
    const detail = await (await request.get(`/api/store/v1/products/${e2eFacts().variantProduct.slug}`)).json();
    expect(detail.data.variants.some((variant: { inStock: boolean }) => !variant.inStock)).toBe(true);
  });

  test('answers bad input with 422 and the offending parameter, never 500', async ({ request }) => {
    const cases: [string, string][] = [
      ['sort=cheapest', 'sort'],
      ['page=-1', 'page'],
      ['page=abc', 'page'],
      ['per_page=100000', 'per_page'],
      ['price_min=12.345', 'price_min'],
      ['price_min=50&price_max=10', 'price_min'],
      ['in_stock=maybe', 'in_stock'],
    ];
    for (const [query, field] of cases) {
      const response = await request.get(`/api/store/v1/products?${query}`);
      expect(response.status(), query).toBe(422);
      const body = await response.json();
      expect(body.error.code).toBe('validation_failed');
      expect(Object.keys(body.error.fieldErrors), query).toContain(field);
    }
    expect((await request.get('/api/store/v1/products?category=no-such-thing')).status()).toBe(404);
    expect((await request.get("/api/store/v1/products?q=%27%3B%20drop%20table%20products%3B--")).status()).toBe(200);
  });

  test('publishes an OpenAPI 3.1 document', async ({ request }) => {
    const document = await (await request.get('/api/store/v1/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/products', '/products/{slug}', '/categories', '/carts']));
  });
});
