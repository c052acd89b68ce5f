import { describe, expect, it } from 'vitest';
import { renderEmail } from './render';
import { EMAIL_TEMPLATES, type EmailTemplateName } from './templates';
import type { EmailBrand } from './templates/layout';

const brand: EmailBrand = {
  storeName: 'Example Shop',
  logoUrl: null,
  accentColor: '#2f5fd0',
  siteUrl: 'https://shop.example',
  supportEmail: 'help@shop.example',
  contactPhone: '+1 555 0100',
  contactAddress: '1 Main St\nPortland, OR',
};

const names = Object.keys(EMAIL_TEMPLATES) as EmailTemplateName[];

describe('email templates', () => {
  it.each(names)('%s renders an HTML part and a readable plain-text alternative', async (name) => {
    const sample = EMAIL_TEMPLATES[name].sample(brand);
    const email = await renderEmail(name, sample as never);
    expect(email.subject.length).toBeGreaterThan(5);
    // HTML: a full document with the brand's colour and the store's contact details, light-only for dark mode.
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('background-color:#2f5fd0');
    expect(email.html).toContain('name="color-scheme" content="light only"');
    expect(email.html).toContain('help@shop.example');
    // Text: no markup, the store's name and contact, and every link the HTML has, written out.
    expect(email.text).not.toMatch(/<[a-z][^>]*>/i);
    expect(email.text).toContain('Example Shop');
    expect(email.text).toContain('help@shop.example');
    const hrefs = [...email.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
    for (const href of hrefs) if (href !== brand.siteUrl) expect(email.text, `text part links ${href}`).toContain(href);
  });

  it('the confirmation lists each line at price × quantity and the rows that make the total, in both parts', async () => {
    const sample = EMAIL_TEMPLATES.order_confirmation_manual_payment.sample(brand);
    const email = await renderEmail('order_confirmation_manual_payment', sample);
    expect(email.template).toBe('order_confirmation');
    for (const amount of ['$98.00', '$25.00', '$123.00', '−$12.30', '$5.95', '$9.13', '$125.78']) {
      expect(email.html).toContain(amount);
      expect(email.text).toContain(amount);
    }
    expect(email.text).toContain('Linen shirt');
    expect(email.text).toContain('Discount (WELCOME10)');
    // Manual payment: a pointer to the instructions' own message, not the instructions again.
    expect(email.text).toContain('How to pay for order SF-7K3F9QX2');
    expect(email.html).toContain('data-testid="payment-pointer"');
    expect(email.text).not.toContain('IBAN');
    expect(email.html).not.toContain('IBAN');
    const card = await renderEmail('order_confirmation', EMAIL_TEMPLATES.order_confirmation.sample(brand));
    expect(card.text).not.toContain('How to pay');
    expect(card.html).not.toContain('payment-pointer');
  });

  it('the payment instructions: their own subject, the amount and reference, and the merchant’s details line by line, in both parts', async () => {
    const email = await renderEmail('order_payment_instructions', {
      ...EMAIL_TEMPLATES.order_payment_instructions.sample(brand),
      number: 'SF-1234ABCD',
      currency: 'EUR',
      totalCents: 4250,
      instructions: 'Bank: Example Bank\nIBAN: DE00 0000 0000 0000 0000 00\n<b>not bold</b>',
    });
    expect(email.template).toBe('order_payment_instructions');
    expect(email.subject).toBe('How to pay for order SF-1234ABCD');
    expect(email.html).toContain('€42.50');
    expect(email.html).toContain('IBAN: DE00 0000 0000 0000 0000 00');
    expect(email.html).not.toContain('<b>not bold</b>');
    // Each of the merchant's lines is a line of its own in both parts.
    expect(email.html).toMatch(/Bank: Example Bank<br\/?>/);
    expect(email.text).toMatch(/Amount to pay\s+€42\.50/);
    expect(email.text).toMatch(/Reference\s+SF-1234ABCD/);
    expect(email.text).toMatch(/Bank: Example Bank\s*\nIBAN: DE00 0000 0000 0000 0000 00\s*\n/);
    expect(email.text).toContain('quote SF-1234ABCD as the reference');
    expect(email.text).toContain('/orders/lookup');
  });

  it("is written in the order's language: German words, subject and money (Intl de-DE), English where none is set", async () => {
    const sample = { ...EMAIL_TEMPLATES.order_confirmation_manual_payment.sample(brand), currency: 'EUR', locale: 'de' as const };
    const email = await renderEmail('order_confirmation_manual_payment', sample);
    expect(email.subject).toBe('Bestellbestätigung SF-7K3F9QX2');
    expect(email.html).toMatch(/<html[^>]* lang="de"/);
    expect(email.text).toContain('Vielen Dank für Ihre Bestellung');
    expect(email.html).toContain('Wir haben Ihre Bestellung <strong>SF-7K3F9QX2</strong> erhalten');
    expect(email.text).toContain('Rabatt (WELCOME10)');
    expect(email.text).toContain('„So bezahlen Sie Bestellung SF-7K3F9QX2“');
    for (const amount of ['98,00\u00a0€', '125,78\u00a0€', '−12,30\u00a0€']) expect(email.html).toContain(amount);
    expect(email.text).not.toMatch(/Thank you|Subtotal|Shipping to/);
    const instructions = await renderEmail('order_payment_instructions', { ...EMAIL_TEMPLATES.order_payment_instructions.sample(brand), currency: 'EUR', totalCents: 4250, locale: 'fr' });
    expect(instructions.subject).toBe('Comment payer la commande SF-7K3F9QX2');
    expect(instructions.text).toMatch(/Montant à payer\s+42,50\u00a0€/);
    const english = await renderEmail('order_confirmation', EMAIL_TEMPLATES.order_confirmation.sample(brand));
    expect(english.subject).toBe('Order confirmation SF-7K3F9QX2');
    expect(english.html).toMatch(/<html[^>]* lang="en"/);
  });

  it('escapes what customers and merchants type', async () => {
    const email = await renderEmail('order_confirmation', {
      ...EMAIL_TEMPLATES.order_confirmation.sample({ ...brand, storeName: 'A <b>bold</b> shop' }),
      shippingAddress: { name: '<script>alert(1)</script>', lines: [] },
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>bold</b>');
  });
});
