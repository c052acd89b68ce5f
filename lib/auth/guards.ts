import 'server-only';
import { createActionWrappers } from '@/lib/http/action';
import type { AccessPort } from '@/lib/http/policy';
import { createRoute } from '@/lib/http/route';
import type { SessionUser } from './session-types';

// The store's server-action and route wrappers, built over its session. lib/http holds the wrappers' one core and
// knows no domain; this is where the session meets it. Loaded on demand, so routes that never declare `auth`
// (health, metrics) never pull in the session stack.
const access: AccessPort<SessionUser> = {
  currentUser: async () => (await import('./session')).getSessionUser(),
  mustEnrollTwoFactor: async (user) => (await import('./two-factor')).mustEnrollTwoFactor(user),
};

export const { publicAction, customerAction, staffAction, adminAction } = createActionWrappers(access);

export const route = createRoute(access);
