import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { closeConnection, db } from '@/db/client';
import { storeSettings } from '@/db/schema';
import { createPerson } from '@/lib/admin/testing/people';
import type { SessionUser } from '@/lib/auth/session-types';
import { confirmTotpEnrollment, startTotpEnrollment } from '@/lib/auth/two-factor';

// The store's "require two-factor for admins" setting, enforced by the page guard and the action wrapper against
// the real database. Only the request-bound parts are stood in for: which user the session cookie names, and the
// request headers (there is no HTTP request in this test).
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.8' }),
  cookies: async () => new Map<string, { value: string }>(),
}));

const { requireStaffPage } = await import('@/lib/admin/guard');
const { route, staffAction } = await import('@/lib/auth/guards');
const { NextRequest } = await import('next/server');

const adminRoute = route({ auth: 'admin' }, () => Response.json({ ok: true }));
const callAdminRoute = () => adminRoute(new NextRequest('http://localhost/api/admin/example'), { params: Promise.resolve({}) });

const setRequirement = (on: boolean) => db.update(storeSettings).set({ requireAdminTwoFactor: on }).where(eq(storeSettings.id, 1));

async function signedIn(role: 'staff' | 'admin') {
  const person = await createPerson(role);
  session.user = { id: person.id, email: person.email, name: '', role };
  return person;
}

function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: string })?.digest;
  return digest?.startsWith('NEXT_REDIRECT') ? digest.split(';')[2]! : null;
}

beforeEach(() => setRequirement(true));

afterAll(async () => {
  await setRequirement(false);
  await closeConnection();
});

describe('two-factor required for admins', () => {
  it('sends an admin without two-factor from any admin page to /admin/security, which stays open', async () => {
    await signedIn('admin');
    const refused = await requireStaffPage('admin', '/admin/settings').catch((error: unknown) => error);
    expect(redirectTarget(refused)).toBe('/admin/security?required=1');
    await expect(requireStaffPage('staff', '/admin/security')).resolves.toMatchObject({ role: 'admin' });

    await setRequirement(false);
    await expect(requireStaffPage('admin', '/admin/settings')).resolves.toMatchObject({ role: 'admin' });
  });

  it('refuses admin actions to that admin except enrollment, and lets them through once enrolled', async () => {
    const admin = await signedIn('admin');
    const handler = vi.fn(async () => 'written');
    const write = staffAction(z.object({}), handler);
    const enroll = staffAction(z.object({}), async () => 'enrolling', { allowWithoutTwoFactor: true });
    expect(await write({})).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('two-factor') });
    expect(handler).not.toHaveBeenCalled();
    expect(await enroll({})).toEqual({ ok: true, data: 'enrolling' });
    expect((await callAdminRoute()).status).toBe(403);

    const secret = await startTotpEnrollment(admin.id);
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    await confirmTotpEnrollment({ user: admin, requestId: 'r1' }, code);
    expect(await write({})).toEqual({ ok: true, data: 'written' });
    expect((await callAdminRoute()).status).toBe(200);
    await expect(requireStaffPage('admin', '/admin/settings')).resolves.toMatchObject({ id: admin.id });
  });

  it('does not apply to staff accounts', async () => {
    await signedIn('staff');
    await expect(requireStaffPage('staff', '/admin/customers')).resolves.toMatchObject({ role: 'staff' });
    expect(await staffAction(z.object({}), async () => 'ok')({})).toEqual({ ok: true, data: 'ok' });
  });
});
