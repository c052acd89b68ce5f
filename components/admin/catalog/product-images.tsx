'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useRef } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { deleteImageAction, moveImageAction, setImageVariantAction, updateImageAltAction } from '@/lib/admin/products/actions';
import { type ActionResult, type ActionState, refusal } from '@/lib/http/action-result';

export type AdminImage = { id: string; url: string; altText: string; width: number; height: number; variantId: string | null };
/** A variant an image can be shown for, labelled by its option values. */
export type AdminImageVariant = { id: string; label: string };


function UploadForm({ productId }: { productId: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(async (_prev: ActionState<null>, formData: FormData): Promise<ActionResult<null>> => {
    try {
      const response = await fetch(`/api/admin/products/${productId}/images`, { method: 'POST', body: formData });
      if (response.ok) {
        formRef.current?.reset();
        router.refresh();
        return { ok: true, data: null, message: 'Image uploaded.' };
      }
      const body = (await response.json().catch(() => null)) as { error?: { message?: string; fieldErrors?: Record<string, string[]> } } | null;
      return { ok: false, code: 'bad_request', message: body?.error?.message ?? 'The upload failed. Please try again.', fieldErrors: body?.error?.fieldErrors };
    } catch {
      return { ok: false, code: 'internal', message: 'The upload failed: check your connection and try again.' };
    }
  }, null);
  const { errors } = refusal(state);
  return (
    <form ref={formRef} action={action} aria-label="Upload image" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="image-file" className="block text-sm font-medium">Image file</label>
        <input id="image-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" aria-describedby="image-file-hint" className="mt-1 block text-sm" />
        <p id="image-file-hint" className="mt-1 text-xs text-zinc-600">JPEG, PNG, WebP, AVIF or GIF, up to 8 MB; stored as WebP without metadata.</p>
        <FieldError id="image-file-error" errors={errors.file} />
      </div>
      <div>
        <label htmlFor="image-alt" className="block text-sm font-medium">Alt text</label>
        <input id="image-alt" name="altText" className="mt-1 rounded-md border border-zinc-300 px-3 py-2" />
        <FieldError id="image-alt-error" errors={errors.altText} />
      </div>
      <SubmitButton pendingLabel="Uploading…" pending={pending}>Upload image</SubmitButton>
      <div className="basis-full">
        {state?.ok ? <FormMessage status="success" message={state.message ?? ''} /> : null}
        {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
      </div>
    </form>
  );
}

function ImageRow({ image, index, count, variants }: { image: AdminImage; index: number; count: number; variants: AdminImageVariant[] }) {
  const [altState, saveAlt, savingAlt] = useActionState(updateImageAltAction, null);
  const [moveState, move, moving] = useActionState(moveImageAction, null);
  const [deleteState, remove, removing] = useActionState(deleteImageAction, null);
  const [variantState, assign, assigning] = useActionState(setImageVariantAction, null);
  const error = [altState, moveState, deleteState, variantState].find((s) => s !== null && !s.ok);
  const label = image.altText || `Image ${index + 1}`;
  return (
    <li className="flex flex-wrap items-start gap-4 border-b border-zinc-100 py-3">
      {/* eslint-disable-next-line @next/next/no-img-element -- an admin thumbnail of a stored original */}
      <img src={image.url} alt={image.altText} width={96} height={96} className="h-24 w-24 rounded border border-zinc-200 object-cover" />
      <form action={saveAlt} aria-label={`Alt text of image ${index + 1}`} className="flex items-end gap-2">
        <input type="hidden" name="imageId" value={image.id} />
        <div>
          <label htmlFor={`alt-${image.id}`} className="block text-sm font-medium">{`Alt text, image ${index + 1}`}</label>
          <input id={`alt-${image.id}`} name="altText" defaultValue={image.altText} className="mt-1 rounded-md border border-zinc-300 px-3 py-1.5" />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Saving…" pending={savingAlt}>Save alt text</SubmitButton>
      </form>
      {variants.length > 1 ? (
        <form action={assign} aria-label={`Variant of image ${index + 1}`} className="flex items-end gap-2">
          <input type="hidden" name="imageId" value={image.id} />
          <div>
            <label htmlFor={`variant-${image.id}`} className="block text-sm font-medium">{`Shown for, image ${index + 1}`}</label>
            <select id={`variant-${image.id}`} name="variantId" defaultValue={image.variantId ?? ''} className="mt-1 rounded-md border border-zinc-300 px-3 py-1.5">
              <option value="">Every variant</option>
              {variants.map((variant) => (
                <option key={variant.id} value={variant.id}>
                  {variant.label}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton variant="secondary" pendingLabel="Saving…" pending={assigning}>Save variant</SubmitButton>
        </form>
      ) : null}
      <form action={move} className="flex gap-2">
        <input type="hidden" name="imageId" value={image.id} />
        {index > 0 ? (
          <SubmitButton variant="secondary" name="direction" value="up" pendingLabel="Moving…" pending={moving}>
            <span aria-hidden>↑</span> <span className="sr-only">Move {label} earlier</span>
          </SubmitButton>
        ) : null}
        {index < count - 1 ? (
          <SubmitButton variant="secondary" name="direction" value="down" pendingLabel="Moving…" pending={moving}>
            <span aria-hidden>↓</span> <span className="sr-only">Move {label} later</span>
          </SubmitButton>
        ) : null}
      </form>
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

export function ProductImages({ productId, images, variants }: { productId: string; images: AdminImage[]; variants: AdminImageVariant[] }) {
  return (
    <section aria-labelledby="images-heading" className="space-y-4 rounded-md border border-zinc-200 bg-white p-4">
      <h2 id="images-heading" className="text-lg font-semibold">Images</h2>
      {images.length === 0 ? <p className="text-sm text-zinc-600">No images yet. The first image is the one shown in listings.</p> : null}
      {variants.length > 1 ? (
        <p className="text-sm text-zinc-600">
          An image shown for a variant comes first in the gallery when a shopper picks that variant — or one sharing most of its options, when that
          variant has no image of its own.
        </p>
      ) : null}
      <ol className="space-y-1">
        {images.map((image, index) => (
          <ImageRow key={image.id} image={image} index={index} count={images.length} variants={variants} />
        ))}
      </ol>
      <UploadForm productId={productId} />
    </section>
  );
}
