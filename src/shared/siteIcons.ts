/** One PNG icon of the site, rendered at build time from `public/favicon.svg`. */
export interface SiteIcon {
  /** File name under the site base. */
  file: string;
  /** Width and height in pixels. */
  size: number;
  /**
   * `any`: the mark as drawn (rounded corners, transparent outside). `maskable`: the mark on a full square of its
   * colour, inside the central 80 % safe zone, for launchers that cut their own shape (and for iOS, which rounds
   * the corners of an `apple-touch-icon` itself and shows transparency as black).
   */
  purpose: 'any' | 'maskable';
}

/** The icons the manifests list and the pages link; browsers and launchers pick by size and purpose. */
export const siteIcons: readonly SiteIcon[] = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
];

/** iOS's home-screen icon: 180 px (the iPhone's 3× size), opaque, linked as `apple-touch-icon`. */
export const appleTouchIcon: SiteIcon = { file: 'apple-touch-icon.png', size: 180, purpose: 'maskable' };

/** The share card of each variant, `/<variant>/share-card.png` (Open Graph's 1200×630). */
export const shareCard = { file: 'share-card.png', width: 1200, height: 630 } as const;
