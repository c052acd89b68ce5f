import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  fulfilmentLabel,
  legalTransitions,
  ORDER_TRANSITIONS,
  type OrderMachineState,
  type OrderTransition,
  paymentStatusAfterRefund,
  statusAfterFulfilment,
} from './state-machine';

const base: OrderMachineState = {
  status: 'pending',
  paymentStatus: 'unpaid',
  paymentProvider: 'manual',
  shippedUnits: 0,
  orderedUnits: 3,
  refundableCents: 0,
};

// Every situation an order can be in that matters to the machine, and the moves that must be legal there.
// Every other move must be refused: the table is checked in both directions.
const table: [string, Partial<OrderMachineState>, OrderTransition[]][] = [
  ['pending, unpaid, manual', {}, ['mark_paid', 'cancel']],
  ['pending, unpaid, stripe', { paymentProvider: 'stripe' }, ['cancel']],
  ['paid, nothing shipped', { status: 'paid', paymentStatus: 'paid', refundableCents: 5000 }, ['fulfill', 'cancel', 'refund']],
  ['paid by card, nothing shipped', { status: 'paid', paymentStatus: 'paid', paymentProvider: 'stripe', refundableCents: 5000 }, ['fulfill', 'cancel', 'refund']],
  ['paid, partly shipped', { status: 'paid', paymentStatus: 'paid', shippedUnits: 1, refundableCents: 5000 }, ['fulfill', 'refund']],
  ['paid, partly refunded', { status: 'paid', paymentStatus: 'partially_refunded', refundableCents: 2000 }, ['fulfill', 'cancel', 'refund']],
  ['paid, refunded in full', { status: 'paid', paymentStatus: 'refunded', refundableCents: 0 }, ['fulfill', 'cancel']],
  ['fulfilled', { status: 'fulfilled', paymentStatus: 'paid', shippedUnits: 3, refundableCents: 5000 }, ['mark_delivered', 'refund']],
  ['fulfilled, refunded in full', { status: 'fulfilled', paymentStatus: 'refunded', shippedUnits: 3 }, ['mark_delivered']],
  ['delivered', { status: 'delivered', paymentStatus: 'paid', shippedUnits: 3, refundableCents: 5000 }, ['refund']],
  ['delivered, partly refunded', { status: 'delivered', paymentStatus: 'partially_refunded', shippedUnits: 3, refundableCents: 1 }, ['refund']],
  ['delivered, refunded in full', { status: 'delivered', paymentStatus: 'refunded', shippedUnits: 3 }, []],
  ['cancelled, never paid', { status: 'cancelled' }, []],
  ['cancelled after payment', { status: 'cancelled', paymentStatus: 'paid', refundableCents: 5000 }, ['refund']],
  ['cancelled, partly refunded', { status: 'cancelled', paymentStatus: 'partially_refunded', refundableCents: 100 }, ['refund']],
  ['cancelled, card captured after the cancel', { status: 'cancelled', paymentProvider: 'stripe', refundableCents: 5000 }, ['refund']],
  ['cancelled, refunded in full', { status: 'cancelled', paymentStatus: 'refunded' }, []],
];

describe('order state machine', () => {
  for (const [name, overrides, legal] of table) {
    const state = { ...base, ...overrides };
    for (const transition of ORDER_TRANSITIONS) {
      const expected = legal.includes(transition);
      it(`${name}: ${transition} is ${expected ? 'legal' : 'refused'}`, () => {
        const result = checkTransition(state, transition);
        expect(result.ok).toBe(expected);
        if (!result.ok) expect(result.reason).toMatch(/\.$/);
      });
    }
    it(`${name}: offers exactly ${legal.join(', ') || 'nothing'}`, () => {
      expect(legalTransitions(state)).toEqual(ORDER_TRANSITIONS.filter((t) => legal.includes(t)));
    });
  }

  it('explains refusals in words staff can act on', () => {
    expect(checkTransition(base, 'refund')).toEqual({ ok: false, reason: 'Nothing has been paid on this order, so there is nothing to refund.' });
    expect(checkTransition({ ...base, status: 'cancelled' }, 'cancel')).toEqual({ ok: false, reason: 'This order is already cancelled.' });
    expect(checkTransition({ ...base, status: 'fulfilled', shippedUnits: 3 }, 'cancel')).toMatchObject({ ok: false, reason: expect.stringContaining('shipped') });
    expect(checkTransition(base, 'fulfill')).toEqual({ ok: false, reason: 'This order is not paid yet.' });
  });

  it('moves to fulfilled only when the last units ship', () => {
    expect(statusAfterFulfilment({ shippedUnits: 0, orderedUnits: 3 }, 2)).toBe('paid');
    expect(statusAfterFulfilment({ shippedUnits: 2, orderedUnits: 3 }, 1)).toBe('fulfilled');
    expect(statusAfterFulfilment({ shippedUnits: 0, orderedUnits: 3 }, 3)).toBe('fulfilled');
  });

  it('moves the payment status by what is left to refund', () => {
    expect(paymentStatusAfterRefund(5000, 0, 1000)).toBe('partially_refunded');
    expect(paymentStatusAfterRefund(5000, 4000, 1000)).toBe('refunded');
  });

  it('labels the shipping state', () => {
    expect(fulfilmentLabel({ status: 'paid', shippedUnits: 0, orderedUnits: 2 })).toBe('Not shipped');
    expect(fulfilmentLabel({ status: 'paid', shippedUnits: 1, orderedUnits: 2 })).toBe('Partially shipped');
    expect(fulfilmentLabel({ status: 'fulfilled', shippedUnits: 2, orderedUnits: 2 })).toBe('Shipped');
    expect(fulfilmentLabel({ status: 'delivered', shippedUnits: 2, orderedUnits: 2 })).toBe('Delivered');
    expect(fulfilmentLabel({ status: 'cancelled', shippedUnits: 0, orderedUnits: 2 })).toBe('Not shipped (cancelled)');
  });
});
