import { MAX_UPLOAD_BYTES, processImageUpload, type ProcessedImage } from '@/lib/storage/image-upload';

// Product photos: the shared upload pipeline (lib/storage/image-upload.ts: content sniffing, size and dimension
// limits, metadata stripped), stored as WebP at most 2,000 px on a side.

export { MAX_UPLOAD_BYTES };
export const MIN_DIMENSION = 64;
/** Stored images are at most this wide/high; storefront sizes are derived from them by next/image. */
export const STORED_MAX_DIMENSION = 2_000;

export async function processProductImage(input: Buffer): Promise<ProcessedImage & { contentType: 'image/webp' }> {
  return (await processImageUpload(input, { minDimension: MIN_DIMENSION, storedMaxDimension: STORED_MAX_DIMENSION, format: 'webp' })) as ProcessedImage & { contentType: 'image/webp' };
}
