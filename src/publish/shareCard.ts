import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import satori, { type Font } from 'satori';
import { Resvg } from '@resvg/resvg-js';
import type { SourceScript } from '../shared/variants.ts';
import { shareCard } from '../shared/siteIcons.ts';
import { writeFileAtomic } from '../shared/writeFileAtomic.ts';
import { siteMarkSvg } from './siteIcons.ts';

// Open Graph's recommended size for a large summary card (Facebook, X, LINE, WhatsApp crop from it).
const SHARE_CARD_WIDTH = shareCard.width;
const SHARE_CARD_HEIGHT = shareCard.height;

export interface ShareCardText {
  /** The site name, in the variant's script. */
  siteName: string;
  /** The card's headline (a page title or the site's one-line description), in the variant's script. */
  title: string;
  /** Which Noto Sans draws it: SC for Simplified, TC for Traditional. */
  script: SourceScript;
}

/**
 * The font packages (OFL-1.1, from the npm registry: no font is fetched at build time). Fontsource splits each
 * CJK font into ~100 subsets by Unicode range; a card loads only the subsets holding its characters, as a browser
 * would, in WOFF (satori reads TTF, OTF and WOFF, not WOFF2).
 */
const fontPackages: Record<SourceScript, { package: string; family: string }> = {
  hans: { package: '@fontsource/noto-sans-sc', family: 'Noto Sans SC' },
  hant: { package: '@fontsource/noto-sans-tc', family: 'Noto Sans TC' },
};
const WEIGHT = 700;
const CARD_MARGIN = 80;

// Resolved from the project, not from this module: Astro bundles it into its build folder.
const require = createRequire(join(process.cwd(), 'package.json'));

function inRanges(code: number, ranges: string): boolean {
  return ranges.split(',').some((range) => {
    const [from, to = from] = range.trim().replace(/^U\+/i, '').split('-');
    return code >= parseInt(from!, 16) && code <= parseInt(to!, 16);
  });
}

/** The WOFF subsets of the script's font that hold the characters of `text`, in the package's own order. */
export function fontsForText(text: string, script: SourceScript): Font[] {
  const { package: name, family } = fontPackages[script];
  const folder = dirname(require.resolve(`${name}/package.json`));
  const subsets = JSON.parse(readFileSync(join(folder, 'unicode.json'), 'utf8')) as Record<string, string>;
  const codes = [...new Set([...text].map((ch) => ch.codePointAt(0)!))];
  const missing = codes.filter((code) => code > 0x20 && !Object.values(subsets).some((ranges) => inRanges(code, ranges)));
  if (missing.length > 0) {
    const chars = missing.map((code) => `"${String.fromCodePoint(code)}" (U+${code.toString(16).toUpperCase()})`).join(', ');
    throw new Error(`share card: ${family} (${name}) has no glyph for ${chars} in "${text}"; the card would show empty boxes — reword the text or add a font that has them.`);
  }
  const fonts: Font[] = [];
  for (const [key, ranges] of Object.entries(subsets)) {
    if (!codes.some((code) => inRanges(code, ranges))) continue;
    const subset = key.replace(/^\[(\d+)\]$/, '$1');
    const file = join(folder, 'files', `${name.split('/')[1]}-${subset}-${WEIGHT}-normal.woff`);
    // One name per subset: satori takes one font per family name and falls back along `fontFamily`'s list.
    fonts.push({ name: `${family} ${subset}`, data: readFileSync(file), weight: WEIGHT, style: 'normal' });
  }
  return fonts;
}

/**
 * A share card (Open Graph / Twitter image): the site name above a headline, PNG 1200×630. Rendered with satori
 * (layout to SVG) and resvg (SVG to PNG), both pure functions of their input, so the same text gives the same
 * bytes on every build and machine.
 */
export async function renderShareCard(card: ShareCardText): Promise<Buffer> {
  const file = join(CACHE_DIR, `${cardDigest(card)}.png`);
  try {
    return readFileSync(file);
  } catch {
    const png = await drawShareCard(card);
    // Atomic, so a build stopped halfway never leaves half a card to reuse.
    await writeFileAtomic(file, png);
    return png;
  }
}

/**
 * Drawn cards, kept between builds by the digest of everything that draws them (0.2–2 s a card on a busy
 * machine; the card files are rendered on every build). A fresh checkout starts without it; deleting it is always
 * safe.
 */
const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'zhpress-share-cards');

/** The card's text, the versions of the font and of the two renderers, the site's mark and this module's code. */
function cardDigest(card: ShareCardText): string {
  const versions = [fontPackages[card.script].package, 'satori', '@resvg/resvg-js'].map(
    (name) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version,
  );
  const code = readFileSync(join(process.cwd(), 'src', 'publish', 'shareCard.ts'), 'utf8');
  return createHash('sha256').update(JSON.stringify([card.siteName, card.title, card.script, versions, siteMarkSvg(), code])).digest('hex').slice(0, 32);
}

/** Draws a card without the cache. */
export async function drawShareCard(card: ShareCardText): Promise<Buffer> {
  const fonts = fontsForText(`${card.siteName}${card.title}…`, card.script);
  const family = fonts.map((font) => `"${font.name}"`).join(', ');
  const svg = await satori(
    {
      type: 'div',
      key: null,
      props: {
        style: {
          width: SHARE_CARD_WIDTH,
          height: SHARE_CARD_HEIGHT,
          display: 'flex',
          flexDirection: 'column',
          padding: `64px ${CARD_MARGIN}px`,
          backgroundColor: '#ffffff',
          borderTop: '24px solid #0b57d0',
          fontFamily: family,
          fontWeight: WEIGHT,
        },
        children: [
          {
            type: 'div',
            key: 'site',
            props: {
              style: { display: 'flex', alignItems: 'center', fontSize: 48, color: '#0b57d0' },
              children: [
                {
                  type: 'img',
                  key: 'mark',
                  props: { src: `data:image/svg+xml;base64,${Buffer.from(siteMarkSvg()).toString('base64')}`, width: 72, height: 72, style: { marginRight: 24 } },
                },
                card.siteName,
              ],
            },
          },
          {
            type: 'div',
            key: 'title',
            props: {
              // Three lines at most: a long headline ends in an ellipsis rather than running off the card.
              style: { display: 'block', width: SHARE_CARD_WIDTH - 2 * CARD_MARGIN, marginTop: 56, fontSize: 68, lineHeight: 1.35, color: '#1f1f1f', lineClamp: 3 },
              children: card.title,
            },
          },
        ],
      },
    },
    { width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, fonts },
  );
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());
}
