'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-types';
import { invalidatePromotions } from '@/lib/catalog/cache';
import type { ActionContext } from '@/lib/http/action';
import { customerGroupSchema, groupMemberRemoveSchema, groupMemberSchema, promotionFormSchema, promotionIdSchema } from '@/lib/promotions/schemas';
import { addGroupMembers, deletePromotion, removeGroupMember, saveCustomerGroup, savePromotion } from '@/lib/promotions/service';

// Staff's promotion and customer group actions, thin over lib/promotions: the wrapper authorises and parses, the
// service writes and audits; product pages that advertise promotions are purged here.

function actor(ctx: ActionContext<SessionUser>) {
  return { user: ctx.user, requestId: ctx.requestId, ip: ctx.ip };
}

export const savePromotionAction = adminAction(promotionFormSchema, async (input, ctx) => {
  const saved = await savePromotion(actor(ctx), input);
  invalidatePromotions(saved.affected);
  revalidatePath('/admin/promotions');
  return saved.id;
});

export const deletePromotionAction = adminAction(promotionIdSchema, async (input, ctx) => {
  const deleted = await deletePromotion(actor(ctx), input.id);
  invalidatePromotions(deleted.affected);
  revalidatePath('/admin/promotions');
  redirect('/admin/promotions');
});

export const saveCustomerGroupAction = adminAction(customerGroupSchema, async (input, ctx) => {
  const id = await saveCustomerGroup(actor(ctx), input);
  revalidatePath('/admin/customer-groups');
  return id;
}, { successMessage: 'Group saved.' });

export const addGroupMemberAction = adminAction(groupMemberSchema, async (input, ctx) => {
  const result = await addGroupMembers(actor(ctx), input);
  revalidatePath('/admin/customer-groups');
  return result;
}, {
  successMessage: (result) =>
    `${result.added === 1 ? '1 customer added' : `${result.added} customers added`}.${result.unknown.length > 0 ? ` No customer has ${result.unknown.slice(0, 5).join(', ')}${result.unknown.length > 5 ? ` and ${result.unknown.length - 5} more` : ''}.` : ''}`,
});

export const removeGroupMemberAction = adminAction(groupMemberRemoveSchema, async (input, ctx) => {
  await removeGroupMember(actor(ctx), input);
  revalidatePath('/admin/customer-groups');
}, { successMessage: 'Customer removed.' });
