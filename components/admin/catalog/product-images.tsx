'use client';

import { useRouter } from 'next/navigation';
import { type DragEvent, useActionState, useState, useTransition } from 'react';
import { Dropzone } from '@/components/ui/dropzone';
import { MultiSelectCombobox } from '@/components/ui/multi-select-combobox';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useToast } from '@/components/ui/toast-context';
import { reorderImagesAction } from '@/lib/admin/product-images/actions';
import { deleteImageAction, setImageVariantsAction, updateImageAltAction } from '@/lib/admin/products/actions';

export type AdminImage = { id: string; url: string; altText: string; width: number; height: number; variantIds: string[] };
/** A variant an image can be shown for, labelled by its option values. */
export type AdminImageVariant = { id: string; label: string };

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';
const MAX_BYTES = 8 * 1024 * 1024;
/** Uploads at once: enough to overlap the server's image processing with the next transfer, not to flood it. */
const PARALLEL = 2;
/** The drag payload of an image being reordered (files dragged in from the desktop carry "Files" instead). */
const IMAGE_DRAG = 'application/x-storefront-image';

type Upload = { key: string; name: string; progress: number; status: 'waiting' | 'uploading' | 'done' | 'failed'; message?: string };

/** One file to the upload route, reporting progress; resolves with the refusal's message, or null when stored. */
function sendFile(productId: string, file: File, altText: string, onProgress: (fraction: number) => void): Promise<string | null> {
  return new Promise((resolve) => {
    const body = new FormData();
    body.set('file', file);
    body.set('altText', altText);
    const request = new XMLHttpRequest();
    request.open('POST', `/api/admin/products/${productId}/images`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) return resolve(null);
      try {
        const answer = JSON.parse(request.responseText) as { error?: { message?: string } };
        resolve(answer.error?.message ?? 'The upload failed. Please try again.');
      } catch {
        resolve('The upload failed. Please try again.');
      }
    };
    request.onerror = () => resolve('The upload failed: check your connection and try again.');
    request.send(body);
  });
}

function UploadList({ uploads }: { uploads: Upload[] }) {
  if (uploads.length === 0) return null;
  return (
    <ul aria-label="Uploads" className="space-y-2">
      {uploads.map((upload) => (
        <li key={upload.key} className="grid gap-1 rounded-md border border-zinc-200 px-3 py-2 text-sm sm:grid-cols-[minmax(0,1fr)_10rem] sm:items-center">
          <span className="truncate font-medium">{upload.name}</span>
          {upload.status === 'failed' ? (
            // The one place a refusal is told (no toast repeats it).
            <p role="alert" className="text-red-700 sm:col-span-2">
              {upload.message}
            </p>
          ) : upload.status === 'done' ? (
            // The toast announces the batch; this line is not announced again.
            <p role="status" aria-live="off" className="text-green-800">
              Image uploaded.
            </p>
          ) : (
            <progress max={100} value={upload.status === 'waiting' ? 0 : Math.round(upload.progress * 100)} aria-label={`Uploading ${upload.name}`} className="h-2 w-full" />
          )}
        </li>
      ))}
    </ul>
  );
}

function ImageRow({
  image,
  index,
  count,
  variants,
  moving,
  onMove,
  dragProps,
}: {
  image: AdminImage;
  index: number;
  count: number;
  variants: AdminImageVariant[];
  moving: boolean;
  onMove: (to: number) => void;
  dragProps: { onDragOver: (event: DragEvent) => void; onDrop: (event: DragEvent) => void; onDragStart: (event: DragEvent) => void; dropping: boolean };
}) {
  const [altState, saveAlt, savingAlt] = useActionState(updateImageAltAction, null);
  const [deleteState, remove, removing] = useActionState(deleteImageAction, null);
  const [variantState, assign, assigning] = useActionState(setImageVariantsAction, null);
  const error = [altState, deleteState, variantState].find((s) => s !== null && !s.ok);
  const label = image.altText || `Image ${index + 1}`;
  return (
    <li
      onDragOver={dragProps.onDragOver}
      onDrop={dragProps.onDrop}
      className={`flex flex-wrap items-start gap-4 border-b border-zinc-100 py-3 ${dragProps.dropping ? 'border-t-2 border-t-brand-600' : ''}`}
    >
      <div draggable onDragStart={dragProps.onDragStart} title="Drag to reorder" className="relative cursor-grab active:cursor-grabbing">
        {/* eslint-disable-next-line @next/next/no-img-element -- an admin thumbnail of a stored original */}
        <img src={image.url} alt={image.altText} width={96} height={96} draggable={false} className="h-24 w-24 rounded border border-zinc-200 object-cover" />
        <span aria-hidden className="absolute top-1 left-1 rounded bg-white/90 px-1 text-xs text-zinc-700">
          {index + 1} ⠿
        </span>
      </div>
      <form action={saveAlt} aria-label={`Alt text of image ${index + 1}`} className="flex items-end gap-2">
        <input type="hidden" name="imageId" value={image.id} />
        <div>
          <label htmlFor={`alt-${image.id}`} className="block text-sm font-medium">{`Alt text, image ${index + 1}`}</label>
          <input id={`alt-${image.id}`} name="altText" defaultValue={image.altText} className="mt-1 rounded-md border border-zinc-300 px-3 py-1.5" />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Saving…" pending={savingAlt}>Save alt text</SubmitButton>
      </form>
      {variants.length > 1 ? (
        // Any number of variants; none chosen: shown for every variant.
        <form action={assign} aria-label={`Variants of image ${index + 1}`} className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
          <input type="hidden" name="imageId" value={image.id} />
          <div className="w-full sm:w-72">
            <MultiSelectCombobox
              id={`variants-${image.id}`}
              label={`Shown for, image ${index + 1}`}
              name="variantIds"
              chosenLabel={`Variants of image ${index + 1}`}
              placeholder={image.variantIds.length === 0 ? 'Every variant' : 'Add a variant'}
              options={variants.map((variant) => ({ value: variant.id, label: variant.label }))}
              // In the editor's variant order, not the order they were stored in.
              defaultValue={variants.filter((variant) => image.variantIds.includes(variant.id)).map((variant) => variant.id)}
              describedBy={`variants-${image.id}-hint`}
            />
          </div>
          <SubmitButton variant="secondary" pendingLabel="Saving…" pending={assigning}>Save variants</SubmitButton>
          <p id={`variants-${image.id}-hint`} className="w-full text-xs text-zinc-600">
            Leave empty to show it for every variant.
          </p>
        </form>
      ) : null}
      <div className="flex gap-2">
        {index > 0 ? (
          <button type="button" disabled={moving} onClick={() => onMove(index - 1)} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60">
            <span aria-hidden>↑</span> <span className="sr-only">Move {label} earlier</span>
          </button>
        ) : null}
        {index < count - 1 ? (
          <button type="button" disabled={moving} onClick={() => onMove(index + 1)} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60">
            <span aria-hidden>↓</span> <span className="sr-only">Move {label} later</span>
          </button>
        ) : null}
      </div>
      <form action={remove}>
        <input type="hidden" name="imageId" value={image.id} />
        <SubmitButton variant="link" pendingLabel="Deleting…" pending={removing}>
          Delete <span className="sr-only">{label}</span>
        </SubmitButton>
      </form>
      {error && !error.ok ? <FormMessage status="error" message={error.message} /> : null}
      {altState?.ok ? <FormMessage status="success" message={altState.message ?? ''} /> : null}
      {variantState?.ok ? <FormMessage status="success" message={variantState.message ?? ''} /> : null}
    </li>
  );
}

/**
 * The product's images: drop several files (or choose them) to upload them side by side with their progress; drag a
 * thumbnail, or use its move buttons, to change the gallery order; choose the variant an image is shown for.
 */
export function ProductImages({ productId, productTitle, images, variants }: { productId: string; productTitle: string; images: AdminImage[]; variants: AdminImageVariant[] }) {
  const router = useRouter();
  const notify = useToast();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const uploading = uploads.some((upload) => upload.status === 'waiting' || upload.status === 'uploading');
  // The order on screen: changed at once when dragged or moved, then saved; the server's order wins when it changes.
  const [order, setOrder] = useState(() => images.map((image) => image.id));
  const [shown, setShown] = useState(images);
  if (images !== shown) {
    setShown(images);
    setOrder(images.map((image) => image.id));
  }
  const [orderError, setOrderError] = useState<string | null>(null);
  const [moving, startMove] = useTransition();
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const byId = new Map(images.map((image) => [image.id, image]));
  const ordered = order.map((id) => byId.get(id)).filter((image): image is AdminImage => Boolean(image));

  function saveOrder(next: string[]) {
    const previous = order;
    setOrder(next);
    setOrderError(null);
    startMove(async () => {
      const result = await reorderImagesAction({ productId, imageIds: next });
      if (result.ok) notify?.success(result.message ?? 'Image order saved.');
      else {
        setOrder(previous);
        setOrderError(result.message);
      }
    });
  }

  function moveTo(id: string, to: number) {
    const next = order.filter((other) => other !== id);
    next.splice(Math.max(0, Math.min(to, next.length)), 0, id);
    if (next.join() !== order.join()) saveOrder(next);
  }

  async function upload(files: File[]) {
    const batch: Upload[] = files.map((file, i) => ({ key: `${Date.now()}-${i}-${file.name}`, name: file.name, progress: 0, status: 'waiting' }));
    // Too large is known before sending anything.
    for (const [i, file] of files.entries()) {
      if (file.size > MAX_BYTES) batch[i] = { ...batch[i]!, status: 'failed', message: `${file.name} is larger than 8 MB.` };
    }
    setUploads(batch);
    const update = (key: string, patch: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...patch } : u)));
    const queue = files.map((file, i) => ({ file, entry: batch[i]! })).filter(({ entry }) => entry.status === 'waiting');
    let stored = 0;
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { file, entry } = next;
        update(entry.key, { status: 'uploading' });
        const refusal = await sendFile(productId, file, productTitle, (progress) => update(entry.key, { progress }));
        if (refusal) update(entry.key, { status: 'failed', message: refusal });
        else {
          stored += 1;
          update(entry.key, { status: 'done', progress: 1 });
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (stored > 0) {
      notify?.success(stored === 1 ? '1 image uploaded.' : `${stored} images uploaded.`);
      router.refresh();
    }
  }

  const dragPropsFor = (image: AdminImage, index: number) => ({
    dropping: dragged !== null && dropTarget === index && dragged !== image.id,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.setData(IMAGE_DRAG, image.id);
      event.dataTransfer.effectAllowed = 'move';
      setDragged(image.id);
    },
    onDragOver: (event: DragEvent) => {
      if (!Array.from(event.dataTransfer.types).includes(IMAGE_DRAG)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (dropTarget !== index) setDropTarget(index);
    },
    onDrop: (event: DragEvent) => {
      const id = event.dataTransfer.getData(IMAGE_DRAG);
      if (!id) return;
      event.preventDefault();
      setDragged(null);
      setDropTarget(null);
      moveTo(id, index);
    },
  });

  return (
    <section aria-labelledby="images-heading" className="space-y-4 rounded-md border border-zinc-200 bg-white p-4" onDragEnd={() => (setDragged(null), setDropTarget(null))}>
      <h2 id="images-heading" className="text-lg font-semibold">Images</h2>
      {images.length === 0 ? <p className="text-sm text-zinc-600">No images yet. The first image is the one shown in listings.</p> : <p className="text-sm text-zinc-600">The first image is the one shown in listings. Drag a thumbnail, or use the arrows, to change the order.</p>}
      {variants.length > 1 ? (
        <p className="text-sm text-zinc-600">
          An image shown for a variant comes first in the gallery when a shopper picks that variant — or one sharing most of its options, when that
          variant has no image of its own.
        </p>
      ) : null}
      <ol aria-label="Images, in gallery order" aria-busy={moving || undefined} className="space-y-1">
        {ordered.map((image, index) => (
          <ImageRow key={image.id} image={image} index={index} count={ordered.length} variants={variants} moving={moving} onMove={(to) => moveTo(image.id, to)} dragProps={dragPropsFor(image, index)} />
        ))}
      </ol>
      {orderError ? <FormMessage status="error" message={orderError} /> : null}
      {moving ? (
        <p role="status" className="text-sm text-zinc-600">
          Saving the order…
        </p>
      ) : null}
      <Dropzone label="Add images" accept={ACCEPT} disabled={uploading} onFiles={upload} hint="JPEG, PNG, WebP, AVIF or GIF, up to 8 MB each; several at once. Stored as WebP without metadata." />
      <UploadList uploads={uploads} />
    </section>
  );
}
