/**
 * Test fixtures made from the seed article: the raw seed as the newsroom sent it (a byte-identical copy of
 * `../shared/seed/000_06aeccb6b26f134c.txt`, kept here so the tests run anywhere), re-encoded, converted to
 * Traditional script, or with lines swapped in.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';

export const seedFileName = '000_06aeccb6b26f134c.txt';
export const seedBytes: Uint8Array = new Uint8Array(readFileSync(new URL(`./seed/${seedFileName}`, import.meta.url)));
export const seedText: string = new TextDecoder('utf-8', { fatal: true }).decode(seedBytes);

/** The MDX the importer produced from the seed, as committed under `content/articles/`. */
export const seedMdxUrl = new URL(
  '../../../content/articles/dui-biao-bei-shang-hang-zheng-zhou-zhe-ci-xiang-zuo-biao-gan.mdx',
  import.meta.url,
);

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Encodes with iconv-lite, and checks Node's fatal decoder reads the same text back (no `?` substitutes). */
export function encode(text: string, encoding: 'gb18030' | 'gbk' | 'big5'): Uint8Array {
  const bytes = new Uint8Array(iconv.encode(text, encoding));
  const back = new TextDecoder(encoding === 'gbk' ? 'gb18030' : encoding, { fatal: true }).decode(bytes);
  if (back !== text) throw new Error(`fixture text does not survive ${encoding}`);
  return bytes;
}

/**
 * The seed in Traditional script, as a Taiwanese newsroom would write it: OpenCC cn → tw (whose characters
 * Big5 can encode; plain `t` writes 爲 and 峯, which Big5 lacks). Big5 has no no-break space either, so
 * those become ideographic spaces.
 */
export const traditionalSeedText: string = Converter({ from: 'cn', to: 'tw' })(seedText.replaceAll('\u00a0', '\u3000'));

export const seedLines: readonly string[] = seedText.split('\n');
/** Index in `seedLines` of the first body line (`“未来城市的竞争…`). */
export const firstBodyLine = seedLines.findIndex((line) => line.startsWith('“未来城市的竞争'));

/** The seed with `lines` inserted as body lines right before its first body line. */
export function seedWithBodyLines(lines: readonly string[]): string {
  return [...seedLines.slice(0, firstBodyLine), ...lines, ...seedLines.slice(firstBodyLine)].join('\n');
}

/** A small article in the seed's layout. */
export function rawArticle(title: string, body: readonly string[], options: { date?: string; source?: string } = {}): string {
  return [
    title,
    '',
    `http://news.officese.com/ 中华写字楼网 发布日期:${options.date ?? '2020-01-02 03:04:05'} 编辑:1004 阅读人数:`,
    '新闻提要',
    '',
    `中华写字楼网http://www.officese.com):${title}`,
    '',
    ...body,
    '',
    `来源 ${options.source ?? '每日经济新闻'}`,
  ].join('\n');
}
