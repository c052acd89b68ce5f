// GET /api/ready — readiness: can this instance serve traffic? Checks the database and Redis (when configured);
// 503 with the reason when one is down. Bounded by a deadline so a hung dependency cannot hang the probe.
import { NextResponse } from 'next/server';
import { currentReadiness } from '@/lib/health/service';
import { route } from '@/lib/http/route';

export const GET = route({}, async () => {
  const readiness = await currentReadiness();
  return NextResponse.json(readiness, {
    status: readiness.status === 'ready' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
});
