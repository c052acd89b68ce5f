import 'server-only';
import { mergeGuestCart } from '@/lib/cart/service';
import { AppError } from '@/lib/errors';
import { type ApiTokens, createApiSession } from './api-tokens';
import { authenticateWithinLimits, withSignInBudget } from './throttle';
import { verifySecondFactor } from './two-factor';

// The Store API's sign-in: the web sign-in's checks in the same order and within the same budget (password failures
// per account at an address and per address, reserved before the check), then the second factor for accounts that
// have it, counted like the web's code step. A guest cart the client names joins the customer's cart.

const CODE_MESSAGE = 'That code is not correct or was already used. Wait for a new code and try again.';

export async function signInForApi(
  input: { email: string; password: string; code?: string },
  ip: string,
  guestCartToken: string | null,
): Promise<ApiTokens> {
  const user = await authenticateWithinLimits(input.email, input.password, ip);
  if (!user) throw new AppError('unauthenticated', 'The email or password is not correct.');
  if (user.twoFactorEnabled) {
    const code = input.code;
    if (!code) {
      const message = 'Enter the 6-digit code from your authenticator app, or a recovery code.';
      throw new AppError('validation_failed', message, { fieldErrors: { code: [message] } });
    }
    const ok = await withSignInBudget(`user:${user.id}`, ip, async () => ((await verifySecondFactor(user.id, code)) ? true : null));
    if (!ok) throw new AppError('validation_failed', CODE_MESSAGE, { fieldErrors: { code: [CODE_MESSAGE] } });
  }
  if (guestCartToken) await mergeGuestCart(guestCartToken, user.id);
  return createApiSession(user);
}
