// GET /api/ready — readiness: can this instance serve traffic? Checks the database and Redis (when configured).
// 503 when the database is down; 200 with status "degraded" when only Redis is (shopping works without it, see
// lib/health/service.ts). Bounded by a deadline so a hung dependency cannot hang the probe.
import { NextResponse } from 'next/server';
import { currentReadiness } from '@/lib/health/service';
import { route } from '@/lib/auth/guards';

export const GET = route({}, async () => {
  const readiness = await currentReadiness();
  return NextResponse.json(readiness, {
    status: readiness.status === 'unavailable' ? 503 : 200,
    headers: { 'cache-control': 'no-store' },
  });
});
