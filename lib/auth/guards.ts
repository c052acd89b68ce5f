import 'server-only';
import { AppError } from '@/lib/errors';
import { createActionWrappers } from '@/lib/http/action';
import { isStoreApiPath } from '@/lib/http/cors';
import type { AccessPort } from '@/lib/http/policy';
import { createRoute } from '@/lib/http/route';
import type { SessionUser } from './session-types';

// The store's server-action and route wrappers, built over its session. lib/http holds the wrappers' one core and
// knows no domain; this is where the session meets it. Loaded on demand, so routes that never declare `auth`
// (health, metrics) never pull in the session stack.
//
// A Store API request may carry a customer's bearer token (lib/auth/api-tokens.ts) instead of the cookie session.
// One that is sent is the only identity read: an invalid or expired token is 401, never a fallback to the cookie.
// Other routes never read one (their Authorization header is theirs).
const invalidToken = () =>
  new AppError('unauthenticated', 'The access token is invalid or has expired.', { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });

const access: AccessPort<SessionUser> = {
  currentUser: async (request) => {
    if (request) {
      if (!isStoreApiPath(new URL(request.url).pathname)) return (await import('./session')).getSessionUser();
      const tokens = await import('./api-tokens');
      const bearer = tokens.bearerToken(request);
      if (bearer !== null) {
        const user = bearer ? await tokens.resolveAccessToken(bearer) : null;
        if (!user) throw invalidToken();
        return user;
      }
      // Outside a Next request scope (a handler called directly) there is no cookie session: anonymous.
      return (await import('./session')).getSessionUser().catch(() => null);
    }
    return (await import('./session')).getSessionUser();
  },
  mustEnrollTwoFactor: async (user) => (await import('./two-factor')).mustEnrollTwoFactor(user),
};

export const { publicAction, customerAction, staffAction, adminAction } = createActionWrappers(access);

export const route = createRoute(access);
