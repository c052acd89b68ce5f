import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

// A real SMTP server for the e2e run: the store sends its email over SMTP (the production path), and specs read
// what arrived — the same way in PostgreSQL and embedded runs. Messages are files, so every test worker sees them.

export type ReceivedMail = { to: string[]; subject: string; text: string; html: string; receivedAt: number };

export async function startMailSink(dir: string): Promise<{ port: number; close: () => Promise<void> }> {
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() };
        // Written under a temporary name and renamed: a reader never sees half a message (rename is atomic).
        const name = `${mail.receivedAt}-${randomBytes(4).toString('hex')}.json`;
        writeFile(path.join(dir, `.${name}.tmp`), JSON.stringify(mail))
          .then(() => rename(path.join(dir, `.${name}.tmp`), path.join(dir, name)))
          .then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const input = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < input.length; i += 1) {
    const hex = input[i] === '=' ? input.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(input[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitEntity(entity: string): { headers: Record<string, string>; body: string } {
  const separator = entity.search(/\r?\n\r?\n/);
  const head = separator === -1 ? entity : entity.slice(0, separator);
  const body = separator === -1 ? '' : entity.slice(separator).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** The parts of a (possibly nested) multipart entity, depth first. */
function leafParts(headers: Record<string, string>, body: string): { headers: Record<string, string>; body: string }[] {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [{ headers, body }];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((part) => !part.startsWith('--'))
    .flatMap((part) => {
      const entity = splitEntity(part.replace(/^\r?\n/, ''));
      return leafParts(entity.headers, entity.body);
    });
}

/** A header with RFC 2047 encoded words (`=?UTF-8?Q?Bestellbest=C3=A4tigung?=`, or `?B?` base64) as its text. */
function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=(\s+(?==\?))?/g, (_match, _charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_hex, byte: string) => String.fromCharCode(parseInt(byte, 16))), 'latin1').toString('utf8'),
  );
}

/** The plain-text and HTML bodies of a message as nodemailer writes it: one part, or the parts of a multipart. */
export function parseMail(raw: string): { subject: string; text: string; html: string } {
  const { headers, body } = splitEntity(raw);
  const parts = leafParts(headers, body);
  const part = (type: string) => parts.find((entity) => (entity.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type));
  const text = part('text/plain');
  const html = part('text/html');
  return { subject: decodeHeader(headers.subject ?? ''), text: text ? decodeBody(text.headers, text.body) : '', html: html ? decodeBody(html.headers, html.body) : '' };
}

/** The newest message to `to` whose subject matches, waiting for it to arrive. */
export async function latestMail(to: string, subject: RegExp, timeoutMs = 10_000): Promise<ReceivedMail> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run the specs through playwright.config.ts (global setup).');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort().reverse();
    for (const file of files) {
      const stored = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as { to: string[]; raw: string; receivedAt: number };
      if (!stored.to.includes(to.toLowerCase())) continue;
      const mail = parseMail(stored.raw);
      if (subject.test(mail.subject)) return { to: stored.to, subject: mail.subject, text: mail.text, html: mail.html, receivedAt: stored.receivedAt };
    }
    if (Date.now() > deadline) throw new Error(`No email to ${to} with a subject like ${subject} arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** How many messages to `to` with a subject like `subject` have arrived so far. */
export async function mailCount(to: string, subject: RegExp): Promise<number> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run the specs through playwright.config.ts (global setup).');
  let count = 0;
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.json'))) {
    const stored = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as { to: string[]; raw: string };
    if (stored.to.includes(to.toLowerCase()) && subject.test(parseMail(stored.raw).subject)) count += 1;
  }
  return count;
}
