import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { SeededCatalogueFirst } from './db/testing/sequencer';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // The real module throws outside React Server Components; tests call server code directly.
      'server-only': path.join(root, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    // A key prefix per run: rate-limit counts in a shared Redis never carry over between runs (or checkouts).
    // One separate storefront is configured for the Store API: its origin for CORS (lib/http/cors.ts), its
    // publishable key (lib/http/publishable-key.ts).
    env: {
      LOG_LEVEL: 'silent',
      REDIS_KEY_PREFIX: `test-${Date.now().toString(36)}-${process.pid}`,
      STORE_API_CORS_ORIGINS: 'https://headless.example',
      STORE_API_PUBLISHABLE_KEYS: 'headless=pk_test_headless_storefront',
    },
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; let Vite resolve it.
    server: { deps: { inline: ['next-auth'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,db,components,app,infra}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{lib,db,app}/**/*.integration.test.ts'],
          // A fresh database per run: a new PostgreSQL database when DATABASE_URL is set, else a temporary PGlite.
          globalSetup: ['db/testing/global-setup.ts'],
          // The search files measure the catalogue as seeded: they run before any file adds products (db/testing/sequencer.ts).
          sequence: { sequencer: SeededCatalogueFirst },
          setupFiles: ['lib/startup/integration-setup.ts'],
          // One worker sharing one connection: PGlite is single-process, and files isolate by their own data.
          pool: 'forks',
          maxWorkers: 1,
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
