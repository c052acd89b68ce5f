'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction, staffAction } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-types';
import { invalidateProductPages } from '@/lib/catalog/cache';
import { type ActionContext } from '@/lib/http/action';
import { parseMoney } from '@/lib/money';
import { completeReturnSchema, receiveReturnSchema, rejectReturnSchema, returnPolicySchema, returnRefSchema, returnRequestSchema } from '@/lib/returns/schemas';
import { approveReturn, completeReturn, getReturnPolicy, rejectReturn, receiveReturn, requestReturn, updateReturnPolicy } from '@/lib/returns/service';
import { AppError } from '@/lib/errors';
import { MoneyError } from '@/lib/money';

// Staff's moves on a return, thin over lib/returns: the wrapper authorises, parses and rate limits; the service moves
// the return once (conditional updates) and audits. Completing moves money, so like refunds it is for admins.

function actor(ctx: ActionContext<SessionUser>) {
  return { user: ctx.user, requestId: ctx.requestId, ip: ctx.ip };
}

function refresh(number: string, orderNumber?: string) {
  revalidatePath('/admin/returns');
  revalidatePath(`/admin/returns/${number}`);
  if (orderNumber) revalidatePath(`/admin/orders/${orderNumber}`);
}

/** Staff open a return for a customer (by phone or email); the window does not bind them. */
export const openReturnAction = staffAction(
  returnRequestSchema,
  async (input, ctx) => {
    const created = await requestReturn({ kind: 'staff', actor: actor(ctx) }, input);
    invalidateProductPages(created.productSlugs);
    refresh(created.number, input.number);
    redirect(`/admin/returns/${created.number}?opened=1`);
  },
);

export const approveReturnAction = staffAction(
  returnRefSchema,
  async (input, ctx) => {
    await approveReturn(actor(ctx), input.number);
    refresh(input.number);
    return { number: input.number };
  },
  { successMessage: 'Return approved.' },
);

export const rejectReturnAction = staffAction(
  rejectReturnSchema,
  async (input, ctx) => {
    const { releasedUnits, productSlugs } = await rejectReturn(actor(ctx), input.number, input.reason);
    invalidateProductPages(productSlugs);
    refresh(input.number);
    return { releasedUnits };
  },
  { successMessage: (data) => `Return rejected; the customer has been emailed.${data.releasedUnits > 0 ? ` ${data.releasedUnits} held for exchange back in stock.` : ''}` },
);

export const receiveReturnAction = staffAction(
  receiveReturnSchema,
  async (input, ctx) => {
    const result = await receiveReturn(actor(ctx), input);
    // Restocked units are for sale again: the product pages must say so at once.
    invalidateProductPages(result.productSlugs);
    refresh(input.number);
    return { restocked: result.restocked, writtenOff: result.writtenOff };
  },
  { successMessage: (data) => `Received: ${data.restocked} back in stock, ${data.writtenOff} written off.` },
);

export const completeReturnAction = adminAction(
  completeReturnSchema,
  async (input, ctx) => {
    const result = await completeReturn(actor(ctx), input.number, { refundMethod: input.refundMethod });
    refresh(input.number);
    if (result.exchangeOrderNumber) revalidatePath('/admin/orders');
    return result;
  },
  { successMessage: 'Return completed.' },
);

export const updateReturnPolicyAction = adminAction(
  returnPolicySchema,
  async (input, ctx) => {
    const { currency } = await getReturnPolicy();
    let fee = 0;
    try {
      fee = parseMoney(input.returnShippingFee || '0', currency).amountCents;
    } catch (error) {
      if (error instanceof MoneyError) throw new AppError('validation_failed', 'Enter a fee like 4.95, or 0 for free returns.', { fieldErrors: { returnShippingFee: ['Enter a fee like 4.95, or 0 for free returns.'] } });
      throw error;
    }
    await updateReturnPolicy(actor(ctx), { returnWindowDays: input.returnWindowDays, returnReasons: input.returnReasons, returnShippingFeeCents: fee, returnRefundDestination: input.returnRefundDestination });
    revalidatePath('/admin/settings', 'layout');
    return null;
  },
  { successMessage: 'Return policy saved.' },
);
