import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { AccountPages, cartLink } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { E2E_CUSTOMER, e2eFacts } from './support/environment';
import { findBuyableVariant } from './support/commerce';
import { sidewaysOverflow } from './support/layout';

// Phone first: every storefront page fits the screen at phone, tablet and desktop widths, signed in or not, and the
// header's menu drawer holds the catalogue and the account links.

const WIDTHS = [360, 390, 768, 1280];

async function storefrontRoutes(page: Page): Promise<string[]> {
  await page.goto('/search');
  const product = await page.getByRole('list', { name: 'Products' }).getByRole('link').first().getAttribute('href');
  return ['/', '/categories/apparel', product!, '/search?q=tee', '/cart', '/account/sign-in', '/account/register', '/account', '/orders/lookup', '/checkout'];
}

async function expectNoSidewaysScroll(page: Page, routes: string[], who: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const route of routes) {
      await page.goto(route);
      await expect(page.getByRole('banner')).toBeVisible();
      const { scrollWidth, innerWidth, culprits } = await sidewaysOverflow(page);
      expect(scrollWidth, `${route} at ${width} px, ${who}; sticking out: ${culprits.join(' | ')}`).toBeLessThanOrEqual(innerWidth);
    }
  }
}

for (const who of ['signed out', 'signed in'] as const) {
  test(`no storefront page scrolls sideways at 360, 390, 768 or 1280 px, ${who}, with a cart`, async ({ page, request }) => {
    test.slow(); // 40 page loads on a two-core machine
    const routes = await storefrontRoutes(page);
    if (who === 'signed in') await new AccountPages(page).signIn(E2E_CUSTOMER.email, E2E_CUSTOMER.password);
    const variant = await findBuyableVariant(request, 7, 1);
    await new ProductPage(page).buy(variant, 1);
    await expectNoSidewaysScroll(page, routes, who);
  });
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 844 } });

    test('the header: store name on one line, search full width on a phone, a menu drawer with the catalogue', async ({ page }) => {
      await page.goto('/');
      const banner = page.getByRole('banner');
      const name = banner.getByRole('link').first();
      const nameBox = (await name.boundingBox())!;
      const lineHeight = await name.evaluate((element) => Number.parseFloat(getComputedStyle(element).lineHeight));
      expect(nameBox.height).toBeLessThanOrEqual(lineHeight + 1);
      const search = banner.getByRole('combobox', { name: 'Search products' });
      const searchBox = (await search.boundingBox())!;
      if (width === 390) expect(searchBox.width).toBeGreaterThan(250);
      await expect(cartLink(page)).toBeVisible();

      const menuButton = banner.getByRole('button', { name: 'Menu' });
      if (width === 1280) {
        // Wide screens show the links themselves.
        await expect(menuButton).toBeHidden();
        await expect(banner.getByRole('link', { name: 'Shop all' })).toBeVisible();
        await expect(banner.getByRole('link', { name: 'Sign in' })).toBeVisible();
        return;
      }
      await menuButton.click();
      const menu = page.getByRole('dialog', { name: 'Menu' });
      await expect(menu).toBeVisible();
      await expect(menu.getByRole('link', { name: 'Sign in' })).toBeVisible();
      // Focus is inside and stays there.
      for (let i = 0; i < 30; i += 1) {
        await page.keyboard.press('Tab');
        expect(await menu.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(menuButton).toBeFocused();

      // The category tree: a top category folds open; following a link goes there and closes the drawer.
      await menuButton.click();
      await menu.getByText('Apparel', { exact: true }).click();
      await menu.getByRole('link', { name: 'All Apparel' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apparel');
      await expect(menu).toBeHidden();
    });

    test('axe finds nothing on home, a listing, a product, the cart, the cart drawer and the menu drawer', async ({ page, request }) => {
      test.slow();
      const check = async (what: string) => expect(await axeViolations(page), what).toEqual([]);
      await page.goto('/');
      await check('home');
      if (width === 390) {
        await page.getByRole('banner').getByRole('button', { name: 'Menu' }).click();
        await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
        await check('menu drawer');
        await page.keyboard.press('Escape');
      }
      await page.goto('/categories/apparel?in_stock=1');
      await check('listing');
      if (width === 390) {
        await page.getByRole('button', { name: /^Filters/ }).click();
        await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
        await check('filter drawer');
        await page.keyboard.press('Escape');
      }
      const variant = await findBuyableVariant(request, width === 390 ? 8 : 9, 2);
      const product = new ProductPage(page);
      await product.goto(variant.slug);
      await check('product');
      await product.choose(variant.options);
      await product.addAndOpenDrawer(1);
      await expect(product.drawer).toBeVisible();
      await check('cart drawer');
      await product.closeDrawer();
      await page.goto('/cart');
      await check('cart');
    });
  });
}

test('a sold-out variant chip is legible: axe finds no contrast failure with one in view', async ({ page }) => {
  const facts = e2eFacts();
  const soldOut = facts.variantProduct.soldOut;
  const [option, value] = Object.entries(soldOut)[0]!;
  // Start on the sold-out combination, then pick another value of its first option: the chip that leads back to
  // it is a sold-out chip, not selected.
  await page.goto(`/products/${facts.variantProduct.slug}?${new URLSearchParams(Object.entries(soldOut).map(([name, choice]) => [name.toLowerCase(), choice]))}`);
  const group = page.getByRole('group', { name: new RegExp(`^${option}:`, 'i') });
  await group.locator('a:not([aria-current])').first().click();
  const chip = group.getByRole('link', { name: new RegExp(`^${option} ${value} \\(sold out\\)$`, 'i') });
  await expect(chip).toBeVisible();
  await expect(chip).not.toHaveAttribute('aria-current', 'true');
  expect((await axeViolations(page)).filter((violation) => violation.id === 'color-contrast')).toEqual([]);
});
