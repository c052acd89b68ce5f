// GET /api/admin/customers/[id]/export — a customer's data as JSON, for an admin answering their access request. Audited.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { exportCustomerDataForStaff, exportFileName } from '@/lib/customers/privacy';
import { route } from '@/lib/auth/guards';

export const GET = route({ auth: 'admin', params: z.object({ id: z.uuid() }) }, async ({ user, params, requestId, log }) => {
  const data = await exportCustomerDataForStaff({ user: user!, requestId }, params.id);
  log.info('customer data export by staff');
  return NextResponse.json(data, {
    headers: { 'content-disposition': `attachment; filename="${exportFileName()}"`, 'cache-control': 'no-store' },
  });
});
