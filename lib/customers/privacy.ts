import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import {
  addresses,
  authTokens,
  cartLines,
  carts,
  discountRedemptions,
  emailMessages,
  fulfillments,
  orderLines,
  orders,
  products,
  recoveryCodes,
  users,
  variants,
  type AddressSnapshot,
} from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { verifyPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { addressColumns } from './addresses';

// GDPR / CCPA: a customer's right to a copy of their data (access, portability) and to erasure. What is erased,
// what is kept and why is written down in SECURITY.md ("Personal data"); keep the two in step.

export const EXPORT_FORMAT = 'storefront.customer-data.v1';

// An address in the export is what the account shows, without our internal id.
const { id: _addressId, ...exportedAddressColumns } = addressColumns;

/** Placeholders written over personal fields of orders kept for accounting. */
export const ERASED = { name: 'Erased customer', line: 'Erased', email: 'erased-customer@erased.invalid' } as const;

export type ExportedAddress = {
  name: string;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  countryCode: string;
  phone: string | null;
};

export type CustomerDataExport = {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  profile: {
    id: string;
    email: string;
    name: string;
    emailVerifiedAt: string | null;
    twoFactorEnabled: boolean;
    createdAt: string;
    lastSignInAt: string | null;
  };
  addresses: (ExportedAddress & { isDefaultShipping: boolean; createdAt: string })[];
  orders: {
    number: string;
    placedAt: string;
    email: string;
    status: string;
    paymentStatus: string;
    currency: string;
    subtotalCents: number;
    discountCents: number;
    shippingCents: number;
    taxCents: number;
    totalCents: number;
    refundedCents: number;
    shippingMethod: string;
    discountCode: string | null;
    customerNote: string | null;
    shippingAddress: AddressSnapshot;
    billingAddress: AddressSnapshot | null;
    lines: { productTitle: string; variantTitle: string; sku: string; unitPriceCents: number; quantity: number; totalCents: number }[];
    shipments: { carrier: string; trackingNumber: string; shippedAt: string; deliveredAt: string | null }[];
  }[];
  cart: { productTitle: string; variantTitle: string; sku: string; quantity: number }[];
  /** Product reviews: the store has no reviews yet; the key is here so the format does not change when it does. */
  reviews: never[];
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Everything the store holds about a customer account, as one JSON document (Art. 15 and 20 GDPR; CCPA "know"). */
export async function exportCustomerData(userId: string, executor: Executor = db): Promise<CustomerDataExport> {
  const [user] = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      emailVerifiedAt: users.emailVerifiedAt,
      totpEnabledAt: users.totpEnabledAt,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.erasedAt)));
  if (!user) throw new AppError('not_found', 'No such account.');

  const [addressRows, orderRows, cartRows] = await Promise.all([
    executor
      .select({ ...exportedAddressColumns, createdAt: addresses.createdAt })
      .from(addresses)
      .where(eq(addresses.userId, userId))
      .orderBy(asc(addresses.createdAt)),
    // Orders of the account only: guest orders placed with the same email are not included, because an account's
    // email may be unverified, and a download must not hand a stranger's guest orders to whoever registered it.
    executor
      .select({
        id: orders.id,
        number: orders.number,
        placedAt: orders.placedAt,
        email: orders.email,
        status: orders.status,
        paymentStatus: orders.paymentStatus,
        currency: orders.currency,
        subtotalCents: orders.subtotalCents,
        discountCents: orders.discountCents,
        shippingCents: orders.shippingCents,
        taxCents: orders.taxCents,
        totalCents: orders.totalCents,
        refundedCents: orders.refundedCents,
        shippingMethod: orders.shippingMethod,
        discountCode: orders.discountCode,
        customerNote: orders.customerNote,
        shippingAddress: orders.shippingAddress,
        billingAddress: orders.billingAddress,
      })
      .from(orders)
      .where(eq(orders.userId, userId))
      .orderBy(desc(orders.placedAt)),
    executor
      .select({ productTitle: products.title, variantTitle: variants.title, sku: variants.sku, quantity: cartLines.quantity })
      .from(cartLines)
      .innerJoin(carts, eq(carts.id, cartLines.cartId))
      .innerJoin(variants, eq(variants.id, cartLines.variantId))
      .innerJoin(products, eq(products.id, variants.productId))
      .where(and(eq(carts.userId, userId), eq(carts.status, 'active'))),
  ]);
  const orderIds = orderRows.map((order) => order.id);
  const [lineRows, shipmentRows] = orderIds.length
    ? await Promise.all([
        executor
          .select({
            orderId: orderLines.orderId,
            productTitle: orderLines.productTitle,
            variantTitle: orderLines.variantTitle,
            sku: orderLines.sku,
            unitPriceCents: orderLines.unitPriceCents,
            quantity: orderLines.quantity,
            totalCents: orderLines.totalCents,
          })
          .from(orderLines)
          .where(inArray(orderLines.orderId, orderIds))
          .orderBy(asc(orderLines.createdAt), asc(orderLines.id)),
        executor
          .select({ orderId: fulfillments.orderId, carrier: fulfillments.carrier, trackingNumber: fulfillments.trackingNumber, shippedAt: fulfillments.shippedAt, deliveredAt: fulfillments.deliveredAt })
          .from(fulfillments)
          .where(inArray(fulfillments.orderId, orderIds))
          .orderBy(asc(fulfillments.shippedAt)),
      ])
    : [[], []];

  return {
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      emailVerifiedAt: iso(user.emailVerifiedAt),
      twoFactorEnabled: user.totpEnabledAt !== null,
      createdAt: user.createdAt.toISOString(),
      lastSignInAt: iso(user.lastSignInAt),
    },
    addresses: addressRows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    orders: orderRows.map(({ id, placedAt, ...order }) => ({
      ...order,
      placedAt: placedAt.toISOString(),
      lines: lineRows.filter((line) => line.orderId === id).map(({ orderId: _orderId, ...line }) => line),
      shipments: shipmentRows
        .filter((shipment) => shipment.orderId === id)
        .map((shipment) => ({ carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, shippedAt: shipment.shippedAt.toISOString(), deliveredAt: iso(shipment.deliveredAt) })),
    })),
    cart: cartRows,
    reviews: [],
  };
}

/** The address of an order kept for accounting: who and where in the street go; city, region, postcode and country stay for tax. */
function erasedAddress(address: AddressSnapshot): AddressSnapshot {
  return {
    name: ERASED.name,
    company: null,
    line1: ERASED.line,
    line2: null,
    city: address.city,
    region: address.region ?? null,
    postalCode: address.postalCode,
    countryCode: address.countryCode,
    phone: null,
  };
}

export type ErasureResult = { ordersAnonymised: number; addressesDeleted: number; cartsDeleted: number };

/** Who asked: the customer (after re-entering their password), or an admin acting on a request received elsewhere. */
export type ErasureRequester = { kind: 'customer'; requestId: string } | { kind: 'staff'; actor: AuditActor };

/**
 * Erases a customer account (Art. 17 GDPR; CCPA "delete"), in one transaction:
 * - the users row becomes a tombstone: email replaced by a unique placeholder, name, password, two-factor secret and
 *   sign-in times cleared, status "disabled", `erasedAt` set and `sessionVersion` bumped (every session ends);
 * - addresses, carts, sign-in tokens, recovery codes and the emails sent to them are deleted;
 * - orders are kept for accounting (tax law requires it) with name, email, phone, street lines, company and the
 *   customer's note replaced by placeholders and the link to the account removed; amounts are untouched;
 * - discount redemptions keep their amount but lose the email and account link;
 * - one audit row records the erasure, with counts and neither the email nor the address of whoever asked.
 */
export async function eraseCustomer(userId: string, requester: ErasureRequester, executor: Executor = db): Promise<ErasureResult> {
  return executor.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.erasedAt)))
      .for('update');
    // Staff accounts are removed by an admin from Staff, with their audit trail: not through this door.
    if (!user || user.role !== 'customer') throw new AppError('not_found', 'No such customer.');

    // The account's orders and those its email placed as a guest (the same customer record).
    const owned = await tx
      .select({ id: orders.id, shippingAddress: orders.shippingAddress, billingAddress: orders.billingAddress })
      .from(orders)
      .where(or(eq(orders.userId, userId), eq(orders.customerId, userId)))
      .for('update');
    for (const order of owned) {
      await tx
        .update(orders)
        .set({
          userId: null,
          email: ERASED.email,
          shippingAddress: erasedAddress(order.shippingAddress),
          billingAddress: order.billingAddress ? erasedAddress(order.billingAddress) : null,
          customerNote: null,
        })
        .where(eq(orders.id, order.id));
    }
    const orderIds = owned.map((order) => order.id);
    await tx
      .update(discountRedemptions)
      .set({ email: ERASED.email, userId: null })
      .where(orderIds.length ? or(eq(discountRedemptions.userId, userId), inArray(discountRedemptions.orderId, orderIds)) : eq(discountRedemptions.userId, userId));
    const removedAddresses = await tx.delete(addresses).where(eq(addresses.userId, userId)).returning({ id: addresses.id });
    const removedCarts = await tx.delete(carts).where(or(eq(carts.userId, userId), eq(carts.email, user.email))).returning({ id: carts.id });
    await tx.delete(authTokens).where(eq(authTokens.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(emailMessages).where(eq(emailMessages.toAddress, user.email));
    await tx
      .update(users)
      .set({
        email: `erased-${user.id}@erased.invalid`,
        name: '',
        passwordHash: null,
        status: 'disabled',
        emailVerifiedAt: null,
        totpSecretEncrypted: null,
        totpEnabledAt: null,
        totpLastStep: null,
        lastSignInAt: null,
        erasedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, userId));

    const result: ErasureResult = { ordersAnonymised: owned.length, addressesDeleted: removedAddresses.length, cartsDeleted: removedCarts.length };
    // The customer's own request is recorded without their email (that is what is being erased) or network address.
    const actor: AuditActor =
      requester.kind === 'staff' ? requester.actor : { user: { id: userId, email: 'customer (self-service)' }, requestId: requester.requestId };
    await recordAudit(tx, actor, { action: 'customer.erase', entityType: 'user', entityId: userId, before: null, after: { requestedBy: requester.kind, ...result } });
    return result;
  });
}

/** Self-service erasure: the password is asked again, so a session left open on a shared computer cannot do it. */
export async function eraseOwnAccount(userId: string, password: string, requestId: string, executor: Executor = db): Promise<ErasureResult> {
  const [user] = await executor.select({ passwordHash: users.passwordHash }).from(users).where(and(eq(users.id, userId), isNull(users.erasedAt)));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('validation_failed', 'That password is not correct.', { fieldErrors: { password: ['That password is not correct.'] } });
  }
  return eraseCustomer(userId, { kind: 'customer', requestId }, executor);
}

/** An admin erasing a customer on their request, confirmed by typing the customer's email. */
export async function eraseCustomerForStaff(actor: AuditActor, userId: string, confirmEmail: string, executor: Executor = db): Promise<ErasureResult> {
  const [customer] = await executor.select({ email: users.email }).from(users).where(and(eq(users.id, userId), eq(users.role, 'customer'), isNull(users.erasedAt)));
  if (!customer) throw new AppError('not_found', 'No such customer.');
  if (customer.email !== confirmEmail.trim().toLowerCase()) {
    throw new AppError('validation_failed', 'That is not this customer’s email address.', { fieldErrors: { confirmEmail: ['Type the customer’s email address exactly.'] } });
  }
  return eraseCustomer(userId, { kind: 'staff', actor }, executor);
}

/** Staff download on a customer's request; audited, since it hands personal data to a person. */
export async function exportCustomerDataForStaff(actor: AuditActor, userId: string, executor: Executor = db): Promise<CustomerDataExport> {
  return executor.transaction(async (tx) => {
    const [customer] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.role, 'customer'), isNull(users.erasedAt)));
    if (!customer) throw new AppError('not_found', 'No such customer.');
    const data = await exportCustomerData(userId, tx);
    await recordAudit(tx, actor, { action: 'customer.export', entityType: 'user', entityId: userId, after: { orders: data.orders.length, addresses: data.addresses.length } });
    return data;
  });
}

/** A file name for the download that carries no personal data. */
export function exportFileName(): string {
  return `customer-data-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}.json`;
}
