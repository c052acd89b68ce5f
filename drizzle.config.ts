import { defineConfig } from 'drizzle-kit';

// Used by `npm run db:generate` only; migrations are applied by db/migrate-cli.ts against either database mode.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
  strict: true,
  verbose: true,
});
