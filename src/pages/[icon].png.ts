import type { APIRoute, GetStaticPaths } from 'astro';
import { appleTouchIcon, siteIcons, type SiteIcon } from '../shared/siteIcons.ts';
import { renderIcon } from '../publish/siteIcons.ts';

/** The PNG icons (`/icon-192.png`, `/icon-512.png`, `/icon-maskable-512.png`, `/apple-touch-icon.png`), drawn from favicon.svg at build time. */
export const getStaticPaths: GetStaticPaths = () =>
  [...siteIcons, appleTouchIcon].map((icon) => ({ params: { icon: icon.file.replace(/\.png$/, '') }, props: { icon } }));

export const GET: APIRoute = ({ props }) => {
  const { icon } = props as { icon: SiteIcon };
  return new Response(new Uint8Array(renderIcon(icon)), { headers: { 'content-type': 'image/png' } });
};
