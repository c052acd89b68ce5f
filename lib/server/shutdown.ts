import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { logger } from '@/lib/log';

/**
 * Graceful shutdown for the standalone server, installed from instrumentation (never by editing server.js).
 *
 * Next's start-server.js handles SIGTERM/SIGINT itself (unless NEXT_MANUAL_SIG_HANDLE is set): it closes the HTTP
 * server, waits for it with no deadline, then exits with 143 — without closing our database pool or Redis, and
 * with a code that reads as a crash. So the app takes the signals over: its handlers are registered before
 * instrumentation runs, and installGracefulShutdown() replaces them.
 *
 * The HTTP server is not handed to the app, so it is found through Node's documented diagnostics channel
 * `http.server.request.start`, which reports each request with its server; the same channel counts requests in
 * flight (ended by the response's 'close', which fires whether it finished or the client went away).
 * On the signal: stop accepting (server.close) → let in-flight requests finish, up to SHUTDOWN_DRAIN_S → close
 * the pool, Redis and the trace exporter → exit 0 (1 if requests had to be cut off at the deadline).
 */

type ShutdownState = {
  installed: boolean;
  tracking: boolean;
  draining: boolean;
  inFlight: number;
  servers: Set<Server>;
  closers: Array<{ name: string; close: () => Promise<void> }>;
};

const globalForShutdown = globalThis as typeof globalThis & { __storefrontShutdown?: ShutdownState };

function state(): ShutdownState {
  globalForShutdown.__storefrontShutdown ??= { installed: false, tracking: false, draining: false, inFlight: 0, servers: new Set(), closers: [] };
  return globalForShutdown.__storefrontShutdown;
}

/** Something to close after the HTTP server has drained (pool, Redis, exporters), in registration order. */
export function onShutdown(name: string, close: () => Promise<void>): void {
  state().closers.push({ name, close });
}

type RequestStart = { request: IncomingMessage; response: ServerResponse; server: Server };

function onRequestStart(message: unknown): void {
  const { response, server } = message as RequestStart;
  const current = state();
  current.servers.add(server);
  current.inFlight += 1;
  response.once('close', () => {
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

/** Starts counting HTTP requests in flight (idempotent). */
export function trackHttpRequests(): void {
  const current = state();
  if (current.tracking) return;
  current.tracking = true;
  diagnosticsChannel.subscribe('http.server.request.start', onRequestStart);
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

/** Installs the signal handlers (once per process). Only for a server process: not at build, not in `next dev`. */
export function installGracefulShutdown(options: { drainS: number }): void {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  trackHttpRequests();
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
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Next's own handlers (see above) would exit with 143 in the middle of our drain.
    process.removeAllListeners(signal);
    process.on(signal, handle);
  }
}
