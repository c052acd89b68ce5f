// How an order's total is split over the gift cards a shopper applied (in the order given) and their store credit:
// each card pays what it can of what is left, then the credit, and the rest is paid by card or manually. Pure: the
// checkout summary and placement (on balances read under row locks) run the same plan.

export type TenderCard = { id: string; balanceCents: number };
export type PlannedTenders = { cardCents: number[]; storeCreditCents: number; amountDueCents: number };

export function planTenders(totalCents: number, cards: readonly TenderCard[], storeCreditBalanceCents: number): PlannedTenders {
  let left = totalCents;
  const cardCents = cards.map((card) => {
    const take = Math.max(0, Math.min(card.balanceCents, left));
    left -= take;
    return take;
  });
  const storeCreditCents = Math.max(0, Math.min(storeCreditBalanceCents, left));
  left -= storeCreditCents;
  return { cardCents, storeCreditCents, amountDueCents: left };
}
