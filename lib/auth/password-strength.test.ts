import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREACHED_MESSAGE, isBreachedPassword, weakPasswordReason } from './password-strength';

// The offline estimator, and the k-anonymity breach check against a local stand-in for the range API.

describe('weakPasswordReason (zxcvbn, offline)', () => {
  it('refuses the passwords the security test got accepted, and says why', () => {
    for (const password of ['password', '12345678', 'Password123!', 'qwertyuiop', 'iloveyou1']) {
      expect(weakPasswordReason(password), password).toMatch(/too easy to guess/);
    }
    expect(weakPasswordReason('password')).toContain('heavily used password');
  });

  it('accepts passphrases of unrelated words', () => {
    for (const password of ['violet harbour tangent 91', 'copper lantern meadow 47', 'e2e-customer-password']) {
      expect(weakPasswordReason(password), password).toBeNull();
    }
  });

  it("counts the person's own email and name as known words", () => {
    const password = 'marguerite.quinnell';
    expect(weakPasswordReason(password, ['someone@example.com', 'Someone'])).toBeNull();
    expect(weakPasswordReason(password, ['marguerite.quinnell@example.com', 'Marguerite Quinnell'])).toMatch(/too easy to guess/);
  });
});

describe('isBreachedPassword (k-anonymity range API)', () => {
  const listed = 'violet harbour tangent 91';
  const listedHash = createHash('sha1').update(listed).digest('hex').toUpperCase();
  const seen: IncomingMessage[] = [];
  let mode: 'answer' | 'hang' | 'fail' = 'answer';
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request);
      if (mode === 'hang') return;
      if (mode === 'fail') return void response.writeHead(503).end();
      const prefix = request.url!.split('/').pop()!;
      const lines = ['0018A45C4D1DEF81644B54AB7F969B88D65:1', '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0'];
      if (listedHash.startsWith(prefix)) lines.push(`${listedHash.slice(5)}:42`);
      response.writeHead(200, { 'content-type': 'text/plain' }).end(lines.join('\r\n'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/range`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('sends only the first 5 hex characters of the SHA-1 and matches the suffix locally', async () => {
    expect(await isBreachedPassword(listed, url)).toBe(true);
    expect(await isBreachedPassword('copper lantern meadow 47', url)).toBe(false);
    const request = seen.at(-2)!;
    expect(request.url).toBe(`/range/${listedHash.slice(0, 5)}`);
    expect(request.headers['add-padding']).toBe('true');
    expect(JSON.stringify({ url: request.url, headers: request.headers })).not.toContain(listedHash.slice(5, 15));
    expect(BREACHED_MESSAGE).toMatch(/data breach/);
  });

  it('fails open, quickly, when the API is down or hangs; does nothing when not configured', async () => {
    mode = 'fail';
    expect(await isBreachedPassword(listed, url)).toBe(false);
    mode = 'hang';
    const started = performance.now();
    expect(await isBreachedPassword(listed, url, 300)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
    const before = seen.length;
    expect(await isBreachedPassword(listed, null)).toBe(false);
    expect(seen.length).toBe(before);
  });
});
