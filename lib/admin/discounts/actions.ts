'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/lib/auth/guards';
import { discountIdSchema, discountSchema } from '@/lib/discounts/schemas';
import { deleteDiscount, saveDiscount } from '@/lib/discounts/service';

export const saveDiscountAction = adminAction(discountSchema, async (input, ctx) => {
  const id = await saveDiscount({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  revalidatePath('/admin/discounts');
  return id;
});

export const deleteDiscountAction = adminAction(discountIdSchema, async (input, ctx) => {
  await deleteDiscount({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.id);
  revalidatePath('/admin/discounts');
  // The discount's own page no longer exists.
  redirect('/admin/discounts');
});
