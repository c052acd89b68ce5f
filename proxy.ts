import { NextResponse, type NextRequest } from 'next/server';
import { requestIdFrom } from '@/lib/http/request-id';

// Gives every page, server action and route-handler response an `x-request-id`, and hands the same id to the
// handler (route() reuses it), so a support ticket quoting it leads to the log lines. Deliberately nothing else:
// this runs on every request, so it stays a header copy — no session, no I/O (and it is never an access lock).
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  // Static assets and optimised images are served as files; they need no id.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
