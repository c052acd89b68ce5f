import { NextResponse } from 'next/server';
import { route } from '@/lib/auth/guards';
import { registerLimits } from '@/lib/auth/limits';
import { apiRegisterSchema } from '@/lib/auth/schemas';
import { registerUser } from '@/lib/auth/service';

// POST /api/store/v1/auth/register — create a customer account. The same answer whether or not the address already
// had one (its owner is emailed instead), so this cannot be used to find accounts; the client signs in next.
// The web's password rules (length, strength, breached list when configured) and registration limit apply.
export const POST = route({ body: apiRegisterSchema, rateLimit: registerLimits }, async ({ body }) => {
  await registerUser(body);
  return NextResponse.json(
    { message: 'Thanks! If the address can be used, the account is ready: sign in with it. We also sent a message to the inbox.' },
    { status: 202 },
  );
});
