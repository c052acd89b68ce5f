import { getImageProps, type ImageProps } from 'next/image';
import { preload } from 'react-dom';

/**
 * next/image's <img> (srcset and sizes through the image optimiser, lazy loading, fixed dimensions), rendered by the
 * server. next/image itself is a client component: every page showing a product image would ship its ~5 KB to
 * hydrate an element that never changes. Catalogue images need none of its client work (no blur placeholder, no
 * onLoad), so server and client components without those props use this one.
 */
export function Image({ priority, preload: preloadProp, ...rest }: ImageProps) {
  const props = imageAttributes({ ...rest, priority, preload: preloadProp });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- this is next/image's markup; alt is required by ImageProps
  return <img {...props} />;
}

/** The attributes of next/image's <img>, for a client component to render without shipping next/image (the gallery). */
export type ImageAttributes = ReturnType<typeof getImageProps>['props'];

/**
 * next/image's <img> attributes, worked out on the server. A priority or preload image is also preloaded — what
 * next/image does: a preload in <head>, so the browser fetches it before it parses <img>.
 */
export function imageAttributes(options: ImageProps): ImageAttributes {
  const { props } = getImageProps(options);
  if (options.priority || options.preload) {
    preload(props.src, {
      as: 'image',
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
      fetchPriority: props.fetchPriority,
      crossOrigin: props.crossOrigin,
      referrerPolicy: props.referrerPolicy,
    });
  }
  return props;
}
