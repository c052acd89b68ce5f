import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';
import { contentTypeForKey, isValidMediaKey, type MediaStore } from './keys';
import { createS3Client, createS3MediaStore } from './s3';

// Product images and other media. Local disk by default; the same interface fronts S3 when configured.

export { contentTypeForKey, isValidMediaKey, type MediaStore, type StoredObject } from './keys';

/** Public URL of a stored object, served by app/media/[...key]/route.ts. */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

export function createLocalMediaStore(rootDir: string): MediaStore {
  const root = path.resolve(rootDir);
  const resolve = (key: string) => {
    if (!isValidMediaKey(key)) throw new Error(`Invalid media key: ${key}`);
    return path.join(root, ...key.split('/'));
  };
  return {
    async put(key, body) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename would be atomic; objects are immutable by key, so a partial write is simply rewritten.
      await writeFile(file, body);
    },
    async get(key) {
      const contentType = contentTypeForKey(key);
      if (!contentType) return null;
      try {
        return { body: await readFile(resolve(key)), contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async exists(key) {
      try {
        return (await stat(resolve(key))).isFile();
      } catch {
        return false;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}

let store: MediaStore | undefined;

/** S3 when S3_BUCKET is set, else local disk under STORAGE_DIR. */
export function getMediaStore(): MediaStore {
  if (!store) {
    if (env.S3_BUCKET) {
      store = createS3MediaStore({
        bucket: env.S3_BUCKET,
        prefix: env.S3_PREFIX,
        client: createS3Client({ region: env.S3_REGION, endpoint: env.S3_ENDPOINT, forcePathStyle: env.S3_FORCE_PATH_STYLE }),
      });
    } else store = createLocalMediaStore(env.STORAGE_DIR);
  }
  return store;
}
