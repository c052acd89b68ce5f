import type { AddressSnapshot } from '@/db/schema';

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
