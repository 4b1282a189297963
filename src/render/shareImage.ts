import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';

/** What `og:image` and JSON-LD `image` name: an absolute URL on this site, with its type, size and alt text. */
export interface ShareImage {
  url: string;
  type: string;
  width: number;
  height: number;
  alt: string;
}

/** Open Graph's and Google's preferred width for a large preview; a smaller image is not scaled up. */
const SHARE_IMAGE_WIDTH = 1200;

/**
 * The share image of an article with an image of its own: the file beside the article, scaled to at most
 * 1200 px wide by Astro's image pipeline and written under `_astro/` as a JPEG (a PNG stays a PNG, keeping its
 * transparency): the formats every share preview reads, which WebP and AVIF are not yet. The URL is absolute on
 * `site`, never another origin.
 */
export async function articleShareImage(src: ImageMetadata, alt: string, site: URL | undefined): Promise<ShareImage> {
  const format = src.format === 'png' ? 'png' : 'jpg';
  const image = await getImage({ src, width: Math.min(SHARE_IMAGE_WIDTH, src.width), format });
  return {
    url: new URL(image.src, site).href,
    type: format === 'png' ? 'image/png' : 'image/jpeg',
    width: Number(image.attributes['width']),
    height: Number(image.attributes['height']),
    alt,
  };
}
