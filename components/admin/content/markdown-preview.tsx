'use client';

import { useDeferredValue, useEffect, useId, useState } from 'react';
import { RichText } from '@/components/content/rich-text';

const WIDTHS = [
  { key: 'phone', label: 'Phone', className: 'w-full max-w-[390px]' },
  { key: 'desktop', label: 'Desktop', className: 'w-[1024px] max-w-none' },
] as const;

type Width = (typeof WIDTHS)[number]['key'];

/**
 * A content page as shoppers will see it, following the editor as the merchant types: the Markdown goes through the
 * storefront's own renderer and sanitiser (lib/store/content/markdown.ts, loaded on first use) and into the
 * storefront's own RichText, so what is previewed is what is published — a typed <script> is dropped here exactly as
 * it is on the store. `initialHtml` is the server's rendering of the saved body, so the first paint needs no script.
 */
export function MarkdownPreview({ title, markdown, initialHtml }: { title: string; markdown: string; initialHtml: string }) {
  const [html, setHtml] = useState(initialHtml);
  const [width, setWidth] = useState<Width>('phone');
  const deferred = useDeferredValue(markdown);
  const id = useId();
  useEffect(() => {
    let current = true;
    import('@/lib/store/content/markdown').then(({ renderMarkdown }) => {
      if (current) setHtml(renderMarkdown(deferred));
    });
    return () => {
      current = false;
    };
  }, [deferred]);
  const frame = WIDTHS.find((option) => option.key === width)!;
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Preview
        </h2>
        <fieldset className="flex items-center gap-1 text-sm">
          <legend className="sr-only">Preview width</legend>
          {WIDTHS.map((option) => (
            <label key={option.key} className="flex cursor-pointer items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 has-[:checked]:border-zinc-900 has-[:checked]:bg-zinc-900 has-[:checked]:text-white">
              <input type="radio" name={`${id}-width`} value={option.key} checked={width === option.key} onChange={() => setWidth(option.key)} className="size-3.5" />
              {option.label}
            </label>
          ))}
        </fieldset>
      </div>
      {/* Scrolls sideways, not the page, when the desktop frame is wider than the screen. */}
      <div tabIndex={0} role="region" aria-label={`Page preview at ${frame.label.toLowerCase()} width`} className="overflow-x-auto rounded-lg border border-dashed border-zinc-300 bg-zinc-50 p-2">
        {/* Inert: the preview's links neither take focus nor navigate away from the editor. */}
        <div inert data-testid="page-preview" data-width={width} className={`${frame.className} mx-auto space-y-6 bg-white p-4`}>
          <p className="text-3xl font-bold tracking-tight break-words">{title || 'Untitled page'}</p>
          <RichText html={html} />
        </div>
      </div>
    </section>
  );
}
