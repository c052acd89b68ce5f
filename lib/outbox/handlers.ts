import 'server-only';
import type { Executor } from '@/db/client';

// The outbox's handler registry. The outbox is infrastructure and knows no domain: each domain declares the events
// it handles (lib/<domain>/events.ts) and the composition root registers them at boot (lib/startup/outbox.ts).
// The worker claims only the event types registered in its process, so an event no handler knows here is left for
// one that does, never retried into "failed".

export type OutboxContext = { executor: Executor };

export type OutboxHandler = {
  run: (payload: Record<string, unknown>, ctx: OutboxContext) => Promise<void>;
  /** Bookkeeping after a failed attempt (committed even though run's own writes were rolled back). */
  onError?: (payload: Record<string, unknown>, error: unknown, ctx: OutboxContext) => Promise<void>;
  /** After the last attempt failed. */
  onGiveUp?: (payload: Record<string, unknown>, ctx: OutboxContext) => Promise<void>;
};

// One registry per process, even when the bundler loads this module more than once.
const REGISTRY = Symbol.for('storefront.outbox-handlers');
const holder = globalThis as typeof globalThis & { [REGISTRY]?: Map<string, OutboxHandler> };
const registry = (holder[REGISTRY] ??= new Map());

/** Registers the handlers of one domain's events; registering the same type again replaces it (idempotent boot). */
export function registerOutboxHandlers(handlers: Record<string, OutboxHandler>): void {
  for (const [type, handler] of Object.entries(handlers)) registry.set(type, handler);
}

export function outboxHandler(type: string): OutboxHandler | undefined {
  return registry.get(type);
}

export function registeredOutboxTypes(): string[] {
  return [...registry.keys()];
}
