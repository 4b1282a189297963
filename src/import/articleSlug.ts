import { pinyin } from 'pinyin-pro';

/** Longest slug, in characters; a longer one is cut at the last syllable that fits. */
export const MAX_SLUG_LENGTH = 60;

/**
 * The slug of an article: the pinyin of its title, ASCII, lowercase, one hyphen between syllables.
 *
 * `对标北上杭，郑州这次想做“标杆”` → `dui-biao-bei-shang-hang-zheng-zhou-zhe-ci-xiang-zuo-biao-gan`.
 *
 * ###### Algorithm
 * pinyin-pro gives one reading per Chinese character (choosing among readings by context, so `重复` is
 * `chong-fu`; it reads Traditional characters too) and passes other text through. Runs of Latin letters and
 * digits stay whole words (`GDP` → `gdp`, `2019`); full-width letters and accented Latin are folded to ASCII
 * first; everything else separates words. The result is cut at a word boundary to `MAX_SLUG_LENGTH`.
 *
 * A title with nothing to spell (only punctuation or emoji) gets `fallback` instead.
 *
 * ###### Notes
 * Slugs are file names and URLs, so an article keeps its slug for good: the importer finds an article it
 * imported before by the raw file's sha256, not by recomputing this, so a later pinyin-pro with other
 * readings never renames a published page.
 */
export function articleSlug(title: string, fallback: string): string {
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words: string[] = [];
  for (const syllable of syllables) {
    const ascii = syllable.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (const word of ascii.split(/[^a-z0-9]+/)) if (word !== '') words.push(word);
  }
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) {
      if (slug === '') slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  return slug === '' ? fallback : slug;
}
