import { expect, test } from '../support/test';
import { AS_A_PAGE } from '../support/commerce';

// Server-action requests the app cannot run are the client's fault, and are answered so (SECURITY.md, finding 7):
// 403 for a foreign Origin, 400 for a body that is not a server-action body. Next answers both with 500, which
// counted them as server errors (the 5xx alarm) and made probing look like an outage.

async function signInActionId(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const html = await (await request.get('/account/sign-in', AS_A_PAGE)).text();
  const id = /name="\$ACTION_\d+:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
  if (!id) throw new Error('no server action id on the sign-in page');
  return id;
}

test('a server action from a foreign Origin is refused with 403, not a server error', async ({ request, baseURL }) => {
  const actionId = await signInActionId(request);
  for (const origin of ['https://evil.example', 'null', `${baseURL!.replace('127.0.0.1', 'localhost')}`]) {
    const response = await request.post('/account/sign-in', {
      headers: { 'next-action': actionId, accept: 'text/x-component', origin, 'content-type': 'text/plain;charset=UTF-8' },
      data: '["$K1"]',
    });
    expect(response.status(), origin).toBe(403);
  }
  // A form posted without JavaScript from another site: same answer.
  const form = await request.post('/account/sign-in', {
    headers: { origin: 'https://evil.example' },
    multipart: { email: 'someone@example.com', password: 'whatever' },
  });
  expect(form.status()).toBe(403);
});

test('a malformed server-action body is refused with 400, not a server error', async ({ request, baseURL }) => {
  const actionId = await signInActionId(request);
  const action = { 'next-action': actionId, accept: 'text/x-component', origin: baseURL! };
  // Not the encoding React sends, to the page that owns the action…
  const text = await request.post('/account/sign-in', { headers: { ...action, 'content-type': 'text/plain;charset=UTF-8' }, data: 'not a server action body' });
  expect(text.status()).toBe(400);
  const multipart = await request.post('/account/sign-in', { headers: { ...action, 'content-type': 'multipart/form-data; boundary=xyz' }, data: 'not multipart at all' });
  expect(multipart.status()).toBe(400);
  // …a form post without JavaScript whose body is broken…
  const form = await request.post('/account/sign-in', { headers: { origin: baseURL!, 'content-type': 'multipart/form-data; boundary=xyz' }, data: 'garbage' });
  expect(form.status()).toBe(400);
  // …and to a page that does not own it (Next forwards it to the one that does).
  const forwarded = await request.post('/', { headers: { ...action, 'content-type': 'text/plain;charset=UTF-8' }, data: 'not a server action body' });
  expect(forwarded.status()).toBe(400);
});
