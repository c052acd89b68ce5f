import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimitPolicy } from './policies';
import { ratelimitStore, stripScriptFlags, upstashClient } from './store';

// The Upstash path (UPSTASH_REDIS_REST_URL/TOKEN) with Upstash's own client, @upstash/redis, against a stand-in for
// Upstash's REST API on loopback: each POSTed command array is run on the real Redis in REDIS_URL, and strings come
// back base64-encoded as Upstash sends them to that client. (Upstash itself accepts the `#!lua flags` line of the
// limiter's scripts; stock Redis does not, so the stand-in drops it.) What is checked is what the store promises:
// limits are counted atomically in Redis, the token is sent, and a slow Upstash costs a caller at most the timeout,
// with no retry behind its back.

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const token = randomBytes(16).toString('hex');

function encode(value: unknown): unknown {
  if (typeof value === 'string') return value === 'OK' ? value : Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(encode);
  return value;
}

type Upstash = { server: Server; url: string; requests: { authorization: string | undefined; command: string }[]; hang: boolean };

async function startUpstash(redis: Redis): Promise<Upstash> {
  const state: Upstash = { server: null as unknown as Server, url: '', requests: [], hang: false };
  state.server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      // One command at `/`, or (the client pipelines concurrent calls) a list of them at `/pipeline`.
      const pipeline = request.url === '/pipeline';
      const commands = (pipeline ? JSON.parse(body) : [JSON.parse(body)]) as (string | number)[][];
      for (const [command = ''] of commands) state.requests.push({ authorization: request.headers.authorization, command: String(command).toLowerCase() });
      if (state.hang) return; // never answers: the client's deadline must end the call
      if (request.headers.authorization !== `Bearer ${token}`) {
        response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Unauthorized' }));
        return;
      }
      const run = ([command = '', ...args]: (string | number)[]) => {
        if (String(command).toLowerCase() === 'eval') args[0] = stripScriptFlags(String(args[0]));
        return redis.call(String(command), ...args).then(
          (result) => ({ result: encode(result) }),
          (error: Error) => ({ error: error.message }),
        );
      };
      void Promise.all(commands.map(run)).then((answers) => {
        const answer = pipeline ? answers : answers[0]!;
        const failed = !pipeline && 'error' in answers[0]!;
        response.writeHead(failed ? 400 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

describe('rate limits counted in Upstash over REST', () => {
  let redis: Redis;
  let upstash: Upstash;
  const prefix = `${process.env.REDIS_KEY_PREFIX ?? 'test'}-upstash`;

  beforeAll(async () => {
    redis = new Redis(redisUrl);
    upstash = await startUpstash(redis);
  });

  afterAll(async () => {
    upstash.server.closeAllConnections();
    upstash.server.close();
    await redis.quit();
  });

  it('counts concurrent attempts atomically: exactly the limit is allowed, and only with the token', async () => {
    const policy: RateLimitPolicy = { name: `burst-${Date.now()}`, limit: 5, windowS: 60, failMode: 'open' };
    const store = ratelimitStore('upstash', upstashClient(upstash.url, token, 2_000), prefix, () => true);
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => store.hit(policy, 'client-a', Date.now())));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect((await store.peek(policy, 'client-a', Date.now())).remaining).toBe(0);
    // Another subject has its own budget.
    expect((await store.hit(policy, 'client-b', Date.now())).allowed).toBe(true);
    expect(upstash.requests.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
    const wrongToken = ratelimitStore('upstash', upstashClient(upstash.url, 'not-the-token', 2_000), prefix, () => true);
    await expect(wrongToken.hit(policy, 'client-c', Date.now())).rejects.toThrow();
  });

  it('gives up on a silent Upstash at its timeout, without retrying', async () => {
    const policy: RateLimitPolicy = { name: `silent-${Date.now()}`, limit: 5, windowS: 60, failMode: 'open' };
    const store = ratelimitStore('upstash', upstashClient(upstash.url, token, 300), prefix, () => true);
    upstash.hang = true;
    upstash.requests.length = 0;
    const started = performance.now();
    await expect(store.hit(policy, 'client-a', Date.now())).rejects.toThrow();
    const elapsedMs = performance.now() - started;
    upstash.hang = false;
    expect(elapsedMs).toBeLessThan(2_000);
    expect(upstash.requests).toHaveLength(1);
  });
});
