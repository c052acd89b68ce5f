import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminApiDocument } from './admin-openapi';

// Every handler under app/api/admin/v1 must be described, with its scope: a new endpoint without documentation fails here.

const apiRoot = path.join(process.cwd(), 'app', 'api', 'admin', 'v1');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === 'route.ts' ? [full] : [];
  });
}

describe('Admin API OpenAPI document', () => {
  const document = adminApiDocument('https://shop.example.com');

  it('is OpenAPI 3.1 under /api/admin/v1 with bearer keys', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers[0]!.url).toBe('https://shop.example.com/api/admin/v1');
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes every route handler and method, each with the scope its handler checks', () => {
    const handlers = routeFiles(apiRoot).flatMap((file) => {
      const apiPath = `/${path.relative(apiRoot, path.dirname(file)).split(path.sep).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}');
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = (?:adminApiRoute\('([a-z]+:[a-z]+)')?/g)].map((match) => ({
        operation: `${match[1]!.toLowerCase()} ${apiPath}`,
        scope: match[2] ?? null,
      }));
    });
    expect(handlers.length).toBeGreaterThan(15);
    const paths = document.paths as Record<string, Record<string, { 'x-scope'?: string }>>;
    for (const { operation, scope } of handlers) {
      const [method, apiPath] = operation.split(' ') as [string, string];
      expect(paths[apiPath]?.[method], operation).toBeDefined();
      if (scope) expect(paths[apiPath]![method]!['x-scope'], operation).toBe(scope);
    }
  });

  it('resolves every schema reference', () => {
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)) {
      expect(Object.keys(document.components.schemas)).toContain(name);
    }
  });
});
