// GET /api/health — liveness: the process is up and answering. Touches no dependency, so a database outage
// never makes the orchestrator kill healthy tasks.
import { NextResponse } from 'next/server';
import { route } from '@/lib/auth/guards';

export const GET = route({}, () =>
  NextResponse.json(
    { status: 'ok', uptimeS: Math.round(process.uptime()) },
    { headers: { 'cache-control': 'no-store' } },
  ),
);
