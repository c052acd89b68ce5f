import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimParent, holdsSlot, inVisit, installSelfRequestTagging, isSelfOrigin, openVisit, SELF_HEADER, type Visit } from './self-request';

// A server that plays the front door: /parent opens a visit and, inside it, fetches a path of this same server or
// of another one; /child reports what claimParent() made of the request; /echo reports the headers it got.

type Seen = { parentFound: boolean; sameVisit: boolean; headerLeft: boolean; raw: string | null };

let self: http.Server;
let other: http.Server;
let selfPort = 0;
let otherPort = 0;
let lastParent: Visit | null = null;

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function handler(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://x');
  if (url.pathname === '/parent') {
    const visit = openVisit(response, { parent: null, clientIp: '203.0.113.7' });
    visit.slot = true;
    lastParent = visit;
    const target = url.searchParams.get('target')!;
    const forged = url.searchParams.get('forged');
    void inVisit(visit, async () => {
      const answer = await fetch(target, { headers: forged ? { [SELF_HEADER]: forged } : {} });
      response.end(await answer.text());
    });
    return;
  }
  if (url.pathname === '/child') {
    const raw = request.headers[SELF_HEADER];
    const parent = claimParent(request);
    const seen: Seen = { parentFound: parent !== null, sameVisit: parent !== null && parent === lastParent, headerLeft: SELF_HEADER in request.headers, raw: typeof raw === 'string' ? raw : null };
    response.end(JSON.stringify(seen));
    return;
  }
  response.end(JSON.stringify({ header: request.headers[SELF_HEADER] ?? null }));
}

beforeAll(async () => {
  self = http.createServer(handler);
  other = http.createServer(handler);
  selfPort = await listen(self);
  otherPort = await listen(other);
  installSelfRequestTagging(selfPort);
});

afterAll(() => {
  self.close();
  other.close();
});

const viaParent = async (target: string, forged?: string) =>
  (await fetch(`http://127.0.0.1:${selfPort}/parent?target=${encodeURIComponent(target)}${forged ? `&forged=${encodeURIComponent(forged)}` : ''}`)).json();

describe('self-requests', () => {
  it("tags a fetch to this server's own port from inside a visit, and the door finds that visit", async () => {
    const seen = (await viaParent(`http://127.0.0.1:${selfPort}/child`)) as Seen;
    expect(seen).toMatchObject({ parentFound: true, sameVisit: true, headerLeft: false });
  });

  it('finds the visit behind a value the client sent under the same name (Next copies request headers)', async () => {
    const seen = (await viaParent(`http://localhost:${selfPort}/child`, 'guessed 1')) as Seen;
    expect(seen.raw).toMatch(/^guessed 1, /);
    expect(seen).toMatchObject({ parentFound: true, sameVisit: true });
  });

  it('never sends the secret anywhere else: another port, or outside any visit', async () => {
    expect(await viaParent(`http://127.0.0.1:${otherPort}/echo`)).toEqual({ header: null });
    expect(await (await fetch(`http://127.0.0.1:${selfPort}/echo`)).json()).toEqual({ header: null });
  });

  it('believes no header from outside, and forgets a visit once its response is over', async () => {
    const child = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${selfPort}/child`, { headers }).then((r) => r.json() as Promise<Seen>);
    expect(await child({ [SELF_HEADER]: 'AAAA 1' })).toMatchObject({ parentFound: false, headerLeft: false });
    // A real tag, captured on its way to this server, replayed after its request is over.
    const { header } = (await viaParent(`http://127.0.0.1:${selfPort}/echo`)) as { header: string | null };
    expect(header).toMatch(/^[\w-]{43} \d+$/);
    expect(await child({ [SELF_HEADER]: header! })).toMatchObject({ parentFound: false, headerLeft: false });
    // The secret with another visit's id that is not live either.
    expect(await child({ [SELF_HEADER]: `${header!.split(' ')[0]} 999999` })).toMatchObject({ parentFound: false });
  });

  it('holds a slot through its parent', () => {
    const parent = { slot: true, parent: null } as unknown as Visit;
    const child = { slot: false, parent } as unknown as Visit;
    expect(holdsSlot(child)).toBe(true);
    parent.slot = false;
    expect(holdsSlot(child)).toBe(false);
    expect(holdsSlot(null)).toBe(false);
  });

  it('knows its own origins', () => {
    expect(isSelfOrigin(`http://127.0.0.1:${selfPort}`, selfPort)).toBe(true);
    expect(isSelfOrigin(`http://localhost:${selfPort}`, selfPort)).toBe(true);
    expect(isSelfOrigin(`http://[::1]:${selfPort}`, selfPort)).toBe(true);
    expect(isSelfOrigin(`http://127.0.0.1:${selfPort + 1}`, selfPort)).toBe(false);
    expect(isSelfOrigin(`https://upstash.example.com:${selfPort}`, selfPort)).toBe(false);
    expect(isSelfOrigin('not a url', selfPort)).toBe(false);
  });
});
