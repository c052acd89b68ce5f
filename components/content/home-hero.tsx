import { Link } from '@/components/ui/link';

export type HomeHeroProps = {
  heading: string;
  text: string;
  imageUrl: string | null;
  imageAlt: string;
  ctaLabel: string | null;
  ctaHref: string | null;
};

/**
 * The home page's hero as the merchant composed it. No data access and no hooks: the storefront renders it on the
 * server, and the admin's composer renders the same component live from the form's values.
 */
export function HomeHero({ heading, text, imageUrl, imageAlt, ctaLabel, ctaHref }: HomeHeroProps) {
  return (
    <section aria-labelledby="hero-heading" className="overflow-hidden rounded-2xl bg-brand-50">
      <div className={imageUrl ? 'grid items-center sm:grid-cols-2' : undefined}>
        <div className="px-6 py-10 sm:px-12 sm:py-14">
          <h1 id="hero-heading" className="text-3xl font-bold tracking-tight break-words sm:text-4xl">
            {heading}
          </h1>
          {text ? <p className="mt-3 max-w-xl whitespace-pre-line text-zinc-700">{text}</p> : null}
          {ctaLabel && ctaHref ? (
            <Link href={ctaHref} className="mt-6 inline-block rounded-md bg-brand-600 px-5 py-3 text-sm font-semibold text-white hover:bg-brand-700">
              {ctaLabel}
            </Link>
          ) : null}
        </div>
        {imageUrl ? (
          // A path the merchant chose (the optimiser only serves /media/**): a plain, lazily decoded image.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={imageUrl} alt={imageAlt} className="h-56 w-full object-cover sm:h-full sm:max-h-96" decoding="async" fetchPriority="high" />
        ) : null}
      </div>
    </section>
  );
}
