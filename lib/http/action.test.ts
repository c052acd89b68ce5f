import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: 'customer' | 'staff' | 'admin' } }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('@/lib/redis/client', () => ({ getRedis: () => null }));
// The boot hook's header carries the socket address; the spoofed X-Forwarded-For beside it must be ignored.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-storefront-client-ip': '203.0.113.7', 'x-forwarded-for': '6.6.6.6' }) }));
// Whether the signed-in admin still has to enroll in two-factor (the store setting is on and they have none).
const twoFactor = vi.hoisted(() => ({ mustEnroll: false }));
vi.mock('@/lib/auth/two-factor', () => ({ mustEnrollTwoFactor: async () => twoFactor.mustEnroll }));

const { installServerLayer } = await import('@/lib/server/install');
installServerLayer({ trustedProxyHops: 0, door: null, shutdown: null });
const { customerAction, formDataToObject, publicAction, staffAction } = await import('./action');
const { AppError } = await import('@/lib/errors');

const schema = z.object({ quantity: z.coerce.number().int().min(1) });

describe('action wrapper', () => {
  beforeEach(() => {
    session.user = null;
    twoFactor.mustEnroll = false;
  });

  it('refuses staff actions to an admin who must enroll in two-factor, except those marked for enrollment', async () => {
    session.user = { id: 'u2', email: 'a@example.com', name: '', role: 'admin' };
    twoFactor.mustEnroll = true;
    const handler = vi.fn(async () => 'done');
    expect(await staffAction(schema, handler)({ quantity: 1 })).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('two-factor') });
    expect(handler).not.toHaveBeenCalled();
    expect(await staffAction(schema, handler, { allowWithoutTwoFactor: true })({ quantity: 1 })).toEqual({ ok: true, data: 'done' });
    twoFactor.mustEnroll = false;
    expect(await staffAction(schema, handler)({ quantity: 1 })).toEqual({ ok: true, data: 'done' });
  });

  it('parses FormData with zod before the handler runs, and returns field errors instead of throwing', async () => {
    const handler = vi.fn(async (input: { quantity: number }) => input.quantity * 2);
    const action = publicAction(schema, handler);
    const form = new FormData();
    form.set('quantity', '-3');
    expect(await action(form)).toMatchObject({ ok: false, code: 'validation_failed', fieldErrors: { quantity: [expect.any(String)] } });
    expect(handler).not.toHaveBeenCalled();
    form.set('quantity', '4');
    expect(await action(form)).toEqual({ ok: true, data: 8 });
  });

  it('refuses anonymous callers of customer actions and customers of staff actions, before parsing', async () => {
    const handler = vi.fn(async () => 'secret');
    expect(await customerAction(schema, handler)({ quantity: 1 })).toMatchObject({ ok: false, code: 'unauthenticated' });
    session.user = { id: 'u1', email: 'c@example.com', name: '', role: 'customer' };
    expect(await staffAction(schema, handler)({ quantity: 1 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(handler).not.toHaveBeenCalled();
    expect(await customerAction(schema, async (_input, ctx) => ctx.user.id)({ quantity: 1 })).toEqual({ ok: true, data: 'u1' });
    session.user = { ...session.user, role: 'admin' };
    expect(await staffAction(schema, handler)({ quantity: 1 })).toEqual({ ok: true, data: 'secret' });
  });

  it('passes AppError messages through and hides unexpected errors', async () => {
    const refused = publicAction(schema, async () => {
      throw new AppError('conflict', 'Sold out.');
    });
    expect(await refused({ quantity: 1 })).toEqual({ ok: false, code: 'conflict', message: 'Sold out.', fieldErrors: undefined });
    const crashed = publicAction(schema, async () => {
      throw new Error('password=hunter2');
    });
    const result = await crashed({ quantity: 1 });
    expect(result).toMatchObject({ ok: false, code: 'internal' });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('lets Next control-flow errors (redirect) through', async () => {
    const redirecting = publicAction(schema, async () => {
      throw Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/account;307;' });
    });
    await expect(redirecting({ quantity: 1 })).rejects.toThrow('NEXT_REDIRECT');
  });

  it('counts rate limits per subject after parsing and refuses with rate_limited past the limit', async () => {
    const limit = { name: `wrapper-${Math.random()}`, limit: 2, windowS: 600, failMode: 'local' as const };
    const seen: string[] = [];
    const action = publicAction(schema, async () => 'ok', {
      rateLimit: (input, { ip }) => {
        seen.push(ip);
        return [[limit, `${ip}:${input.quantity}`]];
      },
    });
    expect(await action({ quantity: 1 })).toEqual({ ok: true, data: 'ok' });
    expect(await action({ quantity: 1 })).toEqual({ ok: true, data: 'ok' });
    expect(await action({ quantity: 1 })).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(await action({ quantity: 2 })).toEqual({ ok: true, data: 'ok' });
    expect(seen[0]).toBe('203.0.113.7');
  });

  it('turns repeated form keys into arrays and drops Next internals', () => {
    const form = new FormData();
    form.append('tag', 'a');
    form.append('tag', 'b');
    form.append('$ACTION_ID_abc', '');
    expect(formDataToObject(form)).toEqual({ tag: ['a', 'b'] });
  });
});
