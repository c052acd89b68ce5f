import { expect, type Page, test } from '@playwright/test';
import { formatMoney, money } from '../lib/money';
import { cartLink } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { findBuyableVariant, findLowStockVariant } from './support/commerce';

/**
 * Holds the browser's server-action requests (POSTs with a Next-Action header) until released, so a test can look
 * at the page while the server has not answered yet: what it sees then is the optimistic view.
 */
async function serverActionGate(page: Page) {
  let gate: Promise<void> | null = null;
  let open = () => {};
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (gate && request.method() === 'POST' && request.headers()['next-action']) await gate;
    await route.continue();
  });
  return {
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      gate = null;
      open();
    },
  };
}

const usd = (cents: number) => formatMoney(money(cents, 'USD'));

test('add to cart opens the drawer; quantities change at once, then match the server; Escape closes it and focus returns', async ({ page, request }) => {
  const variant = await findBuyableVariant(request, 5, 3);
  const product = new ProductPage(page);
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await product.addAndOpenDrawer(1);

  // A labelled modal dialog; focus is inside it and stays there.
  const drawer = product.drawer;
  await expect(drawer).toBeVisible();
  const close = drawer.getByRole('button', { name: 'Close cart' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(drawer.getByRole('link', { name: 'View cart' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await expect(drawer.getByRole('link', { name: 'Check out' })).toHaveAttribute('href', '/checkout');

  const line = drawer.getByRole('listitem', { name: variant.title });
  const subtotal = drawer.getByTestId('cart-subtotal');
  await expect(subtotal).toHaveText(`Subtotal (1 item):${usd(variant.priceCents)}`);

  // The − / + steppers: while the server has not answered, the drawer already shows the new quantity and totals.
  const actions = await serverActionGate(page);
  const increase = line.getByRole('button', { name: `Increase quantity of ${variant.title}` });
  const decrease = line.getByRole('button', { name: `Decrease quantity of ${variant.title}` });
  await expect(decrease).toHaveAttribute('aria-disabled', 'true');
  actions.hold();
  await increase.click();
  await expect(subtotal).toHaveText(`Subtotal (2 items):${usd(variant.priceCents * 2)}`);
  await expect(line.getByText('Updating…')).toBeVisible();
  // While pending the steppers are marked unavailable (and a press is ignored, not queued behind the first).
  await expect(increase).toHaveAttribute('aria-disabled', 'true');
  await increase.click({ force: true });
  actions.release();
  await expect(line.getByRole('status')).toHaveText('Quantity updated.');
  await expect(line.getByLabel(/^Quantity/)).toHaveValue('2');
  // A typed quantity is saved with Enter.
  await line.getByLabel(/^Quantity/).fill('3');
  await line.getByLabel(/^Quantity/).press('Enter');
  await expect(subtotal).toHaveText(`Subtotal (3 items):${usd(variant.priceCents * 3)}`);
  await expect(line.getByRole('status')).toHaveText('Quantity updated.');
  await expect(line.getByLabel(/^Quantity/)).toHaveValue('3');
  await expect(decrease).toHaveAttribute('aria-disabled', 'false');

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(product.addToCart).toBeFocused();
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 3 items');

  // The header link still goes to the cart page, where a removal also shows before the server confirms it.
  await cartLink(page).click();
  await expect(page).toHaveURL(/\/cart$/);
  const item = page.getByRole('list', { name: 'Cart items' }).getByRole('listitem', { name: variant.title });
  await expect(item.getByLabel(/^Quantity/)).toHaveValue('3');
  actions.hold();
  await item.getByRole('button', { name: /^Remove/ }).click();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  actions.release();
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 0 items');
  await page.reload();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});

test('a quantity above the stock is refused: the server’s message shows and the quantity goes back', async ({ page, request }) => {
  const variant = await findLowStockVariant(request, 1);
  const product = new ProductPage(page);
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await product.addAndOpenDrawer(1);

  const line = product.drawer.getByRole('listitem', { name: variant.title });
  const quantity = line.getByLabel(/^Quantity/);
  const subtotal = product.drawer.getByTestId('cart-subtotal');
  const actions = await serverActionGate(page);
  actions.hold();
  await quantity.fill(String(variant.maxQuantity + 1));
  await quantity.press('Enter');
  // Shown at once …
  await expect(subtotal).toContainText(`${variant.maxQuantity + 1} items`);
  actions.release();
  // … then rolled back, with the reason.
  await expect(line.getByRole('alert')).toHaveText(`Only ${variant.maxQuantity} available.`);
  await expect(quantity).toHaveValue('1');
  await expect(quantity).toHaveAttribute('aria-invalid', 'true');
  await expect(subtotal).toHaveText(`Subtotal (1 item):${usd(variant.priceCents)}`);

  await page.keyboard.press('Escape');
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 1 item');
});

test('at 390 px the drawer shows the lines, the subtotal and Check out without scrolling; steppers stop at the stock', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const variant = await findLowStockVariant(request, 2);
  const product = new ProductPage(page);
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await product.addAndOpenDrawer(variant.maxQuantity);
  const drawer = product.drawer;
  const checkout = drawer.getByRole('link', { name: 'Check out' });
  await expect(drawer.getByRole('listitem', { name: variant.title })).toBeInViewport();
  await expect(drawer.getByTestId('cart-subtotal')).toBeInViewport();
  await expect(checkout).toBeInViewport();
  const line = drawer.getByRole('listitem', { name: variant.title });
  const increase = line.getByRole('button', { name: `Increase quantity of ${variant.title}` });
  await expect(increase).toHaveAttribute('aria-disabled', 'true');
  await expect(line.getByText(`Most you can add: ${variant.maxQuantity}`)).toBeVisible();
  // A press at the limit changes nothing.
  await increase.click({ force: true });
  await expect(line.getByLabel(/^Quantity/)).toHaveValue(String(variant.maxQuantity));
  await expect(drawer.getByTestId('cart-subtotal')).toContainText(`${variant.maxQuantity} item`);
  await page.keyboard.press('Escape');

  // The cart page has the steppers too: down one (or, with a single unit in stock, nothing to go down from).
  await page.goto('/cart');
  const item = page.getByRole('list', { name: 'Cart items' }).getByRole('listitem', { name: variant.title });
  const decrease = item.getByRole('button', { name: `Decrease quantity of ${variant.title}` });
  if (variant.maxQuantity === 1) {
    await expect(decrease).toHaveAttribute('aria-disabled', 'true');
    return;
  }
  await decrease.click();
  await expect(item.getByRole('status')).toHaveText('Quantity updated.');
  const left = variant.maxQuantity - 1;
  await expect(page.getByTestId('cart-subtotal')).toHaveText(`Subtotal (${left} ${left === 1 ? 'item' : 'items'}):${usd(variant.priceCents * left)}`);
});

test('at 1280 px the cart page’s quantity controls line up in one column', async ({ page, request }) => {
  const product = new ProductPage(page);
  for (const index of [11, 12]) await product.buy(await findBuyableVariant(request, index, 1), 1);
  await page.goto('/cart');
  const inputs = page.getByRole('list', { name: 'Cart items' }).getByLabel(/^Quantity/);
  await expect(inputs).toHaveCount(2);
  const [first, second] = [await inputs.nth(0).boundingBox(), await inputs.nth(1).boundingBox()];
  expect(Math.abs(first!.x - second!.x)).toBeLessThan(1);
});
