import { expect, test } from './support/test';
import { lockProducts, type PrivateServer, startPrivateServer, waitFor } from './support/private-server';

// A rolling deploy stops a task while a shopper's request is still running: SIGTERM must let it finish, then close
// the pool and Redis and exit 0 well within the drain budget. The request is made slow from the outside, as a real
// one would be: the test holds an exclusive lock on `products`, so the home page's catalogue query waits in
// PostgreSQL until the test lets go. This runs its own standalone server on its own database beside the shared e2e
// one (e2e/support/private-server.ts).

const DRAIN_S = 10;

test.describe('graceful shutdown', () => {
  let server: PrivateServer | undefined;

  test.afterAll(async () => {
    await server?.stop();
  });

  test('SIGTERM during a slow page request: the request completes, then the process exits 0 within the budget', async ({}, testInfo) => {
    test.setTimeout(120_000);
    const port = Number(new URL(testInfo.project.use.baseURL ?? 'http://127.0.0.1:3100').port) + 1;
    server = await startPrivateServer({ name: 'shutdown', port, env: { SHUTDOWN_DRAIN_S: String(DRAIN_S) } });
    const { baseUrl } = server;

    const lock = await lockProducts(server.databaseUrl);
    try {
      const slowPage = fetch(`${baseUrl}/`).then(async (response) => ({ status: response.status, html: await response.text() }));
      // The page's query is now queued behind the lock inside PostgreSQL: a request genuinely in flight.
      await waitFor(async () => (await lock.waitingQueries()) > 0, 15_000, 'the page request to wait on the lock');

      const signalledAt = Date.now();
      server.process.kill('SIGTERM');
      // Draining: still alive, and no longer accepting new connections.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(server.process.exitCode).toBeNull();
      await expect(fetch(`${baseUrl}/api/health`)).rejects.toThrow();

      await lock.release();
      const page = await slowPage;
      expect(page.status).toBe(200);
      expect(page.html).toContain('data-testid="product-count"');

      const { code, signal } = await server.exited;
      const shutdownMs = Date.now() - signalledAt;
      const summary = `exited ${code} ${shutdownMs} ms after SIGTERM (budget ${DRAIN_S} s)`;
      testInfo.annotations.push({ type: 'shutdown', description: summary });
      console.log(`graceful shutdown: ${summary}`);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(shutdownMs).toBeLessThan(DRAIN_S * 1000);
      expect(server.output()).toContain('"msg":"shutdown: complete"');
      expect(server.output()).toContain('"drained":true');
    } finally {
      await lock.release();
    }
  });
});
