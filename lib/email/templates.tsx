import type { ReactElement } from 'react';
import { AccountExistsEmail, EmailChangedEmail, PasswordChangedEmail, PasswordResetEmail, StaffInviteEmail, TwoFactorChangedEmail, VerificationEmail } from './templates/account';
import { GiftCardEmail } from './templates/gift-cards';
import { WebhookEndpointDisabledEmail } from './templates/integrations';
import { emailTranslator } from './language';
import type { EmailBrand } from './templates/layout';
import { ReturnRejectedEmail, ReturnRequestedEmail } from './templates/returns';
import { OrderConfirmationEmail, OrderDeliveredEmail, OrderRefundedEmail, OrderShippedEmail, PaymentInstructionsEmail } from './templates/orders';

// Every message the store sends, by template name (the name stored with each email): its subject, its React Email
// component, and sample props the admin's previews and the tests render it with.

type Definition<P> = {
  label: string;
  subject: (props: P) => string;
  element: (props: P) => ReactElement;
  sample: (brand: EmailBrand) => P;
};

/** A template from its component: the props type comes from the component, so samples are checked against it. */
function define<P extends object>(Component: (props: P) => ReactElement, definition: NoInfer<Omit<Definition<P>, 'element'>>): Definition<P> {
  return { ...definition, element: (props: P) => <Component {...props} /> };
}

const sampleAddress = { name: 'Alex Example', lines: ['12 Sample Street', 'Portland, OR 97201', 'United States'] };
const at = 'Dec 7, 2026, 10:30 AM UTC';
const link = (brand: EmailBrand, path: string) => new URL(path, brand.siteUrl).toString();

const sampleOrder = (brand: EmailBrand, manual: boolean) => ({
  brand,
  number: 'SF-7K3F9QX2',
  currency: 'USD',
  placedAt: '2026-12-07T10:30:00.000Z',
  lines: [
    { title: 'Linen shirt', variant: 'Blue / M', quantity: 2, unitPriceCents: 4900, imageUrl: null },
    { title: 'Canvas tote', variant: 'Natural', quantity: 1, unitPriceCents: 2500, imageUrl: null },
  ],
  subtotalCents: 12300,
  discountCents: 1230,
  discountCode: 'WELCOME10',
  shippingCents: 595,
  shippingMethod: 'Standard',
  taxCents: 913,
  taxInclusive: false,
  totalCents: 12578,
  shippingAddress: sampleAddress,
  orderUrl: link(brand, '/orders/lookup'),
  awaitingManualPayment: manual,
});

const sampleReturn = (brand: EmailBrand) => ({
  brand,
  number: 'RT-4M8Q2ZKD',
  orderNumber: 'SF-7K3F9QX2',
  lines: [
    { title: 'Linen shirt', variant: 'Blue / M', quantity: 1, exchangeFor: null },
    { title: 'Linen shirt', variant: 'Blue / M', quantity: 1, exchangeFor: 'Blue / L' },
  ],
  shippingFee: '$5.00',
  refundTo: 'your original payment',
  rejectionReason: null,
  returnUrl: link(brand, '/orders/return'),
});

const sampleInstructions = 'Bank transfer to Example Shop Ltd\nIBAN: GB00 EXAM 0000 0000 0000 00\nBIC: EXAMGB00';

export const EMAIL_TEMPLATES = {
  return_requested: define(ReturnRequestedEmail, {
    label: 'Return requested (instructions)',
    subject: (p) => `Your return ${p.number} for order ${p.orderNumber}`,
    sample: sampleReturn,
  }),
  return_rejected: define(ReturnRejectedEmail, {
    label: 'Return not accepted',
    subject: (p) => `Return ${p.number} was not accepted`,
    sample: (brand) => ({ ...sampleReturn(brand), rejectionReason: 'The items were worn.' }),
  }),
  order_confirmation: define(OrderConfirmationEmail, {
    label: 'Order confirmation',
    subject: (p) => emailTranslator(p.locale)('confirmationSubject', { number: p.number }),
    sample: (brand) => sampleOrder(brand, false),
  }),
  order_confirmation_manual_payment: define(OrderConfirmationEmail, {
    label: 'Order confirmation (manual payment)',
    subject: (p) => emailTranslator(p.locale)('confirmationSubject', { number: p.number }),
    sample: (brand) => sampleOrder(brand, true),
  }),
  order_payment_instructions: define(PaymentInstructionsEmail, {
    label: 'Payment instructions (manual payment)',
    subject: (p) => emailTranslator(p.locale)('paySubject', { number: p.number }),
    sample: (brand) => ({ brand, number: 'SF-7K3F9QX2', currency: 'USD', totalCents: 12578, instructions: sampleInstructions, orderUrl: link(brand, '/orders/lookup') }),
  }),
  order_shipped: define(OrderShippedEmail, {
    label: 'Order shipped',
    subject: (p) => `Your order ${p.number} has shipped`,
    sample: (brand) => ({
      brand,
      number: 'SF-7K3F9QX2',
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      items: [{ title: 'Linen shirt (Blue / M)', quantity: 2 }],
      orderUrl: link(brand, '/orders/lookup'),
    }),
  }),
  order_delivered: define(OrderDeliveredEmail, {
    label: 'Order delivered',
    subject: (p) => `Your order ${p.number} has been delivered`,
    sample: (brand) => ({ brand, number: 'SF-7K3F9QX2', orderUrl: link(brand, '/orders/lookup'), returnsUrl: link(brand, '/pages/shipping-returns') }),
  }),
  order_refunded: define(OrderRefundedEmail, {
    label: 'Refund',
    subject: (p) => `Refund on your order ${p.number}`,
    sample: (brand) => ({
      brand,
      number: 'SF-7K3F9QX2',
      currency: 'USD',
      amountCents: 4900,
      refundedTotalCents: 4900,
      orderTotalCents: 12578,
      reason: 'Returned item',
      toCard: true,
      orderUrl: link(brand, '/orders/lookup'),
    }),
  }),
  gift_card: define(GiftCardEmail, {
    label: 'Gift card',
    subject: (p) => (p.fromName ? `${p.fromName} sent you a gift card` : `Your ${p.brand.storeName} gift card`),
    sample: (brand) => ({
      brand,
      code: 'K7QM-3F9X-2HDV-8RTA',
      amountCents: 5000,
      currency: 'USD',
      recipientName: 'Sam',
      fromName: 'Alex',
      message: 'Happy birthday!',
      expiresAt: null,
      shopUrl: link(brand, '/'),
      balanceUrl: link(brand, '/gift-cards/balance'),
    }),
  }),
  password_reset: define(PasswordResetEmail, {
    label: 'Password reset',
    subject: () => 'Reset your password',
    sample: (brand) => ({ brand, url: link(brand, '/account/reset-password?token=sample') }),
  }),
  email_verification: define(VerificationEmail, {
    label: 'Email verification',
    subject: () => 'Confirm your email address',
    sample: (brand) => ({ brand, url: link(brand, '/account/verify-email?token=sample') }),
  }),
  account_exists: define(AccountExistsEmail, {
    label: 'Account already exists',
    subject: () => 'You already have an account',
    sample: (brand) => ({ brand, signInUrl: link(brand, '/account/sign-in'), resetUrl: link(brand, '/account/forgot-password') }),
  }),
  staff_invite: define(StaffInviteEmail, {
    label: 'Staff invitation',
    subject: (p) => `You are invited to ${p.brand.storeName}`,
    sample: (brand) => ({ brand, url: link(brand, '/account/reset-password?token=sample'), role: 'staff' as const, invitedBy: 'Sam Owner' }),
  }),
  password_changed: define(PasswordChangedEmail, {
    label: 'Password changed',
    subject: () => 'Your password was changed',
    sample: (brand) => ({ brand, email: 'alex@example.com', at, resetUrl: link(brand, '/account/forgot-password'), how: 'change' as const }),
  }),
  email_changed: define(EmailChangedEmail, {
    label: 'Email address changed',
    subject: () => 'Your email address was changed',
    sample: (brand) => ({ brand, email: 'alex@example.com', newEmailMasked: 'a•••@example.net', at, resetUrl: link(brand, '/account/forgot-password') }),
  }),
  two_factor_enabled: define(TwoFactorChangedEmail, {
    label: 'Two-factor turned on',
    subject: () => 'Two-factor authentication was turned on',
    sample: (brand) => ({ brand, email: 'alex@example.com', at, resetUrl: link(brand, '/account/forgot-password'), enabled: true }),
  }),
  two_factor_disabled: define(TwoFactorChangedEmail, {
    label: 'Two-factor turned off',
    subject: () => 'Two-factor authentication was turned off',
    sample: (brand) => ({ brand, email: 'alex@example.com', at, resetUrl: link(brand, '/account/forgot-password'), enabled: false }),
  }),
  webhook_endpoint_disabled: define(WebhookEndpointDisabledEmail, {
    label: 'Webhook endpoint disabled (to admins)',
    subject: () => 'A webhook endpoint was disabled',
    sample: (brand) => ({ brand, endpointUrl: 'https://erp.example.com/hooks/storefront', at, manageUrl: link(brand, '/admin/webhooks/00000000-0000-4000-8000-000000000000') }),
  }),
};

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;
export type EmailProps<N extends EmailTemplateName> = Parameters<(typeof EMAIL_TEMPLATES)[N]['element']>[0];

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(EMAIL_TEMPLATES, name);
}
