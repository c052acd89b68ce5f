import { expect, test } from './support/test';
import { CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { findBuyableVariant, uniqueEmail } from './support/commerce';
import { latestMail, mailCount } from './support/mailbox';

// A guest's order with manual payment and a discount: the confirmation page tells them how to pay and in which
// country the parcel goes, offers an account, and says the email was sent only once it was; the email that arrived
// over SMTP has an HTML part whose amounts add up to the total it shows, and the payment instructions arrive as a
// message of their own ("How to pay for order …"), once. At phone and desktop widths.

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

/** "$1,234.56" / "−$12.30" → signed cents. */
function cents(text: string): number {
  const value = Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);
  return /^\s*[−-]/.test(text) ? -value : value;
}

function amounts(html: string, className: string): number[] {
  return [...html.matchAll(new RegExp(`class="${className}"[^>]*>([^<]*)<`, 'g'))].map((match) => cents(match[1]!));
}

function row(html: string, kind: string): number | null {
  const match = new RegExp(`<tr class="summary-${kind}"[\\s\\S]*?class="summary-amount"[^>]*>([^<]*)<`).exec(html);
  return match ? cents(match[1]!) : null;
}

for (const size of WIDTHS) test(`guest with manual payment: payment instructions, country, account offer, honest email notice, an HTML email that adds up, and the instructions' own email (${size.name}, ${size.width} px)`, async ({ page, request }, testInfo) => {
  test.slow();
  await page.setViewportSize({ width: size.width, height: size.height });
  const first = await findBuyableVariant(request, 9, 2);
  const second = await findBuyableVariant(request, 10, 1);
  const email = uniqueEmail('emails');

  const product = new ProductPage(page);
  await product.buy(first, 2);
  await product.buy(second, 1);
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 3 items');
  await cartLink(page).click();
  await new CartPage(page).checkout();
  const checkout = new CheckoutPage(page);
  await checkout.chooseDelivery({ country: 'US', region: 'TX', code: 'welcome10' });
  await checkout.fillDetails({ email, name: 'Email Checker', line1: '1 Congress Ave', city: 'Austin', postalCode: '78701' });
  await checkout.placeOrder();

  const confirmation = new ConfirmationPage(page);
  const number = (await confirmation.orderNumber.textContent())!;
  const instructions = page.getByRole('region', { name: 'How to pay' });
  await expect(instructions).toContainText(number);
  await expect(instructions.getByTestId('payment-instructions')).toContainText('IBAN: US00 DEMO 0000 0000 0000 00');
  await expect(page.getByRole('main').locator('address')).toContainText('United States');
  await expect(page.getByRole('main').getByText(/UTC|\(.+\/.+\)/).first()).toBeVisible();
  const offer = page.getByRole('form', { name: 'Create an account with these details' });
  await expect(offer.getByLabel('Email')).toHaveValue(email);
  await expect(offer.getByLabel('Name')).toHaveValue('Email Checker');

  const mail = await latestMail(email, /^Order confirmation /);
  expect(mail.subject).toBe(`Order confirmation ${number}`);
  // Once the SMTP server has taken it, the page says so.
  await expect(async () => {
    await page.reload();
    await expect(confirmation.emailNotice).toHaveText(`A confirmation email has been sent to ${email}.`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  const html = mail.html;
  expect(html).toContain('<!DOCTYPE html');
  const lines = amounts(html, 'line-amount');
  expect(lines).toHaveLength(2);
  const subtotal = row(html, 'subtotal')!;
  const discount = row(html, 'discount')!;
  const shipping = row(html, 'shipping')!;
  const tax = row(html, 'tax') ?? 0;
  const total = row(html, 'total')!;
  expect(lines.reduce((sum, amount) => sum + amount, 0)).toBe(subtotal);
  expect(discount).toBeLessThan(0);
  expect(subtotal + discount + shipping + tax).toBe(total);
  // The total the email shows is the one the shopper was shown on the page.
  await expect(page.getByRole('main')).toContainText(html.match(/<tr class="summary-total"[\s\S]*?class="summary-amount"[^>]*>([^<]*)</)![1]!);
  // And the plain-text alternative says the same.
  expect(mail.text).toContain('Discount (WELCOME10)');
  // It points to the payment instructions, which it does not repeat.
  expect(mail.text).toContain(`How to pay for order ${number}`);
  expect(mail.text).not.toContain('IBAN');

  // The instructions: a message of their own, with the amount and the reference, in both parts; sent once.
  const payment = await latestMail(email, /^How to pay for order /);
  expect(payment.subject).toBe(`How to pay for order ${number}`);
  const totalShown = html.match(/<tr class="summary-total"[\s\S]*?class="summary-amount"[^>]*>([^<]*)</)![1]!;
  expect(payment.html).toContain('IBAN: US00 DEMO 0000 0000 0000 00');
  expect(payment.html).toContain(totalShown);
  expect(payment.text).toContain('IBAN: US00 DEMO 0000 0000 0000 00');
  expect(payment.text).toContain(totalShown);
  expect(payment.text).toContain(`quote ${number} as the reference`);
  // Seen as a shopper's mail client shows it (a phone or a desktop window).
  const reader = await page.context().newPage();
  await reader.setViewportSize({ width: size.width, height: size.height });
  await reader.setContent(payment.html);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`How to pay for order ${number}`);
  expect(await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await reader.screenshot({ path: testInfo.outputPath(`payment-instructions-email-${size.name}.png`), fullPage: true });
  await reader.close();
  expect(await mailCount(email, /^How to pay for order /)).toBe(1);

  await page.getByRole('link', { name: 'Continue shopping' }).click();
  await expect(page).toHaveURL(/\/$/);
});
