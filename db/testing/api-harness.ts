import { afterAll, beforeAll } from 'vitest';
import { closeConnection } from '@/db/client';
import { setLimiterStoresForTesting } from '@/lib/rate-limit';
import { memoryStore } from '@/lib/rate-limit/store';
import { installServerLayer } from '@/lib/server/install';

/**
 * For integration files that call route handlers in process: the client address is read from its header as behind
 * the real server, rate limits count in a fresh in-process store (so a file's attacks are judged on their own
 * merits, not stopped early by a limit another file spent), and the connection is closed at the end.
 */
export function setUpApiTestServer(): void {
  beforeAll(() => {
    installServerLayer({ trustedProxyHops: 0, door: null, shutdown: null });
    setLimiterStoresForTesting({ shared: null, local: memoryStore() });
  });
  afterAll(async () => {
    setLimiterStoresForTesting(null);
    await closeConnection();
  });
}
