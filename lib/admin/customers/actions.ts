'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/http/action';
import { customerStatusSchema } from './schemas';
import { setCustomerStatus } from './service';

export const setCustomerStatusAction = staffAction(customerStatusSchema, async (input, ctx) => {
  await setCustomerStatus({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.id, input.status);
  revalidatePath(`/admin/customers/${input.id}`);
  return input.status;
});
