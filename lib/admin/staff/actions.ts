'use server';

import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/auth/guards';
import { changeStaffRoleSchema, createStaffSchema, staffStatusSchema } from '@/lib/auth/staff/schemas';
import { changeStaffRole, createStaffMember, setStaffStatus } from '@/lib/auth/staff/service';

export const createStaffAction = adminAction(createStaffSchema, async (input, ctx) => {
  const id = await createStaffMember({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  revalidatePath('/admin/staff');
  return id;
});

export const changeStaffRoleAction = adminAction(changeStaffRoleSchema, async (input, ctx) => {
  await changeStaffRole({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.id, input.role);
  revalidatePath('/admin/staff');
  return input.role;
});

export const setStaffStatusAction = adminAction(staffStatusSchema, async (input, ctx) => {
  await setStaffStatus({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.id, input.status);
  revalidatePath('/admin/staff');
  return input.status;
});
