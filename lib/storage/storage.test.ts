import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalMediaStore, isValidMediaKey, mediaUrl } from './index';

describe('media keys', () => {
  it.each(['seed/linen-shirt.webp', 'products/2026/abc_1.avif', 'a.png'])('accepts %s', (key) => {
    expect(isValidMediaKey(key)).toBe(true);
  });

  it.each(['../etc/passwd', 'seed/../../x.webp', '/abs.webp', 'Seed/Upper.webp', 'seed//x.webp', 'seed/./x.webp', '', 'a\\b.webp'])(
    'refuses %j',
    (key) => {
      expect(isValidMediaKey(key)).toBe(false);
    },
  );

  it('builds public URLs under /media', () => {
    expect(mediaUrl('seed/x.webp')).toBe('/media/seed/x.webp');
  });
});

describe('local media store', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('stores, reads back, reports and deletes objects by key', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'media-test-'));
    dirs.push(dir);
    const store = createLocalMediaStore(dir);
    const bytes = Buffer.from('RIFF....WEBPVP8 ');
    await store.put('seed/item.webp', bytes, 'image/webp');
    expect(await store.exists('seed/item.webp')).toBe(true);
    expect(await store.get('seed/item.webp')).toEqual({ body: bytes, contentType: 'image/webp' });
    await store.delete('seed/item.webp');
    expect(await store.get('seed/item.webp')).toBeNull();
    await expect(store.put('../escape.webp', bytes, 'image/webp')).rejects.toThrow(/Invalid media key/);
  });
});
