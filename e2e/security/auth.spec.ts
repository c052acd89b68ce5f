import { expect, test } from '../support/test';
import { AccountPages } from '../pages/shop-pages';
import { uniqueEmail } from '../support/commerce';
import { latestMail } from '../support/mailbox';

// Attacks on accounts: password guessing, resetting a limit by lying about the client address, open redirects
// after sign-in, posting extra fields to gain a role, poisoning reset links through forwarded-host headers, and
// going around the sign-in form's limits by posting to next-auth's endpoint directly.

async function trySignIn(page: import('@playwright/test').Page, email: string, password: string, callbackUrl?: string) {
  await page.goto(callbackUrl === undefined ? '/account/sign-in' : `/account/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  return form;
}

test('brute force: after 5 wrong passwords the account is throttled — the right password is refused too, and spoofed X-Forwarded-For does not reset it', async ({ page }) => {
  const email = uniqueEmail('brute');
  const password = 'the-real-password-1';
  await new AccountPages(page).register(email, password);
  for (let i = 0; i < 5; i += 1) {
    const form = await trySignIn(page, email, `guess-${i}`);
    await expect(form.getByRole('alert')).toHaveText('The email or password is not correct.');
  }
  const throttled = await trySignIn(page, email, password);
  await expect(throttled.getByRole('alert')).toContainText('Too many attempts');
  await expect(page).toHaveURL(/\/account\/sign-in/);

  // Rate-limit key spoofing: the server ignores client-written forwarding headers (TRUSTED_PROXY_HOPS=0).
  const spoofs: Record<string, string>[] = [
    { 'x-forwarded-for': '203.0.113.77' },
    { 'x-real-ip': '203.0.113.78' },
    { 'x-forwarded-for': '203.0.113.79, 198.51.100.80' },
    { 'x-storefront-client-ip': '203.0.113.81' },
  ];
  for (const spoof of spoofs) {
    await page.setExtraHTTPHeaders(spoof);
    const form = await trySignIn(page, email, password);
    await expect(form.getByRole('alert')).toContainText('Too many attempts');
  }
  await page.setExtraHTTPHeaders({});
});

test('open redirect: a foreign callbackUrl is ignored after sign-in', async ({ page }) => {
  const email = uniqueEmail('redirect');
  const password = 'redirect-password-1';
  await new AccountPages(page).register(email, password);
  const origin = new URL(page.url()).origin;
  for (const target of ['https://evil.example/phish', '//evil.example', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
    await page.context().clearCookies();
    await trySignIn(page, email, password, target);
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible({ timeout: 20_000 });
    expect(new URL(page.url()).origin, target).toBe(origin);
  }
  // A same-site path is honoured.
  await page.context().clearCookies();
  await trySignIn(page, email, password, '/cart');
  await expect(page).toHaveURL(`${origin}/cart`, { timeout: 20_000 });
});

test('mass assignment: a role=admin field posted with sign-up does not make an admin', async ({ page }) => {
  const email = uniqueEmail('escalate');
  const password = 'escalate-password-1';
  await page.goto('/account/register');
  const form = page.getByRole('form', { name: 'Create an account' });
  // The attacker adds fields the form never had.
  await form.evaluate((element) => {
    for (const [name, value] of [['role', 'admin'], ['status', 'active'], ['emailVerifiedAt', '2020-01-01']]) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name!;
      input.value = value!;
      element.append(input);
    }
  });
  await form.getByLabel('Name').fill('Mallory');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Create account' }).click();
  // Signed in at once, as the customer the form makes — nothing more.
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible({ timeout: 20_000 });
  expect((await page.goto('/admin'))?.status()).toBe(404);
});

test('reset-link poisoning: forged X-Forwarded-Host (and a matching forged Origin) do not change the emailed link', async ({ page }) => {
  const email = uniqueEmail('poison');
  await new AccountPages(page).register(email, 'poison-password-1');
  const origin = new URL(page.url()).origin;
  // Record a genuine reset request, then replay it as a script would: Origin and X-Forwarded-Host both forged, so
  // Next's own Origin-vs-host check of server actions passes and the request reaches the reset code.
  await page.goto('/account/forgot-password');
  const form = page.getByRole('form', { name: 'Request a password reset' });
  await form.getByLabel('Email').fill(email);
  const recorded = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await form.getByRole('button', { name: 'Email me a link' }).click();
  await expect(form.getByRole('status')).toContainText('If an account exists');
  const action = await recorded;
  const forged = await page.request.post(action.url(), {
    headers: { ...(await action.allHeaders()), origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    data: action.postDataBuffer() ?? undefined,
  });
  expect(forged.status()).toBe(200);
  const mail = await latestMail(email, /^Reset your password$/);
  const link = /https?:\/\/\S+reset-password\?token=\S+/.exec(mail.text)![0];
  expect(new URL(link).origin).toBe(origin);
  expect(mail.text).not.toContain('evil.example');
});

test('limit bypass: posting credentials to next-auth’s own callback is not a way in', async ({ request }) => {
  const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  for (const path of ['/api/auth/callback/credentials', '/api/auth/callback/credentials/', '/api/auth/callback/Credentials']) {
    const response = await request.post(path, {
      form: { csrfToken: csrf.csrfToken, email: 'customer@e2e.test', password: 'guess', callbackUrl: '/' },
    });
    expect(response.status(), path).toBe(404);
    expect(response.headers()['set-cookie'] ?? '').not.toContain('session-token');
  }
});

test('weak passwords: a common one is refused at sign-up with the reason under the field, and the typed email is kept', async ({ page }) => {
  const email = uniqueEmail('weak-password');
  await page.goto('/account/register');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill('Password123!');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByLabel('Password')).toHaveAccessibleDescription(/too easy to guess/);
  await expect(form.getByLabel('Email')).toHaveValue(email);
  // The same form takes a passphrase.
  await form.getByLabel('Password').fill('amber-quokka-lighthouse-72');
  await form.getByRole('button', { name: 'Create account' }).click();
  // Accepted: the new account is signed in.
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible({ timeout: 20_000 });
});
