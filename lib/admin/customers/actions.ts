'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/admin/actor';
import { eraseCustomerForStaff } from '@/lib/customers/privacy';
import { staffEraseCustomerSchema } from '@/lib/customers/schemas';
import { adminAction, staffAction } from '@/lib/auth/guards';
import { customerStatusSchema } from '@/lib/customers/schemas';
import { setCustomerStatus } from '@/lib/customers/service';

export const setCustomerStatusAction = staffAction(customerStatusSchema, async (input, ctx) => {
  await setCustomerStatus({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.id, input.status);
  revalidatePath(`/admin/customers/${input.id}`);
  return input.status;
});

/** Admins only: erasing personal data on a customer's request (the customer can also do it from their account). */
export const eraseCustomerAction = adminAction(staffEraseCustomerSchema, async (input, ctx) => {
  // No revalidatePath: re-rendering the page now would unmount this form (an erased customer has no privacy
  // section) and with it the outcome the admin needs to read. The message says to reload.
  return eraseCustomerForStaff(actorOf(ctx), input.id, input.confirmEmail);
});
