'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { secondFactorCodeSchema } from '@/lib/auth/schemas';
import { withTwoFactorCodeBudget } from '@/lib/auth/throttle';
import { confirmTotpEnrollment, disableTwoFactor, regenerateRecoveryCodes, startTotpEnrollment } from '@/lib/auth/two-factor';
import { staffAction } from '@/lib/auth/guards';

// Your own two-factor settings. The enrollment actions stay open to an admin the store requires to enroll
// (allowWithoutTwoFactor); everything else in the panel is closed to them until they do.

const codeSchema = z.object({ code: secondFactorCodeSchema });
const totpCodeSchema = z.object({ code: z.string().trim().regex(/^\d{3} ?\d{3}$/, 'Enter the 6-digit code from your app.') });

export const startTwoFactorAction = staffAction(
  z.object({}),
  async (_input, ctx) => {
    await startTotpEnrollment(ctx.user.id);
    revalidatePath('/admin/security');
    return null;
  },
  { allowWithoutTwoFactor: true },
);

export const confirmTwoFactorAction = staffAction(
  totpCodeSchema,
  async (input, ctx) => withTwoFactorCodeBudget(ctx.user.id, () => confirmTotpEnrollment({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.code)),
  { allowWithoutTwoFactor: true },
);

export const regenerateRecoveryCodesAction = staffAction(codeSchema, async (input, ctx) =>
  withTwoFactorCodeBudget(ctx.user.id, () => regenerateRecoveryCodes({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.code)),
);

export const disableTwoFactorAction = staffAction(codeSchema, async (input, ctx) => {
  await withTwoFactorCodeBudget(ctx.user.id, () => disableTwoFactor({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.code));
  revalidatePath('/admin/security');
  return null;
});
