import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { contentTypeForKey, isValidMediaKey, type MediaStore } from './keys';

// The media store in S3 (or an S3-compatible service). Same keys and contract as the local store; objects are
// still served through /media/{key} (app/media/[...key]/route.ts), so URLs, caching headers and next/image
// settings do not change with the driver — put a CDN in front of /media for scale.

export type S3MediaStoreOptions = {
  bucket: string;
  /** Prepended to every key, e.g. "media/". */
  prefix?: string;
  client: S3Client;
};

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey || error instanceof NotFound) return true;
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound');
}

export function createS3MediaStore({ bucket, prefix = '', client }: S3MediaStoreOptions): MediaStore {
  const objectKey = (key: string) => {
    if (!isValidMediaKey(key)) throw new Error(`Invalid media key: ${key}`);
    return `${prefix}${key}`;
  };
  return {
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey(key),
          Body: body,
          ContentType: contentType,
          // Keys are immutable (a new upload gets a new key), so the object may be cached for ever.
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
    },
    async get(key) {
      const contentType = contentTypeForKey(key);
      if (!contentType) return null;
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        if (!response.Body) return null;
        return { body: Buffer.from(await response.Body.transformToByteArray()), contentType };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async delete(key) {
      // S3 answers a delete of a missing key with success, like rm -f.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
  };
}

export function createS3Client(options: { region: string; endpoint?: string; forcePathStyle: boolean }): S3Client {
  return new S3Client({ region: options.region, endpoint: options.endpoint, forcePathStyle: options.forcePathStyle });
}
