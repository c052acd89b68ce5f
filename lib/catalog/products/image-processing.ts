import sharp, { type Metadata } from 'sharp';
import { AppError } from '@/lib/errors';

// Uploads are judged by their content, never their name or declared type: sharp must decode them as one of the
// formats below. They are re-encoded to WebP, which also drops EXIF/GPS and any other metadata (sharp keeps none
// unless asked), after applying the camera's orientation.

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024; // below the proxy's 10 MB request-body cap, with room for the form
export const MIN_DIMENSION = 64;
export const MAX_DIMENSION = 8_000;
/** Stored images are at most this wide/high; storefront sizes are derived from them by next/image. */
export const STORED_MAX_DIMENSION = 2_000;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'heif']);

export type ProcessedImage = { body: Buffer; width: number; height: number; contentType: 'image/webp' };

export async function processProductImage(input: Buffer): Promise<ProcessedImage> {
  if (input.byteLength === 0) throw new AppError('validation_failed', 'The file is empty.', { fieldErrors: { file: ['Choose an image file.'] } });
  if (input.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError('payload_too_large', `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, { fieldErrors: { file: [`At most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`] } });
  }
  const notImage = () =>
    new AppError('unsupported_media_type', 'That file is not an image we can use (JPEG, PNG, WebP, AVIF or GIF).', {
      fieldErrors: { file: ['Not a JPEG, PNG, WebP, AVIF or GIF image.'] },
    });
  let metadata: Metadata;
  try {
    // limitInputPixels refuses decompression bombs before any pixel is decoded.
    metadata = await sharp(input, { limitInputPixels: MAX_DIMENSION * MAX_DIMENSION, failOn: 'error' }).metadata();
  } catch {
    throw notImage();
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) throw notImage();
  const { width, height } = metadata;
  if (width < MIN_DIMENSION || height < MIN_DIMENSION || width > MAX_DIMENSION || height > MAX_DIMENSION) {
    const message = `Images must be between ${MIN_DIMENSION} and ${MAX_DIMENSION} pixels on each side (this one is ${width}×${height}).`;
    throw new AppError('validation_failed', message, { fieldErrors: { file: [message] } });
  }
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_DIMENSION * MAX_DIMENSION, failOn: 'error' })
      .rotate()
      .resize({ width: STORED_MAX_DIMENSION, height: STORED_MAX_DIMENSION, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { body: data, width: info.width, height: info.height, contentType: 'image/webp' };
  } catch {
    throw notImage();
  }
}
