import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: 'customer' | 'staff' | 'admin' } }));
vi.mock('@/lib/redis/client', () => ({ getRedis: () => null }));
// The boot hook's header carries the socket address; the spoofed X-Forwarded-For beside it must be ignored.
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-storefront-client-ip': '203.0.113.7', 'x-forwarded-for': '6.6.6.6' }),
  cookies: async () => new Map([['sf_cart', { value: 'cart-token' }]]),
}));
// Whether the signed-in admin still has to enroll in two-factor (the store setting is on and they have none).
const twoFactor = vi.hoisted(() => ({ mustEnroll: false }));

const { installServerLayer } = await import('@/lib/server/install');
installServerLayer({ trustedProxyHops: 0, door: null, shutdown: null });
const { createActionWrappers, formDataToObject } = await import('./action');
// The wrappers over a session port this test controls (the store's own port is lib/auth/guards.ts).
const { customerAction, publicAction, staffAction } = createActionWrappers({
  currentUser: async () => session.user,
  mustEnrollTwoFactor: async () => twoFactor.mustEnroll,
});
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
    expect(await action(form)).toEqual({ ok: true, data: 8, values: { quantity: '4' } });
  });

  it('is handed to useActionState as it is: (previous, formData) → the same result, typed values echoed, secrets never', async () => {
    const signUp = publicAction(z.object({ email: z.email(), password: z.string().min(12) }), async () => 'welcome', {
      successMessage: (data) => `Done: ${data}`,
    });
    const form = new FormData();
    form.set('email', 'not-an-email');
    form.set('password', 'hunter2');
    form.set('$ACTION_ID_abc', '');
    const refused = await signUp(null, form);
    expect(refused).toMatchObject({ ok: false, code: 'validation_failed', values: { email: 'not-an-email' } });
    expect(refused.ok ? null : refused.fieldErrors).toHaveProperty('email');
    expect(JSON.stringify(refused)).not.toContain('hunter2');
    expect(JSON.stringify(refused)).not.toContain('ACTION');
    form.set('email', 'shopper@example.com');
    form.set('password', 'a long enough password');
    expect(await signUp(refused, form)).toEqual({ ok: true, data: 'welcome', message: 'Done: welcome', values: { email: 'shopper@example.com' } });
  });

  it('names field errors as the form does when its fields differ from the schema paths', async () => {
    const place = publicAction(z.object({ shippingAddress: z.object({ postalCode: z.string().min(3) }) }), async () => 'placed', {
      formFieldName: (path) => path.replace(/^shippingAddress\./, 'shipping.'),
    });
    const result = await place({ shippingAddress: { postalCode: '' } });
    expect(result.ok ? null : result.fieldErrors).toEqual({ 'shipping.postalCode': [expect.any(String)] });
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
      rateLimit: (input, client) => {
        seen.push(`${client.ip} ${client.cookie('sf_cart')}`);
        return [[limit, `${client.ip}:${input.quantity}`]];
      },
    });
    expect(await action({ quantity: 1 })).toEqual({ ok: true, data: 'ok' });
    expect(await action({ quantity: 1 })).toEqual({ ok: true, data: 'ok' });
    expect(await action({ quantity: 1 })).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(await action({ quantity: 2 })).toEqual({ ok: true, data: 'ok' });
    expect(seen[0]).toBe('203.0.113.7 cart-token');
  });

  it('turns repeated form keys into arrays and drops Next internals', () => {
    const form = new FormData();
    form.append('tag', 'a');
    form.append('tag', 'b');
    form.append('$ACTION_ID_abc', '');
    expect(formDataToObject(form)).toEqual({ tag: ['a', 'b'] });
  });
});
