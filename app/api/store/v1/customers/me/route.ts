import { NextResponse } from 'next/server';
import { route } from '@/lib/auth/guards';
import { getProfile } from '@/lib/auth/service';
import { AppError } from '@/lib/errors';

// GET /api/store/v1/customers/me — the signed-in customer.
export const GET = route({ auth: 'customer' }, async ({ user }) => {
  const profile = await getProfile(user!.id);
  if (!profile) throw new AppError('not_found', 'No such customer.');
  return NextResponse.json({ customer: { id: profile.id, email: profile.email, name: profile.name, emailVerified: profile.emailVerified } });
});
