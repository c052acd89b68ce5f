import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive Debian's Chromium against the production standalone server, which e2e/global-setup.ts
// starts on a fresh database (PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite).
// `npm run test:e2e` builds first; `npx playwright test` reuses the last build.

const port = Number(process.env.E2E_PORT ?? 3100);
const STOREWIDE_SPECS = ['store-images.spec.ts', 'content.spec.ts'] as const;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_500 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Root in CI containers needs --no-sandbox; the rest keep Chromium off the (closed) network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    // Specs that compare the storefront with facts read from the seeded database run first, before the admin
    // specs add and change products (a catalogue count taken while a product is being created would be a race).
    { name: 'seeded catalogue', testMatch: ['smoke.spec.ts', 'catalog.spec.ts'], use: { ...devices['Desktop Chrome'], channel: undefined } },
    {
      name: 'chromium',
      testIgnore: ['smoke.spec.ts', 'catalog.spec.ts', ...STOREWIDE_SPECS],
      dependencies: ['seeded catalogue'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    // Specs that change what every shopper sees (the logo, the home page's hero, menus and content pages) run last:
    // meanwhile the layout, search and header specs would measure a page someone else is redesigning.
    // One file after the other, and each file's tests in order (they change the same settings).
    { name: 'storewide images', testMatch: STOREWIDE_SPECS[0], fullyParallel: false, dependencies: ['chromium'], use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'storewide content', testMatch: STOREWIDE_SPECS[1], fullyParallel: false, dependencies: ['storewide images'], use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
});
