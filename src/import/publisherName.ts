/** The end of a news organisation's name: 网/網, 报/報, 社, 台, 周刊/週刊, 电视/電視 (a section rarely ends so). */
const organisationEnd = /(?:网|網|报|報|社|台|周刊|週刊|电视|電視)$/u;
/** 新闻/新聞 ends organisations (网易新闻) but also sections (重要新聞): taken only when no segment ends as above. */
const weakOrganisationEnd = /(?:新闻|新聞)$/u;
// `標題 - 生活 - 自由時報電子報`, `即時 ｜ 公視新聞網 PNN`, `…_证券时报网`, `香港政府新聞網 - 重要新聞`.
const separators = /\s+[-–—|｜]\s+|\s*[_｜|]\s*/u;

/**
 * The organisation a page's `<title>` or a feed's channel title names, or undefined: the segment (between ` - `,
 * `｜`, `|`, `_`) that ends like a news organisation's name, preferring the last one ending in 网, 報, 社, 台 (then one ending in 新聞) (sites put their name last,
 * feeds often first), with a trailing Latin abbreviation dropped (`公視新聞網 PNN` → 公視新聞網). A section name
 * (`社會事`, `重要新聞`… ends like a name only when it is one) is never returned unless no segment is better.
 */
export function publisherName(title: string): string | undefined {
  const segments = title.split(separators).map((s) => s.replace(/\s+[A-Za-z][A-Za-z0-9.]{0,9}$/u, '').trim()).filter((s) => s !== '');
  const plausible = segments.filter((s) => s.length >= 2 && s.length <= 12 && /^\p{Script=Han}[\p{Script=Han}\dA-Za-z]*$/u.test(s));
  return plausible.filter((s) => organisationEnd.test(s)).at(-1) ?? plausible.filter((s) => weakOrganisationEnd.test(s)).at(-1);
}
