// GET/POST /api/auth/* — next-auth's own endpoints (session, CSRF, sign-out).
import type { NextRequest } from 'next/server';
import { GET, POST as authPost } from '@/lib/auth/handlers';

export { GET };

// Passwords are checked only through the sign-in server action (lib/auth/actions.ts), which applies the sign-in
// rate limits first; it calls next-auth in-process, never through this route. Posting credentials here directly
// would skip those limits, so that one endpoint answers 404.
export async function POST(request: NextRequest) {
  if (/\/callback\/credentials\/?$/i.test(request.nextUrl.pathname)) {
    return Response.json({ error: { code: 'not_found', message: 'Not found.' } }, { status: 404 });
  }
  return authPost(request);
}
