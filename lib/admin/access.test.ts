import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Every admin server action and /api/admin route is found on disk and called as an anonymous visitor, a customer
// and (for admin-only ones) a staff member: each must refuse before doing anything. A new action or route that
// forgets its guard fails here without anyone having to remember to add a test.

type Role = 'customer' | 'staff' | 'admin';
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: Role } }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('@/lib/redis/client', () => ({ getRedis: () => null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9' }) }));

const root = path.resolve(__dirname, '../..');

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(full).isDirectory()) out = out.concat(walk(full));
    else out.push(full);
  }
  return out;
}

const sourceFiles = ['lib', 'app', 'components'].flatMap((dir) => walk(path.join(root, dir))).filter((f) => /\.tsx?$/.test(f));
const adminActionModules = sourceFiles.filter((f) => f.startsWith(path.join(root, 'lib/admin')) && /\/actions\.ts$/.test(f));
const adminApiRoot = path.join(root, 'app/api/admin/v1');
const adminRouteModules = sourceFiles.filter((f) => f.startsWith(path.join(root, 'app/api/admin')) && !f.startsWith(adminApiRoot) && /\/route\.ts$/.test(f));
// The Admin API answers API keys only (its public OpenAPI document aside): a panel session, even an admin's, is not one.
const adminApiRouteModules = sourceFiles.filter(
  (f) => f.startsWith(adminApiRoot) && /\/route\.ts$/.test(f) && !f.startsWith(path.join(adminApiRoot, 'openapi.json')),
);
const adminPages = sourceFiles.filter((f) => f.startsWith(path.join(root, 'app/admin')) && /\/page\.tsx$/.test(f));

const as = (role: Role | null) => {
  session.user = role ? { id: '00000000-0000-4000-8000-000000000001', email: `${role}@example.com`, name: role, role } : null;
};

beforeEach(() => as(null));

// Each case imports a module and everything it reaches; the first import of a large graph can take seconds on a
// busy 2-core machine, which is not what these cases measure.
const IMPORT_TIMEOUT_MS = 30_000;

describe('admin access', () => {
  it('keeps every staffAction/adminAction in lib/admin/**/actions.ts, where the checks below find it', () => {
    const misplaced = sourceFiles.filter(
      (f) => !adminActionModules.includes(f) && !f.endsWith('.test.ts') && /\b(staffAction|adminAction)\(/.test(readFileSync(f, 'utf8')),
    );
    expect(misplaced.map((f) => path.relative(root, f))).toEqual([]);
  });

  it.each(adminActionModules.map((f) => [path.relative(root, f), f]))('%s: every export refuses the wrong role', async (_name, file) => {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      expect(typeof value, `${name} is not an action`).toBe('function');
      const action = value as ((input: unknown) => Promise<{ ok: boolean; code?: string }>) & { policy?: string };
      expect(['staff', 'admin'], `${name} is not wrapped in staffAction/adminAction`).toContain(action.policy);
      as(null);
      expect(await action(new FormData()), `${name} as anonymous`).toMatchObject({ ok: false, code: 'unauthenticated' });
      as('customer');
      expect(await action(new FormData()), `${name} as customer`).toMatchObject({ ok: false, code: 'forbidden' });
      if (action.policy === 'admin') {
        as('staff');
        expect(await action(new FormData()), `${name} as staff`).toMatchObject({ ok: false, code: 'forbidden' });
      }
    }
  }, IMPORT_TIMEOUT_MS);

  it.each(adminRouteModules.map((f) => [path.relative(root, f), f]))('%s: every method refuses anonymous and customers', async (_name, file) => {
    const mod = (await import(file)) as Record<string, unknown>;
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => typeof mod[m] === 'function');
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      const handler = mod[method] as (req: NextRequest, segment: { params: Promise<unknown> }) => Promise<Response>;
      const call = () =>
        handler(new NextRequest('http://localhost/api/admin/x', { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' }), {
          params: Promise.resolve({}),
        });
      as(null);
      expect((await call()).status, `${method} as anonymous`).toBe(401);
      as('customer');
      expect((await call()).status, `${method} as customer`).toBe(403);
    }
  }, IMPORT_TIMEOUT_MS);

  it.each(adminApiRouteModules.map((f) => [path.relative(root, f), f]))('%s: every method refuses anyone without an API key', async (_name, file) => {
    const mod = (await import(file)) as Record<string, unknown>;
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => typeof mod[m] === 'function');
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      const handler = mod[method] as (req: NextRequest, segment: { params: Promise<unknown> }) => Promise<Response>;
      for (const role of [null, 'customer', 'staff', 'admin'] as const) {
        as(role);
        const response = await handler(
          new NextRequest('http://localhost/api/admin/v1/x', { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' }),
          { params: Promise.resolve({}) },
        );
        expect(response.status, `${method} with a ${role ?? 'missing'} session and no key`).toBe(401);
      }
    }
  }, IMPORT_TIMEOUT_MS);

  it.each(adminPages.map((f) => [path.relative(root, f), f]))('%s checks the role itself', (_name, file) => {
    expect(readFileSync(file, 'utf8')).toMatch(/requireStaffPage\(\s*'(staff|admin)'/);
  });
});
