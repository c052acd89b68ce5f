import type { AddressSnapshot } from '@/db/schema';
import type { OrderTransition } from './state-machine';

// One order read model: what the customer sees (OrderDetail), and the staff view, which extends it.

export type OrderSummary = {
  number: string;
  status: string;
  paymentStatus: string;
  totalCents: number;
  currency: string;
  placedAt: string;
  itemCount: number;
};

export type OrderLineView = {
  productTitle: string;
  variantTitle: string;
  sku: string;
  unitPriceCents: number;
  quantity: number;
  totalCents: number;
};

export type ShipmentView = {
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  status: 'shipped' | 'delivered';
  shippedAt: string;
  deliveredAt: string | null;
  /** What is in the parcel: "Title (Variant)" and how many. */
  items: { title: string; quantity: number }[];
};

export type OrderDetail = {
  number: string;
  email: string;
  status: string;
  paymentStatus: string;
  paymentProvider: string;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  discountCode: string | null;
  shippingCents: number;
  shippingMethod: string;
  taxCents: number;
  taxInclusive: boolean;
  totalCents: number;
  placedAt: string;
  shippingAddress: AddressSnapshot;
  lines: OrderLineView[];
  /** "Not shipped", "Partially shipped", "Shipped", "Delivered" (words shared with the admin). */
  fulfilment: string;
  /** Each parcel sent, with the carrier and tracking number the customer can follow. */
  shipments: ShipmentView[];
  /** Whether the confirmation email went out (or was stored for the operator when no SMTP is configured). */
  confirmationEmail: 'sent' | 'stored' | 'pending' | 'failed' | 'none';
};

/** A line as staff see it: the customer's line plus what shipped and its share of discount and tax. */
export type StaffOrderLine = OrderLineView & { id: string; shippedQuantity: number; discountCents: number; taxCents: number };

/** The order as staff see it: the customer's view, plus payments, refunds, the timeline and the moves allowed now. */
export type StaffOrderDetail = Omit<OrderDetail, 'lines'> & {
  customerName: string | null;
  customerNote: string | null;
  refundedCents: number;
  /** Captured minus refunded: the most a refund may be now. */
  refundableCents: number;
  billingAddress: AddressSnapshot | null;
  lines: StaffOrderLine[];
  payments: { provider: string; status: string; amountCents: number; refundedCents: number; reference: string | null; capturedAt: string | null }[];
  refunds: { amountCents: number; status: string; reason: string; createdAt: string }[];
  timeline: { type: string; message: string; actor: string | null; createdAt: string }[];
  /** The moves the state machine allows now; the page shows a button for each and nothing else. */
  transitions: OrderTransition[];
};

export type StaffOrderRow = {
  number: string;
  email: string;
  customerName: string;
  status: string;
  paymentStatus: string;
  totalCents: number;
  currency: string;
  itemCount: number;
  placedAt: string;
};

export type StaffOrderPage = { rows: StaffOrderRow[]; total: number; page: number; pageCount: number };
