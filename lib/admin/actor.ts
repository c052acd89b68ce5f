import type { ActionContext } from '@/lib/http/action';
import type { SessionUser } from '@/lib/auth/session-types';
import type { AuditActor } from '@/lib/audit/service';

/** The audit actor of a staff action or route. */
export function actorOf(ctx: Pick<ActionContext<SessionUser>, 'user' | 'requestId' | 'ip'>): AuditActor {
  return { user: ctx.user, requestId: ctx.requestId, ip: ctx.ip };
}
