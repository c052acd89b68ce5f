import path from 'node:path';

// What every media store shares: the interface, the key rule and content types (index.ts picks the store, s3.ts is one).

export type StoredObject = { body: Buffer; contentType: string };

export interface MediaStore {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]*(?:\/[a-z0-9][a-z0-9_.-]*)*$/;
const CONTENT_TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

/** Keys are lower-case path segments; anything that could climb out of the store ("..", absolute paths) is refused. */
export function isValidMediaKey(key: string): boolean {
  return key.length <= 512 && KEY_PATTERN.test(key) && !key.split('/').some((part) => part === '..' || part === '.');
}

export function contentTypeForKey(key: string): string | undefined {
  return CONTENT_TYPES[path.extname(key).toLowerCase()];
}
