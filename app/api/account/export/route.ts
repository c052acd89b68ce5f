// GET /api/account/export — the signed-in customer's data (profile, addresses, orders, cart) as a JSON download.
import { NextResponse } from 'next/server';
import { exportCustomerData, exportFileName } from '@/lib/customers/privacy';
import { route } from '@/lib/auth/guards';

export const GET = route({ auth: 'customer' }, async ({ user, log }) => {
  const data = await exportCustomerData(user!.id);
  log.info('customer data export');
  return NextResponse.json(data, {
    headers: { 'content-disposition': `attachment; filename="${exportFileName()}"`, 'cache-control': 'no-store' },
  });
});
