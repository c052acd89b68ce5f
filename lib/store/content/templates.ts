// The pages every shop needs (most countries require a returns policy, privacy notice and terms before selling
// online), as starting points the merchant edits. Written for a generic shop; [bracketed] parts are to fill in.

export type PageTemplate = { slug: string; title: string; body: string; seoDescription: string };

export const PAGE_TEMPLATES: PageTemplate[] = [
  {
    slug: 'about',
    title: 'About us',
    seoDescription: 'Who we are and how we make and choose what we sell.',
    body: `We are a small, independent shop. We choose every product ourselves and ship from our own workshop.

## What we care about

- Things that are made well and last.
- Honest prices, shown with tax as the law of your country requires.
- Answering every message within one working day.

[Tell your story here: when you started, who is behind the shop, what makes your products different.]`,
  },
  {
    slug: 'shipping-returns',
    title: 'Shipping & returns',
    seoDescription: 'Delivery times, shipping costs, and how to return an order within 30 days.',
    body: `## Shipping

Orders placed before 2 pm on a working day leave our warehouse the same day. You receive an email with a tracking link as soon as your parcel is on its way. Delivery times and costs for your country are shown at checkout before you pay.

## Returns

You can return any unused item within **30 days** of delivery for a full refund of the item price. To start a return, [look up your order](/orders/lookup) and reply to your confirmation email, or write to us.

Refunds are made to the original payment method within 14 days of the return arriving.

## Damaged or wrong items

Tell us within 14 days and we will replace the item or refund it, including shipping.`,
  },
  {
    slug: 'privacy',
    title: 'Privacy policy',
    seoDescription: 'Which personal data we collect, why, how long we keep it, and your rights.',
    body: `This notice explains which personal data [Store name] collects when you shop with us, and why.

## What we collect

- **Order details**: your name, email, shipping and billing address, and what you bought — to deliver your order and keep the records tax law requires.
- **Account details** (if you create an account): your email and a password hash; we never see your password.
- **Payment**: card payments are handled by our payment provider; we never store card numbers.

## How long we keep it

Order records are kept as long as tax law requires (usually 6–10 years). You can delete your account at any time from your account page; your order records are then anonymised.

## Your rights

You can ask for a copy of your data (download it from your account), correct it, or have it erased. Write to [contact email] with any question.`,
  },
  {
    slug: 'terms',
    title: 'Terms of service',
    seoDescription: 'The terms that apply when you buy from our store.',
    body: `These terms apply to every order placed on this website, operated by [legal name, address, company number].

## Orders

An order is a request to buy. The contract is made when we send the confirmation email. We may cancel an order if an item turns out to be out of stock or mispriced; any payment is then refunded in full.

## Prices and payment

Prices are shown in the store's currency, with tax as shown at checkout. Shipping costs are shown before you pay.

## Returns

See [Shipping & returns](/pages/shipping-returns). Your statutory rights are not affected.

## Contact

[Contact email and address]`,
  },
  {
    slug: 'contact',
    title: 'Contact us',
    seoDescription: 'How to reach us about an order, a product or anything else.',
    body: `We answer every message within one working day.

- **Email:** [contact email]
- **Phone:** [phone number, opening hours]
- **Address:** [postal address]

Questions about an order? [Look it up](/orders/lookup) with its number and your email address first — it shows its status and tracking.`,
  },
];
