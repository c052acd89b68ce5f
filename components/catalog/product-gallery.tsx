'use client';

import { type MouseEvent, useId, useRef, useState } from 'react';
import type { ImageAttributes } from '@/components/ui/image';
import { imageIndexForVariant } from '@/lib/catalog/gallery';
import type { ProductDetail } from '@/lib/catalog/types';
import { useVariantSelection } from './variant-selection';

/** One gallery image: its <img> attributes at each size, worked out on the server (no image code is shipped). */
export type GalleryImage = {
  alt: string;
  variantIds: string[];
  /** The stored original, which a link without JavaScript opens. */
  url: string;
  main: ImageAttributes;
  thumb: ImageAttributes;
  zoom: ImageAttributes;
};

function isPlainClick(event: MouseEvent) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * The product's images: a main image, thumbnails to choose another, and a zoom view. Picking a variant brings its
 * image forward (lib/catalog/gallery.ts). Without JavaScript the main image and thumbnails are links to the images.
 */
export function ProductGallery({ images, variants, title }: { images: GalleryImage[]; variants: Pick<ProductDetail['variants'][number], 'id' | 'options'>[]; title: string }) {
  const { variant } = useVariantSelection();
  const variantId = variant?.id ?? null;
  const [index, setIndex] = useState(() => imageIndexForVariant(images, variants, variantId));
  const [shownFor, setShownFor] = useState(variantId);
  if (variantId !== shownFor) {
    setShownFor(variantId);
    setIndex(imageIndexForVariant(images, variants, variantId));
  }
  const [zoomed, setZoomed] = useState(false);
  const [magnified, setMagnified] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLAnchorElement>(null);
  const zoomTitle = useId();

  const current = images[Math.min(index, images.length - 1)];
  if (!current) return <div className="aspect-square w-full rounded-xl bg-zinc-100" />;
  const count = images.length;

  const openZoom = (event: MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    setZoomed(true);
    setMagnified(false);
    dialog.current?.showModal();
  };
  const step = (by: number) => setIndex((value) => (value + by + count) % count);

  return (
    <section aria-label="Product images" className="space-y-3">
      <a
        ref={opener}
        href={current.url}
        onClick={openZoom}
        aria-haspopup="dialog"
        className="block cursor-zoom-in overflow-hidden rounded-xl bg-zinc-100"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- next/image's attributes, worked out on the server */}
        <img {...current.main} alt={current.alt} className="aspect-square w-full object-cover" />
        <span className="sr-only">Zoom image{count > 1 ? ` ${index + 1} of ${count}` : ''}</span>
      </a>
      {count > 1 ? (
        <ul aria-label="More images" className="grid grid-cols-5 gap-2">
          {images.map((image, position) => (
            <li key={image.url}>
              <a
                href={image.url}
                onClick={(event) => {
                  if (!isPlainClick(event)) return;
                  event.preventDefault();
                  setIndex(position);
                }}
                aria-current={position === index ? 'true' : undefined}
                aria-label={`Show image ${position + 1} of ${count}${image.alt ? `: ${image.alt}` : ''}`}
                className={`block overflow-hidden rounded-lg border-2 ${position === index ? 'border-zinc-900' : 'border-transparent hover:border-zinc-400'}`}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- next/image's attributes; decorative, the link is named */}
                <img {...image.thumb} alt="" className="aspect-square w-full object-cover" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}

      {/* A native modal dialog: the page behind is inert, Escape closes it and focus goes back to the image. */}
      <dialog
        ref={dialog}
        aria-labelledby={zoomTitle}
        onClose={() => {
          setZoomed(false);
          opener.current?.focus();
        }}
        className="m-0 h-full max-h-none w-full max-w-none bg-white p-0 backdrop:bg-black/60"
      >
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-4 py-2">
            <h2 id={zoomTitle} className="min-w-0 truncate text-sm font-medium">
              {title}
              {count > 1 ? ` — image ${index + 1} of ${count}` : ''}
            </h2>
            <div className="flex shrink-0 gap-2">
              <button
                type="button"
                aria-pressed={magnified}
                onClick={() => setMagnified((value) => !value)}
                className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50"
              >
                {magnified ? 'Zoom out' : 'Zoom in'}
              </button>
              <button type="button" onClick={() => dialog.current?.close()} className="rounded-md px-3 py-1.5 text-sm underline">
                Close<span className="sr-only"> zoomed image</span>
              </button>
            </div>
          </div>
          {/* Focusable, so the arrow keys pan a magnified image. */}
          <div
            tabIndex={0}
            role="region"
            aria-label="Zoomed image; scroll or use the arrow keys to move around"
            className="min-h-0 flex-1 overflow-auto"
          >
            {zoomed ? (
              // eslint-disable-next-line @next/next/no-img-element -- next/image's attributes; the Zoom in/out button is the keyboard way to magnify
              <img
                {...current.zoom}
                alt={current.alt}
                onClick={() => setMagnified((value) => !value)}
                className={magnified ? 'w-[200%] max-w-none cursor-zoom-out' : 'mx-auto h-full w-full cursor-zoom-in object-contain'}
              />
            ) : null}
          </div>
          {count > 1 ? (
            <div className="flex justify-between gap-3 border-t border-zinc-200 px-4 py-2">
              <button type="button" onClick={() => step(-1)} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
                Previous image
              </button>
              <button type="button" onClick={() => step(1)} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
                Next image
              </button>
            </div>
          ) : null}
        </div>
      </dialog>
    </section>
  );
}
