import { z } from 'zod';

// What shoppers, staff and API clients see of gift cards and store credit: never a code (only its last four) and
// never a hash.

const cents = z.number().int().min(0);

export const giftCardStatusSchema = z.enum(['active', 'spent', 'expired', 'disabled']);

export const giftCardBalanceSchema = z.object({
  lastFour: z.string().describe('The last four characters of the code'),
  currency: z.string(),
  balanceCents: cents.describe('What is left on the card, in minor units'),
  expiresAt: z.string().nullable(),
  status: giftCardStatusSchema,
});
export type GiftCardBalanceView = z.infer<typeof giftCardBalanceSchema>;

export type GiftCardRow = {
  id: string;
  lastFour: string;
  currency: string;
  initialCents: number;
  balanceCents: number;
  expiresAt: string | null;
  status: z.infer<typeof giftCardStatusSchema>;
  recipientEmail: string | null;
  sourceOrderNumber: string | null;
  createdAt: string;
};

export type LedgerEntryView = {
  id: string;
  kind: 'issue' | 'redeem' | 'refund' | 'adjust';
  amountCents: number;
  balanceAfterCents: number;
  reason: string | null;
  orderNumber: string | null;
  createdAt: string;
};

export type GiftCardDetail = GiftCardRow & { recipientName: string | null; note: string | null; ledger: (LedgerEntryView & { actorEmail: string | null })[] };

export type CustomerCreditView = {
  balances: { currency: string; balanceCents: number }[];
  ledger: (LedgerEntryView & { currency: string })[];
};
