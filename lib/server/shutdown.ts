import type { Server, ServerResponse } from 'node:http';
import { logger } from '@/lib/log';
import { onResponseClose } from './response-close';

/**
 * Graceful shutdown for the standalone server, installed from instrumentation (never by editing server.js).
 *
 * Next's start-server.js handles SIGTERM/SIGINT itself unless NEXT_MANUAL_SIG_HANDLE is set: it closes the HTTP
 * server, waits for it with no deadline, then exits with 143 — without closing our database pool or Redis, and with
 * a code that reads as a crash. NEXT_MANUAL_SIG_HANDLE is Next's documented switch for taking the signals over; it is
 * read before the app is loaded, so it must be in the server's environment (the Dockerfile, `npm start`, every
 * launcher), not in .env. Without it the app leaves the signals to Next and says so at boot (lib/boot.ts).
 *
 * The HTTP server is not handed to the app: lib/server/install.ts passes each request with its server from Node's
 * documented `http.server.request.start` diagnostics channel, which also counts requests in flight (ended by the
 * response's 'close', which fires whether it finished or the client went away).
 * On the signal: stop accepting (server.close) → let in-flight requests finish, up to SHUTDOWN_DRAIN_S → close
 * the pool, Redis and the trace exporter → exit 0 (1 if requests had to be cut off at the deadline).
 */

type ShutdownState = {
  installed: boolean;
  draining: boolean;
  inFlight: number;
  servers: Set<Server>;
  closers: Array<{ name: string; close: () => Promise<void> }>;
};

const globalForShutdown = globalThis as typeof globalThis & { __storefrontShutdown?: ShutdownState };

function state(): ShutdownState {
  globalForShutdown.__storefrontShutdown ??= { installed: false, draining: false, inFlight: 0, servers: new Set(), closers: [] };
  return globalForShutdown.__storefrontShutdown;
}

/** Something to close after the HTTP server has drained (pool, Redis, exporters), in registration order. */
export function onShutdown(name: string, close: () => Promise<void>): void {
  state().closers.push({ name, close });
}

/** Counts a request the Node server just received until its response closes, and remembers its server. */
export function trackRequest(server: Server, response: ServerResponse): void {
  const current = state();
  current.servers.add(server);
  current.inFlight += 1;
  onResponseClose(response, () => {
    current.inFlight -= 1;
    // A kept-alive connection whose last response just ended would otherwise hold the process until its timeout.
    if (current.draining) server.closeIdleConnections();
  });
}

function withTimeout(promise: Promise<void>, timeoutMs: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => 'done' as const),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function waitForIdle(current: ShutdownState, deadline: number): Promise<boolean> {
  while (current.inFlight > 0) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

export async function drainAndClose(signal: string, drainS: number): Promise<number> {
  const current = state();
  const started = Date.now();
  const deadline = started + drainS * 1000;
  logger.info({ signal, inFlight: current.inFlight, drainS }, 'shutdown: draining');
  for (const server of current.servers) {
    server.close();
    server.closeIdleConnections();
  }
  const drained = await waitForIdle(current, deadline);
  if (!drained) {
    logger.warn({ inFlight: current.inFlight }, 'shutdown: drain budget spent, closing the remaining connections');
    for (const server of current.servers) server.closeAllConnections();
  }
  // Dependencies close after the requests that use them; each gets what is left of the budget, at least 2 s.
  for (const { name, close } of current.closers) {
    const budgetMs = Math.max(2_000, deadline - Date.now());
    const outcome = await withTimeout(
      close().catch((error: unknown) => logger.warn({ err: error, closer: name }, 'shutdown: close failed')),
      budgetMs,
    );
    if (outcome === 'timeout') logger.warn({ closer: name, budgetMs }, 'shutdown: close timed out');
  }
  logger.info({ signal, ms: Date.now() - started, drained }, 'shutdown: complete');
  return drained ? 0 : 1;
}

/**
 * Installs the signal handlers (once per process). Only for a server process started with NEXT_MANUAL_SIG_HANDLE: not
 * at build, not in `next dev` (which ignores the switch), never beside Next's own handlers.
 */
export function installGracefulShutdown(options: { drainS: number }): void {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  const handle = (signal: NodeJS.Signals) => {
    if (current.draining) return; // a second signal (e.g. Ctrl-C twice) does not restart the drain
    current.draining = true;
    void drainAndClose(signal, options.drainS).then(
      (code) => {
        // pino writes synchronously to stdout, so the last line is out before exit.
        process.exit(code);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown: failed');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, handle);
}
