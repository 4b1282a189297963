/**
 * `npm run gate:lighthouse [-- --site DIR] [--base /news/] [--categories performance,seo] [--report PATH]`:
 * runs Lighthouse (mobile, default config, simulated throttling) on a built site served the way the e2e
 * suite serves it (e2e/serveSite.ts: files only, the site's `_headers`, on 127.0.0.1, no other origin), and
 * fails unless every page scores 100 in every category (exceptions with their reasons:
 * src/cli/lighthouseVerdict.ts). Pages: the root page and its 404, and in every variant the home page, the
 * seed article, the search page with a query, the 404 page and the offline page.
 *
 * Writes PATH.json (every page's scores, failures, and the exceptions used) and PATH.md (a table), default
 * .zhpress/lighthouse/report, and each page's whole Lighthouse result in PATH-pages/. Exit 0 passed, 1 a page below 100, 2 wrong usage or no built site.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveSite } from '../../e2e/serveSite.ts';
import { seedSlug } from '../../e2e/seedArticle.ts';
import { setting } from '../shared/settings.ts';
import { systemChromium } from '../shared/systemChromium.ts';
import { writeFileAtomic } from '../shared/writeFileAtomic.ts';
import { variantIds } from '../shared/variants.ts';
import { formatFailures, formatMarkdownReport, lighthouseVerdict, type AuditedPage, type LighthouseResult } from './lighthouseVerdict.ts';

const allCategories = ['performance', 'accessibility', 'best-practices', 'seo'];

const usage = 'usage: npm run gate:lighthouse [-- --site DIR] [--base /PATH/] [--categories performance,accessibility,best-practices,seo] [--report PATH]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      site: { type: 'string', default: setting('outDir') },
      base: { type: 'string', default: setting('siteBase') },
      categories: { type: 'string', default: allCategories.join(',') },
      report: { type: 'string', default: '.zhpress/lighthouse/report' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const categories = values.categories.split(',').map((c) => c.trim()).filter(Boolean);
const unknown = categories.filter((c) => !allCategories.includes(c));
if (unknown.length || categories.length === 0) {
  console.error(`--categories: unknown ${unknown.join(', ') || '(none given)'}; choose from ${allCategories.join(', ')}.\n${usage}`);
  process.exit(2);
}
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/** The pages to audit, each with the file that must exist in the built site. */
const pagesUnderBase: AuditedPage[] = [
  { kind: 'root', path: '' },
  { kind: 'not-found', path: '404.html' },
  ...variantIds.flatMap((variant): AuditedPage[] => [
    { kind: 'home', variant, path: `${variant}/` },
    { kind: 'article', variant, path: `${variant}/${seedSlug}/` },
    { kind: 'search', variant, path: `${variant}/search/?q=${encodeURIComponent('城市大脑')}` },
    { kind: 'not-found', variant, path: `${variant}/404.html` },
    { kind: 'offline', variant, path: `${variant}/offline/` },
  ]),
];
const pages = pagesUnderBase.map((page): AuditedPage => ({ ...page, path: base + page.path }));

const missing = pages
  .map((page) => join(values.site, page.path.slice(base.length).replace(/\?.*$/, '').replace(/(^|\/)$/, '$1index.html')))
  .filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`No built site to audit: ${missing.join(', ')} missing. Build it first (npm run build), or name the built folder with --site.`);
  process.exit(2);
}

const site = await serveSite(values.site, { base });
// chrome-launcher's own CHROME_PATH is honoured after ZHPRESS_CHROMIUM, before Debian's Chromium.
const chromePath = setting('chromium') ?? process.env['CHROME_PATH'] ?? systemChromium();
const chrome = await chromeLauncher.launch({
  ...(chromePath ? { chromePath } : {}),
  // As the e2e suite: the machine has no network but loopback, so keep Chromium from reaching for Google's services.
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const runs: { page: AuditedPage; result: LighthouseResult }[] = [];
const started = Date.now();
try {
  for (const page of pages) {
    const url = site.origin + page.path;
    const runner = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
    if (!runner) throw new Error(`Lighthouse returned no result for ${url}`);
    runs.push({ page, result: runner.lhr as unknown as LighthouseResult });
    // Lighthouse's whole result for each page, to read the failing audits' details (open in the Lighthouse viewer).
    await writeFileAtomic(join(`${values.report}-pages`, `${page.path.replace(/\?.*$/, '').replace(/[^a-z0-9.-]+/gi, '_') || '_'}.json`), runner.report as string);
    const scores = categories.map((c) => `${c} ${Math.round((runner.lhr.categories[c]?.score ?? 0) * 100)}`).join(', ');
    console.log(`${page.path}: ${scores}`);
  }
} finally {
  chrome.kill();
  site.server.close();
}
const seconds = Math.round((Date.now() - started) / 1000);

const verdict = lighthouseVerdict(runs, categories);
const note = `${pages.length} pages of ${values.site} in ${seconds} s; CPU load average at the end ${loadavg()[0]!.toFixed(1)}.`;
await writeFileAtomic(`${values.report}.json`, `${JSON.stringify({ categories, seconds, ...verdict }, null, 2)}\n`);
await writeFileAtomic(`${values.report}.md`, formatMarkdownReport(verdict, categories, note));
console.log(`\nReport: ${values.report}.md and ${values.report}.json (${note})`);
if (!verdict.passed) {
  console.error(`\nLighthouse gate failed: ${verdict.failures.length} page categories below 100.\n${formatFailures(verdict)}`);
  process.exit(1);
}
console.log(`Lighthouse gate passed: ${categories.join(', ')} at 100 on all ${pages.length} pages.`);
