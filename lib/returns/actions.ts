'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { customerAction, publicAction } from '@/lib/auth/guards';
import { invalidateProductPages } from '@/lib/catalog/cache';
import { AppError } from '@/lib/errors';
import { orderLookupLimits } from '@/lib/orders/limits';
import { getReturnableOrder, listReturnsForOrder } from './queries';
import { guestReturnLookupSchema, guestReturnRequestSchema, returnRefSchema, returnRequestSchema } from './schemas';
import { cancelReturn, requestReturn } from './service';

// The shoppers' return actions; staff's are in lib/admin/returns/actions.ts. A guest proves the order is theirs with
// its email on every call, and every guest call counts against the order lookup's limit (a guessing target).

export const requestReturnAction = customerAction(
  returnRequestSchema,
  async (input, ctx) => {
    const created = await requestReturn({ kind: 'customer', userId: ctx.user.id }, input);
    // An exchange held stock: the product pages must show it at once.
    invalidateProductPages(created.productSlugs);
    revalidatePath(`/account/orders/${input.number}`);
    // The order page's return form has nothing left to show once everything is asked for: land on the return itself.
    redirect(`/account/returns/${created.number}?requested=1`);
  },
);

export const cancelReturnAction = customerAction(
  returnRefSchema,
  async (input, ctx) => {
    const { productSlugs } = await cancelReturn({ kind: 'customer', userId: ctx.user.id }, input.number);
    invalidateProductPages(productSlugs);
    revalidatePath(`/account/returns/${input.number}`);
    return { number: input.number };
  },
  { successMessage: 'Return cancelled.' },
);

/** A guest's first step: the order (number and email) with what can still be returned, and its returns so far. */
export const lookupReturnableOrderAction = publicAction(
  guestReturnLookupSchema,
  async (input) => {
    const scope = { kind: 'guest' as const, email: input.email };
    const order = await getReturnableOrder(input.number, scope);
    // Wrong number and wrong email read the same.
    if (!order) throw new AppError('not_found', 'We could not find an order with that number and email address.');
    return { order, email: input.email, returns: await listReturnsForOrder(input.number, scope) };
  },
  { rateLimit: orderLookupLimits },
);

export const requestGuestReturnAction = publicAction(
  guestReturnRequestSchema,
  async ({ email, ...input }) => {
    const created = await requestReturn({ kind: 'guest', email }, input);
    invalidateProductPages(created.productSlugs);
    return { number: created.number, status: created.status };
  },
  { rateLimit: orderLookupLimits, successMessage: (data) => `Return ${data.number} requested. We have emailed you the instructions.` },
);
