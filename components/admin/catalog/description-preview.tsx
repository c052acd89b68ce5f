'use client';

import { useDeferredValue, useEffect, useState } from 'react';
import { RichText } from '@/components/content/rich-text';

/**
 * The description as the product page shows it: the storefront's own renderer and sanitiser
 * (lib/catalog/description.ts, loaded on first use) into the storefront's RichText.
 */
export function DescriptionPreview({ markdown }: { markdown: string }) {
  const [html, setHtml] = useState<string | null>(null);
  const deferred = useDeferredValue(markdown);
  useEffect(() => {
    let current = true;
    import('@/lib/catalog/description').then(({ renderProductDescription }) => {
      if (current) setHtml(renderProductDescription(deferred));
    });
    return () => {
      current = false;
    };
  }, [deferred]);
  if (html === null) return <p className="text-sm text-zinc-600">Loading the preview…</p>;
  if (!html.trim()) return <p className="text-sm text-zinc-600">Nothing to preview yet.</p>;
  return (
    <div data-testid="description-preview">
      <RichText html={html} />
    </div>
  );
}
