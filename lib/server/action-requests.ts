import { STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

// Server-action requests as the front door sees them, before Next (lib/server/front-door.ts; SECURITY.md, finding 7).
//
// Next answers a server action it refuses to run with 500: a foreign Origin (its CSRF check) and a body it cannot
// decode alike. Those are the client's doing, and as 500s they set off the 5xx alarm and make a probe look like an
// outage. The door answers the first itself (403) with exactly Next's rule, so nothing Next would run is refused;
// the second it tells from a real failure by whether the app's own code was reached (the action wrapper marks it):
// a 500 before that is Next refusing the request, and goes out as 400. The bodies that cannot be an action's at all
// (a string reply that is not JSON, a multipart body without its boundary) are answered 400 by the door before they
// take a slot or cost a render: posting garbage costs the poster more than the store.

/**
 * Whether Next treats a request as a possible server action (as its action handler does): a POST to a page (route
 * handlers under /api answer their own POSTs) that names an action in `Next-Action`, or posts a form.
 */
export function isPossibleAction(method: string | undefined, url: string, headers: IncomingHttpHeaders): boolean {
  if (method !== 'POST' || url.startsWith('/api/')) return false;
  if (headers['next-action'] !== undefined) return true;
  const type = (headers['content-type'] ?? '').toLowerCase();
  return type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded');
}

/**
 * Whether Next's CSRF check would refuse this action: an Origin (or "null") whose host is not the request's host —
 * the first `X-Forwarded-Host` when there is one, else `Host`. No Origin passes, as it does in Next (a request that
 * is not from a browser's cross-site page). If next.config ever sets `serverActions.allowedOrigins`, this must
 * accept those origins too.
 */
export function isForeignOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  if (origin === 'null') originHost = 'null';
  else {
    try {
      originHost = new URL(origin).host;
    } catch {
      return true;
    }
  }
  const forwarded = headers['x-forwarded-host'];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0])?.trim();
  const host = forwardedHost || headers.host;
  return !host || originHost !== host;
}

/** Next's default server-action body limit; a larger body is left to Next (it answers 413). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The whole body of a request, read and put back (`readable.unshift`, documented for handing data on after looking
 * at it) so that Next reads it as if untouched. Null when it is larger than `limitBytes` (what was read is put back
 * too) or the client went away.
 */
export function peekBody(request: IncomingMessage, limitBytes: number = ACTION_BODY_LIMIT_BYTES): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limitBytes) return Promise.resolve(null);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (whole: boolean) => {
      if (done) return;
      done = true;
      request.off('readable', onReadable);
      request.off('end', onEnd);
      request.off('close', onClose);
      const body = Buffer.concat(chunks);
      // Synchronously after the last read(): 'end' is only emitted once the buffer is empty, so it is not missed.
      if (body.length > 0 && !request.readableEnded) request.unshift(body);
      resolve(whole ? body : null);
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = request.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        size += chunk.length;
        if (size > limitBytes) return finish(false);
      }
      // `complete`: the whole message has arrived, so nothing more will be pushed.
      if (request.complete) finish(true);
    };
    // An empty body ends without a 'readable' with data in it.
    const onEnd = () => finish(true);
    const onClose = () => finish(false);
    request.on('readable', onReadable);
    request.once('end', onEnd);
    request.once('close', onClose);
  });
}

/** Whether the door looks at a possible action's body: a fetch action's, or a multipart form's. */
export function hasActionBody(headers: IncomingHttpHeaders): boolean {
  return headers['next-action'] !== undefined || (headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/**
 * Whether a server-action body cannot be one React sends: a fetch action's string reply is JSON (encodeReply); a
 * multipart body (a FormData reply, a form posted without JavaScript) contains its boundary. Anything subtler is
 * left to Next, whose refusal the door turns into a 400 all the same.
 */
export function isMalformedActionBody(headers: IncomingHttpHeaders, body: Buffer): boolean {
  const type = (headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(headers['content-type'] ?? '');
    const value = boundary?.[1] ?? boundary?.[2];
    return !value || !body.includes(`--${value}`);
  }
  if (headers['next-action'] === undefined) return false;
  try {
    JSON.parse(body.toString('utf8'));
    return false;
  } catch {
    return true;
  }
}

/**
 * Calls `decide` with the status just before the response's head goes out, and sends the status it returns. Node
 * writes every head through `writeHead` (an implicit head too), so this sees each response once.
 */
export function beforeHead(response: ServerResponse, decide: (status: number) => number): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    response.writeHead = writeHead;
    const status = decide(statusCode);
    if (status === statusCode) return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    // A reason phrase given for the old status does not fit the new one.
    this.statusMessage = STATUS_CODES[status] ?? '';
    const headers = typeof rest[0] === 'string' ? rest.slice(1) : rest;
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...headers);
  } as ServerResponse['writeHead'];
}

// ---- counts for /api/metrics (the door and the metrics route are bundled separately: kept on globalThis) --------

export type ActionRefusal = 'foreign_origin' | 'malformed';
const REFUSALS = Symbol.for('storefront.action-refusals');
type WithRefusals = typeof globalThis & { [REFUSALS]?: Record<ActionRefusal, number> };

export function countActionRefusal(reason: ActionRefusal): void {
  const holder = globalThis as WithRefusals;
  holder[REFUSALS] ??= { foreign_origin: 0, malformed: 0 };
  holder[REFUSALS][reason]++;
}

/** Server-action requests answered 4xx by the door since start, by reason. */
export function actionRefusalStats(): Record<ActionRefusal, number> {
  return { foreign_origin: 0, malformed: 0, ...(globalThis as WithRefusals)[REFUSALS] };
}
