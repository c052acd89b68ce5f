import type { ReturnDisposition, ReturnRefundMethod, ReturnStatus } from '@/db/schema';

// What the return pages and forms receive (no rows, no ids a customer does not need).

export type ReturnableLine = {
  id: string;
  productTitle: string;
  variantTitle: string;
  quantity: number;
  unitPriceCents: number;
  returnable: boolean;
  /** Bought minus already asked for in returns that were not rejected or cancelled. */
  remaining: number;
  /** Other variants of the same product in stock now. */
  exchangeOptions: { id: string; title: string }[];
};

export type ReturnableOrder = {
  number: string;
  currency: string;
  /** Why no return can be asked for now (null: it can). */
  refusal: string | null;
  windowEndsAt: string | null;
  reasons: string[];
  /** The customer picks the refund's destination (policy "customer's choice" and an account to hold credit). */
  refundChoice: boolean;
  refundDestination: 'original_payment' | 'store_credit' | 'customer_choice';
  shippingFeeCents: number;
  lines: ReturnableLine[];
};

export type ReturnSummary = {
  number: string;
  status: ReturnStatus;
  orderNumber: string;
  refundCents: number;
  currency: string;
  createdAt: string;
  itemCount: number;
};

export type StaffReturnRow = ReturnSummary & { email: string };

export type ReturnDetail = {
  number: string;
  status: ReturnStatus;
  orderNumber: string;
  /** Staff only. */
  email: string | null;
  reason: string;
  comment: string | null;
  rejectionReason: string | null;
  refundMethod: ReturnRefundMethod;
  currency: string;
  shippingFeeCents: number;
  refundCents: number;
  exchangeOrder: { number: string; status: string } | null;
  createdAt: string;
  lines: { id: string; productTitle: string; variantTitle: string; quantity: number; exchangeFor: string | null; disposition: ReturnDisposition | null }[];
  timeline: { type: string; message: string; createdAt: string; actor: string | null }[];
};

export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  received: 'Received',
  completing: 'Refund in progress',
  completed: 'Completed',
};

export const RETURN_STATUS_TONES: Record<ReturnStatus, 'neutral' | 'success' | 'warning' | 'danger' | 'info'> = {
  requested: 'warning',
  approved: 'info',
  rejected: 'danger',
  cancelled: 'neutral',
  received: 'info',
  completing: 'info',
  completed: 'success',
};
