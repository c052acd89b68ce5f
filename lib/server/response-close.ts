import type { ServerResponse } from 'node:http';

// Next itself adds several 'close' listeners to a response (abort signals, the stream it pipes into it), and Node
// warns once a response holds more than ten ("MaxListenersExceededWarning"), which the layer's own listeners —
// timing, the drain count, the visit, the admission slot — used to trigger on busy routes such as checkout. The layer
// therefore holds one listener per response and runs its callbacks from it, in registration order.

const CALLBACKS = Symbol('storefront.response-close');
type Tracked = ServerResponse & { [CALLBACKS]?: Array<() => void> };

/** Runs `callback` when the response closes, like `response.once('close', …)`, sharing one listener per response. */
export function onResponseClose(response: ServerResponse, callback: () => void): void {
  const tracked = response as Tracked;
  let callbacks = tracked[CALLBACKS];
  if (!callbacks) {
    const list: Array<() => void> = [];
    callbacks = tracked[CALLBACKS] = list;
    response.once('close', () => {
      for (const run of list.splice(0)) run();
    });
  }
  callbacks.push(callback);
}
