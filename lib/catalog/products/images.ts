import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { productImageVariants, productImages, products, variants } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { fetchRemoteBody, RemoteFetchError } from '@/lib/net/fetch-remote';
import { getMediaStore, type MediaStore } from '@/lib/storage';
import { MAX_UPLOAD_BYTES, processProductImage } from './image-processing';

// Product images: the file goes to the media store (local disk or S3) first — files cannot roll back — then the
// row and its audit entry commit together. A failed commit deletes the stored file again.

export type AddProductImageInput = {
  productId: string;
  file: Buffer;
  altText: string;
  /** Place in the product's image order (0 = first); absent or past the end appends it. */
  position?: number;
  /** Where the file came from, for the audit log (a URL without its query string). */
  source?: string;
};

export async function addProductImage(actor: AuditActor, input: AddProductImageInput, store: MediaStore = getMediaStore()): Promise<{ id: string; slug: string }> {
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
  if (!product) throw new AppError('not_found', 'That product no longer exists.');
  const image = await processProductImage(input.file);
  const key = `products/${input.productId}/${randomUUID()}.webp`;
  await store.put(key, image.body, image.contentType);
  try {
    return await db.transaction(async (tx) => {
      const [locked] = await tx.select({ slug: products.slug }).from(products).where(eq(products.id, input.productId)).for('update');
      if (!locked) throw new AppError('not_found', 'That product no longer exists.');
      const [row] = await tx
        .insert(productImages)
        .values({
          productId: input.productId,
          storageKey: key,
          altText: input.altText,
          width: image.width,
          height: image.height,
          position: sql`(select coalesce(max(position) + 1, 0) from ${productImages} where product_id = ${input.productId})`,
        })
        .returning({ id: productImages.id });
      const id = row!.id;
      if (input.position !== undefined) {
        // Rewritten 0..n-1 with the new image at its place (the product row lock keeps concurrent adds in line).
        const siblings = await tx
          .select({ id: productImages.id })
          .from(productImages)
          .where(eq(productImages.productId, input.productId))
          .orderBy(asc(productImages.position), asc(productImages.createdAt));
        const order = siblings.map((s) => s.id).filter((other) => other !== id);
        order.splice(Math.min(input.position, order.length), 0, id);
        for (const [position, imageId] of order.entries()) {
          await tx.update(productImages).set({ position }).where(and(eq(productImages.id, imageId), eq(productImages.productId, input.productId)));
        }
      }
      await recordAudit(tx, actor, {
        action: 'product.image_add',
        entityType: 'product',
        entityId: input.productId,
        after: { imageId: id, storageKey: key, width: image.width, height: image.height, altText: input.altText, ...(input.source ? { source: input.source } : {}) },
      });
      return { id, slug: locked.slug };
    });
  } catch (error) {
    await store.delete(key).catch(() => {});
    throw error;
  }
}

const FETCH_TIMEOUT_MS = 10_000;
const FETCH_MAX_REDIRECTS = 3;
// A declared type is only a first filter (the content decides): servers that do not know send octet-stream.
const ACCEPTABLE_TYPE = /^(image\/|application\/octet-stream|binary\/octet-stream)/i;

function urlError(message: string): AppError {
  return new AppError('validation_failed', message, { fieldErrors: { url: [message] } });
}

/**
 * Adds a product image the server fetches from a URL (the Admin API's "images by URL"): the address must be public
 * (every redirect too, lib/net), the body at most the panel's upload cap, and the file goes through the same
 * pipeline and the same write as a panel upload. A remote that fails or does not answer in time is 502.
 */
export async function addProductImageFromUrl(
  actor: AuditActor,
  input: { productId: string; url: string; altText: string; position?: number },
  store: MediaStore = getMediaStore(),
): Promise<{ id: string; slug: string }> {
  // Not found before anything is fetched.
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
  if (!product) throw new AppError('not_found', 'No product with this id.');
  let fetched: Awaited<ReturnType<typeof fetchRemoteBody>>;
  try {
    fetched = await fetchRemoteBody(input.url, { maxBytes: MAX_UPLOAD_BYTES, timeoutMs: FETCH_TIMEOUT_MS, maxRedirects: FETCH_MAX_REDIRECTS, accept: 'image/*' });
  } catch (error) {
    if (!(error instanceof RemoteFetchError)) throw error;
    if (error.reason === 'failed') throw new AppError('upstream_failed', `The image could not be fetched: ${error.message}`);
    if (error.reason === 'too_large') throw urlError(`Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    throw urlError(error.message);
  }
  if (fetched.contentType !== null && !ACCEPTABLE_TYPE.test(fetched.contentType)) {
    throw urlError(`The address serves ${fetched.contentType.split(';')[0]}, not an image.`);
  }
  try {
    return await addProductImage(actor, { productId: input.productId, file: fetched.body, altText: input.altText, position: input.position, source: fetched.url.origin + fetched.url.pathname }, store);
  } catch (error) {
    // The upload pipeline names its "file" field; here the field is the URL.
    if (error instanceof AppError && error.fieldErrors?.file) throw urlError(error.message);
    throw error;
  }
}

async function loadImage(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], imageId: string) {
  const [image] = await tx
    .select({
      id: productImages.id,
      productId: productImages.productId,
      storageKey: productImages.storageKey,
      altText: productImages.altText,
      slug: products.slug,
    })
    .from(productImages)
    .innerJoin(products, eq(products.id, productImages.productId))
    .where(eq(productImages.id, imageId))
    .for('update', { of: productImages });
  if (!image) throw new AppError('not_found', 'That image no longer exists.');
  return image;
}

export async function updateImageAlt(actor: AuditActor, imageId: string, altText: string): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    const image = await loadImage(tx, imageId);
    await tx.update(productImages).set({ altText }).where(eq(productImages.id, imageId));
    await recordAudit(tx, actor, { action: 'product.image_alt', entityType: 'product', entityId: image.productId, before: { imageId, altText: image.altText }, after: { imageId, altText } });
    return { slug: image.slug };
  });
}

/**
 * The variants an image is shown for (empty: every variant); replaces the image's whole set. Every variant must
 * belong to the image's product — checked in the same statement that reads them, so another product's variant id is
 * simply not found. The image row is locked first, so two saves of one image apply one after the other.
 */
export async function setImageVariants(actor: AuditActor, imageId: string, variantIds: string[]): Promise<{ slug: string }> {
  const wanted = [...new Set(variantIds)];
  return db.transaction(async (tx) => {
    const image = await loadImage(tx, imageId);
    if (wanted.length > 0) {
      const found = await tx
        .select({ id: variants.id })
        .from(variants)
        .where(and(inArray(variants.id, wanted), eq(variants.productId, image.productId)));
      if (found.length !== wanted.length) throw new AppError('not_found', 'That variant is not one of this product’s.');
    }
    const before = (await tx.select({ variantId: productImageVariants.variantId }).from(productImageVariants).where(eq(productImageVariants.imageId, imageId))).map((row) => row.variantId);
    await tx.delete(productImageVariants).where(eq(productImageVariants.imageId, imageId));
    if (wanted.length > 0) await tx.insert(productImageVariants).values(wanted.map((variantId) => ({ imageId, variantId })));
    // The log names the variants as the merchant sees them ("Blue (TEE-BLUE)"), in the product's variant order.
    const named = await tx
      .select({ id: variants.id, title: variants.title, sku: variants.sku })
      .from(variants)
      .where(eq(variants.productId, image.productId))
      .orderBy(asc(variants.position), asc(variants.sku));
    const shownFor = (ids: string[]) => {
      const names = named.filter((variant) => ids.includes(variant.id)).map((variant) => `${variant.title} (${variant.sku})`);
      return names.length === 0 ? 'Every variant' : names.join(', ');
    };
    await recordAudit(tx, actor, {
      action: 'product.image_variant',
      entityType: 'product',
      entityId: image.productId,
      before: { imageId, shownFor: shownFor(before) },
      after: { imageId, shownFor: shownFor(wanted) },
    });
    return { slug: image.slug };
  });
}

/** Moves an image one place earlier or later; positions are rewritten 0..n-1 so gaps and ties disappear. */
export async function moveImage(actor: AuditActor, imageId: string, direction: 'up' | 'down'): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    const image = await loadImage(tx, imageId);
    const siblings = await tx
      .select({ id: productImages.id })
      .from(productImages)
      .where(eq(productImages.productId, image.productId))
      .orderBy(asc(productImages.position), asc(productImages.createdAt))
      .for('update');
    const order = siblings.map((s) => s.id);
    const from = order.indexOf(imageId);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return { slug: image.slug };
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, id] of order.entries()) {
      await tx.update(productImages).set({ position }).where(and(eq(productImages.id, id), eq(productImages.productId, image.productId)));
    }
    await recordAudit(tx, actor, { action: 'product.image_reorder', entityType: 'product', entityId: image.productId, before: { imageId, position: from }, after: { imageId, position: to } });
    return { slug: image.slug };
  });
}

export async function deleteImage(actor: AuditActor, imageId: string, store: MediaStore = getMediaStore()): Promise<{ slug: string }> {
  const result = await db.transaction(async (tx) => {
    const image = await loadImage(tx, imageId);
    await tx.delete(productImages).where(eq(productImages.id, imageId));
    await recordAudit(tx, actor, { action: 'product.image_delete', entityType: 'product', entityId: image.productId, before: { imageId, storageKey: image.storageKey, altText: image.altText } });
    return image;
  });
  // After the commit: another image row never shares a key (keys are random per upload), except seed images.
  if (!result.storageKey.startsWith('seed/')) await store.delete(result.storageKey).catch(() => {});
  return { slug: result.slug };
}

/**
 * Puts a product's images in the order given (the editor's drag and drop, and its move buttons). The list must name
 * exactly the product's images: one added or deleted meanwhile (another tab, the API) refuses the order rather than
 * guessing where it goes. The product row is locked so two reorders, or a reorder and an upload, take turns.
 */
export async function reorderImages(actor: AuditActor, productId: string, imageIds: readonly string[]): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    const [product] = await tx.select({ slug: products.slug }).from(products).where(eq(products.id, productId)).for('update');
    if (!product) throw new AppError('not_found', 'That product no longer exists.');
    const current = await tx
      .select({ id: productImages.id })
      .from(productImages)
      .where(eq(productImages.productId, productId))
      .orderBy(asc(productImages.position), asc(productImages.createdAt));
    const before = current.map((image) => image.id);
    const wanted = new Set(imageIds);
    if (wanted.size !== imageIds.length || before.length !== imageIds.length || before.some((id) => !wanted.has(id))) {
      throw new AppError('conflict', 'The images changed meanwhile: reload the page and try again.');
    }
    if (before.every((id, index) => id === imageIds[index])) return { slug: product.slug };
    for (const [position, id] of imageIds.entries()) {
      await tx.update(productImages).set({ position }).where(and(eq(productImages.id, id), eq(productImages.productId, productId)));
    }
    await recordAudit(tx, actor, { action: 'product.image_reorder', entityType: 'product', entityId: productId, before: { order: before }, after: { order: [...imageIds] } });
    return { slug: product.slug };
  });
}
