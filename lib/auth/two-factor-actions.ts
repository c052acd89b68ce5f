'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { customerAction } from '@/lib/auth/guards';
import { secondFactorCodeSchema } from './schemas';
import { withTwoFactorCodeBudget } from './throttle';
import { confirmTotpEnrollment, disableTwoFactor, regenerateRecoveryCodes, startTotpEnrollment } from './two-factor';

// Two-factor for customers (issue 14): the same TOTP enrollment, recovery codes and sign-in step as staff
// (lib/auth/two-factor.ts), on the account's Security page. Every code typed here is checked inside the user's
// code budget, reserved before the check (withTwoFactorCodeBudget).

const codeSchema = z.object({ code: secondFactorCodeSchema });
const totpCodeSchema = z.object({ code: z.string().trim().regex(/^\d{3} ?\d{3}$/, 'Enter the 6-digit code from your app.') });

export const startAccountTwoFactorAction = customerAction(z.object({}), async (_input, ctx) => {
  await startTotpEnrollment(ctx.user.id);
  revalidatePath('/account/security');
  return null;
});

export const confirmAccountTwoFactorAction = customerAction(totpCodeSchema, async (input, ctx) =>
  withTwoFactorCodeBudget(ctx.user.id, () => confirmTotpEnrollment({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.code)),
);

export const regenerateAccountRecoveryCodesAction = customerAction(codeSchema, async (input, ctx) =>
  withTwoFactorCodeBudget(ctx.user.id, () => regenerateRecoveryCodes({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.code)),
);

export const disableAccountTwoFactorAction = customerAction(codeSchema, async (input, ctx) => {
  await withTwoFactorCodeBudget(ctx.user.id, () => disableTwoFactor({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.code));
  revalidatePath('/account/security');
  return null;
});
