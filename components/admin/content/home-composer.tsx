'use client';

import { type CSSProperties, useActionState, useState } from 'react';
import { HomeHero } from '@/components/content/home-hero';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveHomePageAction } from '@/lib/admin/content/actions';
import { refusal } from '@/lib/http/action-result';
import { shade, tint } from '@/lib/store/brand';
import type { HomePageView } from '@/lib/store/content/types';
import { ImageUploadField } from './image-upload-field';

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2 text-sm';

type Draft = {
  heroHeading: string;
  heroText: string;
  heroImageUrl: string;
  heroImageAlt: string;
  ctaLabel: string;
  ctaHref: string;
  featuredCategoryIds: string[];
  showFeatured: boolean;
  featuredTitle: string;
  showNewest: boolean;
  newestTitle: string;
};

function draftFrom(home: HomePageView): Draft {
  const featured = home.collections.find((c) => c.key === 'featured');
  const newest = home.collections.find((c) => c.key === 'newest');
  return {
    heroHeading: home.heroHeading,
    heroText: home.heroText,
    heroImageUrl: home.heroImageUrl ?? '',
    heroImageAlt: home.heroImageAlt,
    ctaLabel: home.ctaLabel ?? '',
    ctaHref: home.ctaHref ?? '',
    featuredCategoryIds: home.featuredCategoryIds,
    showFeatured: Boolean(featured),
    featuredTitle: featured?.title ?? 'Featured products',
    showNewest: Boolean(newest),
    newestTitle: newest?.title ?? 'New arrivals',
  };
}

/**
 * The home page composer: every field is controlled so the preview beside it (the storefront's own hero component,
 * in the store's accent colour) follows each keystroke, and a refused save keeps everything typed.
 */
export function HomeComposer({ home, categories, accentColor }: { home: HomePageView; categories: { id: string; name: string; depth: number }[]; accentColor: string }) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(home));
  const [state, action, pending] = useActionState(saveHomePageAction, null);
  const { errors } = refusal(state);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const text = (key: keyof Draft, label: string, options: { optional?: boolean; hint?: string; multiline?: boolean } = {}) => {
    const id = `home-${key}`;
    const describedBy = [errors[key] ? `${id}-error` : null, options.hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
    const common = { id, name: key, value: draft[key] as string, className: input, 'aria-invalid': errors[key] ? true : undefined, 'aria-describedby': describedBy };
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
          {options.optional ? <span className="font-normal text-zinc-500"> (optional)</span> : null}
        </label>
        {options.multiline ? (
          <textarea {...common} rows={3} onChange={(event) => set(key)(event.target.value as never)} />
        ) : (
          <input {...common} onChange={(event) => set(key)(event.target.value as never)} />
        )}
        {options.hint ? (
          <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600">
            {options.hint}
          </p>
        ) : null}
        <FieldError id={`${id}-error`} errors={errors[key]} />
      </div>
    );
  };
  const chosen = draft.featuredCategoryIds.map((id) => categories.find((c) => c.id === id)?.name).filter(Boolean);
  const accent = { '--color-brand-600': accentColor, '--color-brand-700': shade(accentColor), '--color-brand-50': tint(accentColor) } as CSSProperties;
  return (
    <div className="grid gap-8 xl:grid-cols-2">
      <form action={action} aria-label="Home page" className="grid gap-4" noValidate>
        <fieldset className="grid gap-4 rounded-md border border-zinc-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">Hero</legend>
          {text('heroHeading', 'Heading')}
          {text('heroText', 'Text', { optional: true, multiline: true })}
          <div>
            <ImageUploadField
              id="home-heroImage"
              name="heroImageUrl"
              label="Image"
              purpose="hero"
              value={draft.heroImageUrl}
              onChange={set('heroImageUrl')}
              hint="Beside the heading on wide screens, below it on phones; a wide photo works best."
              previewAlt={draft.heroImageAlt}
              previewClassName="h-24 w-auto max-w-full"
            />
            <FieldError id="home-heroImageUrl-error" errors={errors.heroImageUrl} />
          </div>
          {text('heroImageAlt', 'Image description', { optional: true, hint: 'What the image shows, for people who cannot see it. Leave empty if it is decoration only.' })}
          {text('ctaLabel', 'Button label', { optional: true })}
          {text('ctaHref', 'Button link', { optional: true, hint: 'A path on this store, e.g. /search or /categories/apparel.' })}
        </fieldset>
        <fieldset className="rounded-md border border-zinc-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">Featured categories</legend>
          <p className="mb-2 text-xs text-zinc-600">Up to 8, in the order ticked. None ticked: the top-level categories.</p>
          <div className="grid max-h-64 gap-1 overflow-y-auto sm:grid-cols-2">
            {categories.map((category) => (
              <label key={category.id} className="flex items-center gap-2 py-0.5 text-sm" style={{ paddingLeft: `${category.depth}rem` }}>
                <input
                  type="checkbox"
                  name="featuredCategoryIds"
                  value={category.id}
                  checked={draft.featuredCategoryIds.includes(category.id)}
                  onChange={(event) =>
                    set('featuredCategoryIds')(event.target.checked ? [...draft.featuredCategoryIds, category.id] : draft.featuredCategoryIds.filter((id) => id !== category.id))
                  }
                  className="size-4"
                />
                {category.name}
              </label>
            ))}
          </div>
          <FieldError id="home-featuredCategoryIds-error" errors={errors.featuredCategoryIds} />
        </fieldset>
        <fieldset className="grid gap-3 rounded-md border border-zinc-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">Collections</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="showFeatured" checked={draft.showFeatured} onChange={(event) => set('showFeatured')(event.target.checked)} className="size-4" />
            Show featured products
          </label>
          {draft.showFeatured ? text('featuredTitle', 'Featured products title') : <input type="hidden" name="featuredTitle" value={draft.featuredTitle} />}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="showNewest" checked={draft.showNewest} onChange={(event) => set('showNewest')(event.target.checked)} className="size-4" />
            Show new arrivals
          </label>
          {draft.showNewest ? text('newestTitle', 'New arrivals title') : <input type="hidden" name="newestTitle" value={draft.newestTitle} />}
        </fieldset>
        <div>
          <SubmitButton pendingLabel="Saving…" pending={pending}>
            Save home page
          </SubmitButton>
        </div>
        {state?.ok ? <FormMessage status="success" message={state.message ?? 'Saved.'} /> : null}
        {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
      </form>
      <section aria-labelledby="preview-heading" className="space-y-3">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Preview
        </h2>
        {/* The storefront's own hero, live from the fields; inert so its link does not take focus or navigate here. */}
        <div inert className="space-y-6 rounded-lg border border-dashed border-zinc-300 bg-white p-4" style={accent} data-testid="home-preview">
          <HomeHero
            heading={draft.heroHeading || 'Your heading'}
            text={draft.heroText}
            imageUrl={/^\/(?!\/)/.test(draft.heroImageUrl) ? draft.heroImageUrl : null}
            imageAlt={draft.heroImageAlt}
            ctaLabel={draft.ctaLabel || null}
            ctaHref={draft.ctaHref || null}
          />
          <div className="text-sm text-zinc-700">
            <p className="font-semibold">Shop by category</p>
            <p>{chosen.length > 0 ? chosen.join(' · ') : 'The top-level categories'}</p>
          </div>
          {draft.showFeatured ? <p className="text-sm font-semibold">{draft.featuredTitle || 'Featured products'} (featured products)</p> : null}
          {draft.showNewest ? <p className="text-sm font-semibold">{draft.newestTitle || 'New arrivals'} (newest products)</p> : null}
        </div>
      </section>
    </div>
  );
}
