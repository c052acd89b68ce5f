import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

// The `test` every spec imports: Playwright's, plus a guard that fails the test on any Content-Security-Policy
// violation in any page of its browser context — the browser's `securitypolicyviolation` event and Chromium's
// "Refused to …" console errors both count. The headers are strict (nonce + strict-dynamic), so a journey that
// works only because a script or style slipped through would otherwise go unnoticed.

function watch(page: Page, violations: string[]): void {
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Content-Security-Policy|securitypolicyviolation/i.test(text)) violations.push(`${page.url()}: ${text}`);
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: async ({}, provide) => {
    await provide([]);
  },
  context: async ({ context, cspViolations }, provide) => {
    // Runs before any page script; reports violations that produce no console message (e.g. blocked frames).
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    for (const page of context.pages()) watch(page, cspViolations);
    context.on('page', (page) => watch(page, cspViolations));
    await provide(context);
  },
  page: async ({ page, cspViolations }, provide) => {
    await provide(page);
    expect(cspViolations, 'Content-Security-Policy violations during this test').toEqual([]);
  },
});

/** Applies the same guard to a context a test opens itself (browser.newContext()). */
export async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  context.on('page', (page) => watch(page, violations));
}

export { expect };
