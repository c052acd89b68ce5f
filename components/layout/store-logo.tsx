/** The store's logo when the merchant set one, else its name: for the header and wherever the brand shows. */
/** `decorative`: the name is written right beside it, so the image is not announced twice. */
export function StoreLogo({ storeName, logoUrl, className, decorative = false }: { storeName: string; logoUrl: string | null; className?: string; decorative?: boolean }) {
  if (!logoUrl) return <span className={className}>{storeName}</span>;
  // A path on this store chosen in the settings (not necessarily under the optimiser's /media/**).
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={logoUrl} alt={decorative ? '' : storeName} className={className ?? 'h-8 w-auto'} />;
}
