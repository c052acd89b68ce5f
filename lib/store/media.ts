import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { getMediaStore, type MediaStore, mediaUrl } from '@/lib/storage';
import { processImageUpload, type ImageUploadOptions } from '@/lib/storage/image-upload';

// The store's own images: the logo (settings) and the home page's hero (the composer). Uploaded through the same
// pipeline as product photos (lib/storage/image-upload.ts) and kept in the same media store (disk or S3). An upload
// is stored and audited at once and handed back as a /media/… path; the form that uses it (brand, home page) saves
// that path with its other fields, and the file it replaces is deleted after that save commits.

export const STORE_IMAGE_PURPOSES = ['logo', 'hero'] as const;
export type StoreImagePurpose = (typeof STORE_IMAGE_PURPOSES)[number];

const PURPOSES: Record<StoreImagePurpose, ImageUploadOptions & { folder: string }> = {
  // PNG, not WebP: the logo heads every email, and some email clients (desktop Outlook) show no WebP.
  logo: { folder: 'brand', minDimension: 16, storedMaxDimension: 800, format: 'png' },
  hero: { folder: 'home', minDimension: 200, storedMaxDimension: 2_400, format: 'webp' },
};

export type UploadedStoreImage = { url: string; width: number; height: number };

export async function uploadStoreImage(actor: AuditActor, purpose: StoreImagePurpose, file: Buffer, store: MediaStore = getMediaStore()): Promise<UploadedStoreImage> {
  const options = PURPOSES[purpose];
  const image = await processImageUpload(file, options);
  const key = `${options.folder}/${randomUUID()}.${image.extension}`;
  // Files cannot roll back: stored first, and deleted again if the audit row does not commit.
  await store.put(key, image.body, image.contentType);
  try {
    await db.transaction((tx) =>
      recordAudit(tx, actor, { action: 'media.upload', entityType: 'store_image', entityId: null, after: { purpose, storageKey: key, width: image.width, height: image.height, bytes: image.body.byteLength } }),
    );
  } catch (error) {
    await store.delete(key).catch(() => {});
    throw error;
  }
  return { url: mediaUrl(key), width: image.width, height: image.height };
}

/** The media key of an image this module stored, from its path; null for anything else (a product photo, a file in public/). */
function uploadedKey(url: string | null): string | null {
  if (!url?.startsWith('/media/')) return null;
  const key = url.slice('/media/'.length);
  return Object.values(PURPOSES).some((purpose) => key.startsWith(`${purpose.folder}/`)) ? key : null;
}

/** After a save committed: the uploaded image it replaced or removed is deleted (keys are random per upload, never shared). */
export async function discardReplacedStoreImage(before: string | null | undefined, after: string | null, store: MediaStore = getMediaStore()): Promise<void> {
  const key = uploadedKey(before ?? null);
  if (!key || before === after) return;
  await store.delete(key).catch(() => {});
}
