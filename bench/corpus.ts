import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * A deterministic synthetic archive built from the seed article, for the benchmark.
 *
 * Each article takes the seed's paragraphs in a different order and selection, moves the story to another
 * city, and gets its own title, date, section and tags, drawn from a PRNG seeded with the article's number.
 * So article `i` is the same in every run and at every corpus size, the texts differ (the search index holds
 * a realistic vocabulary, not 10,000 copies of one page), and every article still reads as Chinese news.
 */

export interface SeedArticle {
  frontmatter: Record<string, unknown>;
  /** Body paragraphs as MDX source (entities and escapes kept as written). */
  paragraphs: string[];
}

export interface SyntheticArticle {
  slug: string;
  title: string;
  published: string;
  section: string;
  mdx: string;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; good enough to shuffle paragraphs. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Splits an MDX article into its frontmatter and its body paragraphs (headings are left out: each article gets its own). */
export function parseSeedArticle(mdx: string): SeedArticle {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx);
  if (!match) throw new Error('the seed article has no frontmatter');
  const blocks = match[2]!.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  const paragraphs = blocks.filter((block) => !block.startsWith('#') && !block.startsWith('<') && !block.startsWith('import '));
  return { frontmatter: parseYaml(match[1]!) as Record<string, unknown>, paragraphs };
}

/** The MDX file of `content/articles/` that was imported from the seed raw file. */
export function findSeedMdx(articlesDir: string): string {
  for (const name of readdirSync(articlesDir).filter((n) => n.endsWith('.mdx')).sort()) {
    const text = readFileSync(join(articlesDir, name), 'utf8');
    if (text.includes('000_06aeccb6b26f134c.txt')) return text;
  }
  throw new Error(`no article in ${articlesDir} was imported from the seed (000_06aeccb6b26f134c.txt)`);
}

const cities = ['郑州', '成都', '武汉', '西安', '长沙', '合肥', '南京', '苏州', '宁波', '青岛', '济南', '福州', '厦门', '昆明', '贵阳', '南宁', '南昌', '太原', '石家庄', '沈阳', '大连', '长春', '哈尔滨', '兰州', '西宁', '银川', '呼和浩特', '乌鲁木齐', '海口', '无锡', '常州', '佛山', '东莞', '温州', '绍兴', '嘉兴', '洛阳', '襄阳', '宜昌', '珠海'];
const topics = ['智慧城市建设', '数字经济布局', '城市大脑升级', '5G商用进程', '政务服务改革', '营商环境优化', '产业园区转型', '大数据中心规划', '智能交通试点', '新基建投资', '人才引进政策', '科技创新走廊', '数字政府建设', '城市更新行动', '跨境电商发展'];
const angles = ['对标先进城市', '三年行动计划出炉', '从试点到标杆', '下一步怎么走', '官方首次回应', '专家怎么看', '成效几何', '还差什么', '提速背后', '新一轮布局', '破局之路', '年度盘点', '最新进展', '难点在哪里', '市民有何感受', '企业怎么说', '数据说话', '一年之后', '再出发', '路线图公布'];
const headings = ['对标', '思路', '行动', '背景', '观察', '数据', '展望', '挑战', '路径', '案例', '声音', '延伸'];
const sections = ['城市', '科技', '经济', '政务', '民生', '交通', '产业', '观察'];
const tagPool = ['智慧城市', '数字经济', '5G', '城市大脑', '政务服务', '人工智能', '大数据', '产业园区', '交通', '营商环境'];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** `2019-12-20T15:14:59+08:00`: Beijing time, as the seed is dated. */
function beijingTime(utcMs: number): string {
  return `${new Date(utcMs + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

const quote = (text: string) => JSON.stringify(text);

/** Article number `i` (0-based) of every corpus; `usedTitles` makes titles distinct within one corpus. */
export function syntheticArticle(seed: SeedArticle, i: number, usedTitles: Set<string>): SyntheticArticle {
  const random = createRandom(0x5eed + i * 7919);
  const city = pick(random, cities);
  let title = '';
  for (let attempt = 0; attempt < 20 && (!title || usedTitles.has(title)); attempt++) {
    title = `${city}${pick(random, topics)}：${pick(random, angles)}`;
  }
  for (let n = 2; usedTitles.has(title); n++) title = `${city}${pick(random, topics)}：${pick(random, angles)}（之${n}）`;
  usedTitles.add(title);

  // One article about every 4.4 hours from 2015 on, at a random minute: 10,000 articles span five years.
  const published = beijingTime(Date.UTC(2015, 0, 1) + i * 4.4 * 3600_000 + Math.floor(random() * 3600) * 1000);
  const section = pick(random, sections);
  const tags = shuffled(random, tagPool).slice(0, 1 + Math.floor(random() * 3));

  // 60–100 % of the seed's paragraphs, in a new order, the story moved to this article's city.
  const count = Math.ceil(seed.paragraphs.length * (0.6 + random() * 0.4));
  const body = shuffled(random, seed.paragraphs)
    .slice(0, count)
    .map((p) => p.replaceAll('郑州', city));
  const [intro, ...rest] = [body.slice(0, 4), ...chunk(body.slice(4), 3)];
  const sectionHeadings = shuffled(random, headings).slice(0, rest.length);
  const parts = [...intro!, ...rest.flatMap((paragraphs, k) => [`## ${sectionHeadings[k]}`, ...paragraphs])];
  const description = intro![0]!.replace(/&#?\w+;|[\\*_`]/g, '').slice(0, 90);

  const site = seed.frontmatter['site'] as { name: string; url: string } | undefined;
  const source = seed.frontmatter['source'] as string | undefined;
  const frontmatter = [
    `title: ${quote(title)}`,
    `description: ${quote(description)}`,
    `published: ${quote(published)}`,
    ...(site ? ['site:', `  name: ${quote(site.name)}`, `  url: ${quote(site.url)}`] : []),
    ...(source ? [`source: ${quote(source)}`] : []),
    `section: ${quote(section)}`,
    `tags: [${tags.map(quote).join(', ')}]`,
    'script: "hans"',
  ];
  const slug = `bench-${String(i + 1).padStart(5, '0')}`;
  return { slug, title, published, section, mdx: `---\n${frontmatter.join('\n')}\n---\n\n${parts.join('\n\n')}\n` };
}

/** Splits `items` into `parts` runs of nearly equal length. */
function chunk<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, k) => items.slice(k * size, (k + 1) * size)).filter((run) => run.length > 0);
}

/** Writes `count` articles and the site glossary into `dir` (a ZHPRESS_CONTENT folder). */
export function writeCorpus(dir: string, count: number, { seedMdx, glossary }: { seedMdx: string; glossary: string }): { bytes: number } {
  const seed = parseSeedArticle(seedMdx);
  mkdirSync(join(dir, 'articles'), { recursive: true });
  writeFileSync(join(dir, 'glossary.yaml'), glossary);
  const titles = new Set<string>();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const article = syntheticArticle(seed, i, titles);
    writeFileSync(join(dir, 'articles', `${article.slug}.mdx`), article.mdx);
    bytes += Buffer.byteLength(article.mdx);
  }
  return { bytes };
}

/**
 * Publishes one more article into a corpus of `index` articles written by `writeCorpus`: article number
 * `index`, the newest of all (every article is dated after the one before). Returns it.
 */
export function appendArticle(dir: string, index: number, { seedMdx }: { seedMdx: string }): SyntheticArticle {
  const seed = parseSeedArticle(seedMdx);
  // Titles are made distinct within a corpus in article order, so the earlier ones are drawn again.
  const titles = new Set<string>();
  for (let i = 0; i < index; i++) syntheticArticle(seed, i, titles);
  const article = syntheticArticle(seed, index, titles);
  const file = join(dir, 'articles', `${article.slug}.mdx`);
  if (existsSync(file)) throw new Error(`${file} exists already: the corpus holds more than ${index} articles`);
  writeFileSync(file, article.mdx);
  return article;
}

/** The note a correction adds at the end of an article. */
export const correctionNote = '更正：本文此前版本中一处数据有误，现已更正。';

/**
 * Corrects an old article as an editor does: its first paragraph gains a sentence, a correction note is added
 * at the end, and `updated` is set (after `published`, as the schema wants). Returns the file it changed.
 */
export function correctArticle(dir: string, slug: string, updated: string): string {
  const file = join(dir, 'articles', `${slug}.mdx`);
  const mdx = readFileSync(file, 'utf8');
  const match = /^(---\n[\s\S]*?\n)(---\n\n)([^\n]+)(\n[\s\S]*)$/.exec(mdx);
  if (!match || !/^published: /m.test(match[1]!)) throw new Error(`${file}: not an article of the bench corpus (frontmatter with published, then a paragraph)`);
  const frontmatter = match[1]!.replace(/^updated: .*\n/m, '').replace(/^(published: .*\n)/m, `$1updated: ${quote(updated)}\n`);
  writeFileSync(file, `${frontmatter}${match[2]}${match[3]}据最新统计，相关数据已作修订。${match[4]!.trimEnd()}\n\n${correctionNote}\n`);
  return file;
}
