import type { ProductDetail } from './types';

type Images = Pick<ProductDetail['images'][number], 'variantIds'>[];
type Variants = Pick<ProductDetail['variants'][number], 'id' | 'options'>[];

/**
 * Which image the gallery shows first for a picked variant: the first image shown for that variant (an image may be
 * shown for several); else the image of
 * the variant sharing most of its option values (an image assigned to "M / Olive" stands for "L / Olive" too), the
 * earlier image on a tie; else the first image meant for every variant; else the first image.
 */
export function imageIndexForVariant(images: Images, variants: Variants, variantId: string | null): number {
  if (images.length === 0) return 0;
  const firstShared = Math.max(
    0,
    images.findIndex((image) => image.variantIds.length === 0),
  );
  if (variantId === null) return firstShared;
  const own = images.findIndex((image) => image.variantIds.includes(variantId));
  if (own >= 0) return own;
  const picked = variants.find((variant) => variant.id === variantId);
  if (!picked) return firstShared;
  const optionsOf = new Map(variants.map((variant) => [variant.id, variant.options]));
  let best = -1;
  let bestShared = 0;
  images.forEach((image, index) => {
    const shared = Math.max(
      0,
      ...image.variantIds.map((id) => {
        const options = optionsOf.get(id);
        return options ? Object.entries(picked.options).filter(([name, value]) => options[name] === value).length : 0;
      }),
    );
    if (shared > bestShared) {
      best = index;
      bestShared = shared;
    }
  });
  return best >= 0 ? best : firstShared;
}
