import type { ReactNode } from 'react';
import type { ImageAttributes } from '@/components/ui/image';

/** A list row's 40 px image beside what names it (a dashed square when there is no image). */
export function ListThumbnail({ image, children }: { image: ImageAttributes | null; children: ReactNode }) {
  return (
    <div className="flex min-w-48 items-center gap-3">
      {image ? (
        // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- next/image's attributes, worked out on the server (alt "" beside the name)
        <img {...image} className="h-10 w-10 shrink-0 rounded border border-zinc-200 object-cover" />
      ) : (
        <span aria-hidden="true" className="h-10 w-10 shrink-0 rounded border border-dashed border-zinc-300 bg-zinc-50" />
      )}
      <span className="min-w-0">{children}</span>
    </div>
  );
}
