/** The store's logo when the merchant set one, else its name: for the header and wherever the brand shows. */
export function StoreLogo({ storeName, logoUrl, className }: { storeName: string; logoUrl: string | null; className?: string }) {
  if (!logoUrl) return <span className={className}>{storeName}</span>;
  // A path on this store chosen in the settings (not necessarily under the optimiser's /media/**).
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={logoUrl} alt={storeName} className={className ?? 'h-8 w-auto'} />;
}
