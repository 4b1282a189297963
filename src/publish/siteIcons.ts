import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { SiteIcon } from '../shared/siteIcons.ts';

/** The site's mark, the one drawing every icon and the share cards are made from. */
export function siteMarkSvg(): string {
  const file = join(process.cwd(), 'public', 'favicon.svg');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: the site's mark could not be read (${(error as Error).message}); the PNG icons and share cards are drawn from it — restore it from git.`);
  }
}

/** The mark's own background colour (its first `fill`), which a maskable icon extends to the full square. */
function markColour(svg: string): string {
  const fill = /fill="(#[0-9a-fA-F]{3,8})"/.exec(svg);
  if (!fill) throw new Error('public/favicon.svg: no fill="#rrggbb" found for the maskable icon\'s background; give the mark\'s background shape a hex fill.');
  return fill[1]!;
}

/**
 * A PNG icon drawn from the mark with resvg: the mark as is for `any`; for `maskable`, the mark at 80 % on a
 * full square of its colour (the safe zone launchers never cut). Pure function of the SVG, so byte-identical
 * on every build.
 */
export function renderIcon(icon: SiteIcon, svg: string = siteMarkSvg()): Buffer {
  const source =
    icon.purpose === 'any'
      ? svg
      : `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="${markColour(svg)}"/>${svg.replace('<svg ', '<svg x="10" y="10" width="80" height="80" ')}</svg>`;
  const png = new Resvg(source, { fitTo: { mode: 'width', value: icon.size }, font: { loadSystemFonts: false } }).render();
  return Buffer.from(png.asPng());
}
