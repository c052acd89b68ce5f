'use server';

import { revalidatePath } from 'next/cache';
import { adminAction, staffAction } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-types';
import { type ActionContext } from '@/lib/http/action';
import { parseMoney } from '@/lib/money';
import { AppError } from '@/lib/errors';
import { getGiftCardDetail } from '@/lib/gift-cards/queries';
import { adjustGiftCardSchema, adjustStoreCreditSchema, giftCardIdSchema, issueGiftCardSchema } from '@/lib/gift-cards/schemas';
import { adjustGiftCard, adjustStoreCredit, issueGiftCardByStaff, setGiftCardDisabled } from '@/lib/gift-cards/service';

// Staff's gift card and store credit actions, thin over lib/gift-cards: the wrapper authorises, parses and rate
// limits; the service writes and audits.

function actor(ctx: ActionContext<SessionUser>) {
  return { user: ctx.user, requestId: ctx.requestId, ip: ctx.ip };
}

/** Staff issue a card: the answer carries the code, shown once in the page and never again. Admins only. */
export const issueGiftCardAction = adminAction(issueGiftCardSchema, async (input, ctx) => {
  const card = await issueGiftCardByStaff(actor(ctx), { ...input, amountCents: parseMoney(input.amount, input.currency).amountCents });
  revalidatePath('/admin/gift-cards');
  return { id: card.id, code: card.code, lastFour: card.lastFour };
}, { successMessage: 'Gift card issued. Copy the code now: it is not shown again.' });

export const adjustGiftCardAction = adminAction(adjustGiftCardSchema, async (input, ctx) => {
  const card = await getGiftCardDetail(input.id);
  if (!card) throw new AppError('not_found', 'No such gift card.');
  const currency = card.currency;
  const { balanceCents } = await adjustGiftCard(actor(ctx), input.id, parseMoney(input.amount.replace(/^-/, ''), currency).amountCents * (input.amount.startsWith('-') ? -1 : 1), input.reason);
  revalidatePath('/admin/gift-cards');
  revalidatePath(`/admin/gift-cards/${input.id}`);
  return { balanceCents };
}, { successMessage: 'Balance adjusted.' });

export const setGiftCardDisabledAction = adminAction(giftCardIdSchema, async (input, ctx) => {
  await setGiftCardDisabled(actor(ctx), input.id, input.disabled);
  revalidatePath('/admin/gift-cards');
  revalidatePath(`/admin/gift-cards/${input.id}`);
  return { disabled: input.disabled };
}, { successMessage: (data) => (data.disabled ? 'Gift card disabled.' : 'Gift card enabled.') });

/** Store credit on the customer page: staff may give or take credit with a reason. */
export const adjustStoreCreditAction = staffAction(adjustStoreCreditSchema, async (input, ctx) => {
  const negative = input.amount.startsWith('-');
  const cents = parseMoney(input.amount.replace(/^-/, ''), input.currency).amountCents;
  const { balanceCents } = await adjustStoreCredit(actor(ctx), { customerId: input.customerId, currency: input.currency, deltaCents: negative ? -cents : cents, reason: input.reason });
  revalidatePath(`/admin/customers/${input.customerId}`);
  return { balanceCents };
}, { successMessage: 'Store credit updated.' });
