import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedFailures, formatFailures, formatMarkdownReport, lighthouseVerdict, type AuditedPage, type LighthouseResult } from './lighthouseVerdict.ts';

type Audit = LighthouseResult['audits'][string];

/** A Lighthouse result with the given categories, each scored from its audits the way Lighthouse weighs them. */
function result(categories: Record<string, Record<string, Partial<Audit> & { weight?: number }>>, runtimeError?: LighthouseResult['runtimeError']): LighthouseResult {
  const audits: LighthouseResult['audits'] = {};
  const scored: LighthouseResult['categories'] = {};
  for (const [category, members] of Object.entries(categories)) {
    let total = 0;
    let weights = 0;
    const auditRefs = Object.entries(members).map(([id, { weight = 1, ...audit }]) => {
      audits[id] = { title: `Title of ${id}`, score: 1, scoreDisplayMode: 'binary', ...audit };
      if (audits[id]!.score !== null && !['informative', 'manual', 'notApplicable'].includes(audits[id]!.scoreDisplayMode)) {
        total += weight * audits[id]!.score!;
        weights += weight;
      }
      return { id, weight };
    });
    scored[category] = { title: category.toUpperCase(), score: weights ? total / weights : null, auditRefs };
  }
  return { lighthouseVersion: '13.5.0', categories: scored, audits, ...(runtimeError ? { runtimeError } : {}) };
}

const article: AuditedPage = { kind: 'article', variant: 'zh-hans', path: '/zh-hans/seed/' };
const search: AuditedPage = { kind: 'search', variant: 'zh-tw', path: '/zh-tw/search/?q=x' };

describe('lighthouseVerdict', () => {
  it('passes a page at 100 in every category it ran', () => {
    const verdict = lighthouseVerdict([{ page: article, result: result({ seo: { 'is-crawlable': {} }, accessibility: { 'color-contrast': {} } }) }], ['seo', 'accessibility']);
    assert.equal(verdict.passed, true);
    assert.deepEqual(verdict.failures, []);
    assert.deepEqual(verdict.pages[0]!.scores, { seo: 100, accessibility: 100 });
  });

  it('fails a category below 100 and names the audits that cost it points, weighted ones first, with their titles and values', () => {
    const lhr = result({
      performance: {
        'render-blocking-insight': { weight: 0, score: 0.5 },
        'total-blocking-time': { weight: 30, score: 0.9, scoreDisplayMode: 'numeric', displayValue: '250 ms', title: 'Total Blocking Time' },
        'first-contentful-paint': { weight: 10, score: 1, scoreDisplayMode: 'numeric' },
        'diagnostics': { weight: 0, score: 0, scoreDisplayMode: 'informative' },
      },
    });
    const verdict = lighthouseVerdict([{ page: article, result: lhr }], ['performance']);
    assert.equal(verdict.passed, false);
    assert.equal(verdict.failures.length, 1);
    const [failure] = verdict.failures;
    assert.equal(failure!.score, 93);
    assert.deepEqual(failure!.audits.map((a) => a.id), ['total-blocking-time', 'render-blocking-insight']);
    const text = formatFailures(verdict);
    assert.match(text, /^zh-hans article \(\/zh-hans\/seed\/\): PERFORMANCE 93$/m);
    assert.match(text, /- total-blocking-time: Total Blocking Time \(250 ms\)/);
    assert.doesNotMatch(text, /diagnostics/, 'an informative audit is no failure');
  });

  it("allows the search page's is-crawlable audit (with its reason) and nothing else", () => {
    const noindex = { seo: { 'is-crawlable': { weight: 4.6, score: 0 }, 'document-title': {} } };
    const onSearch = lighthouseVerdict([{ page: search, result: result(noindex) }], ['seo']);
    assert.equal(onSearch.passed, true);
    assert.equal(onSearch.pages[0]!.scores['seo']! < 100, true, 'the score itself is still reported as it is');
    assert.deepEqual(onSearch.pages[0]!.excused.map((e) => e.audit), ['is-crawlable']);
    assert.match(onSearch.pages[0]!.excused[0]!.reason, /robots\.txt/);

    const onArticle = lighthouseVerdict([{ page: article, result: result(noindex) }], ['seo']);
    assert.equal(onArticle.passed, false, 'an article that is not crawlable fails');

    const more = { seo: { 'is-crawlable': { weight: 4.6, score: 0 }, 'document-title': { score: 0 } } };
    const searchWithMore = lighthouseVerdict([{ page: search, result: result(more) }], ['seo']);
    assert.equal(searchWithMore.passed, false, 'the exception does not excuse a second failing audit');
    assert.deepEqual(searchWithMore.failures[0]!.audits.map((a) => a.id), ['document-title']);
  });

  it('the exceptions are SEO is-crawlable only, on the search, 404 and offline pages; under another category it is not excused', () => {
    assert.deepEqual(allowedFailures.map((rule) => `${rule.kind}/${rule.category}/${rule.audit}`), ['search/seo/is-crawlable', 'not-found/seo/is-crawlable', 'offline/seo/is-crawlable']);
    const verdict = lighthouseVerdict([{ page: search, result: result({ 'best-practices': { 'is-crawlable': { score: 0 } } }) }], ['best-practices']);
    assert.equal(verdict.passed, false);
  });

  it('fails every asked category of a page Lighthouse could not load, and a category missing from the result', () => {
    const broken = result({ seo: { 'http-status-code': { score: null, scoreDisplayMode: 'error', errorMessage: 'status 404' } } }, { code: 'ERRORED_DOCUMENT_REQUEST', message: 'status code 404' });
    const verdict = lighthouseVerdict([{ page: article, result: broken }], ['seo', 'accessibility']);
    assert.deepEqual(verdict.failures.map((f) => f.category), ['seo', 'accessibility']);
    assert.match(formatFailures(verdict), /Lighthouse could not finish: ERRORED_DOCUMENT_REQUEST/);
    assert.match(formatFailures(verdict), /http-status-code: .*\(status 404\)/);
  });

  it('writes a Markdown table with a row per page, the excused cells starred and the failures listed', () => {
    const verdict = lighthouseVerdict(
      [
        { page: article, result: result({ seo: { 'is-crawlable': {} }, performance: { 'speed-index': { score: 0.5, weight: 10 } } }) },
        { page: search, result: result({ seo: { 'is-crawlable': { score: 0 } }, performance: { 'speed-index': {} } }) },
      ],
      ['performance', 'seo'],
    );
    const markdown = formatMarkdownReport(verdict, ['performance', 'seo'], 'note');
    assert.match(markdown, /^# Lighthouse gate: failed \(1 below 100\)$/m);
    assert.match(markdown, /^\| zh-hans \| article \| `\/zh-hans\/seed\/` \| 50 \| 100 \|$/m);
    assert.match(markdown, /^\| zh-tw \| search \| `\/zh-tw\/search\/\?q=x` \| 100 \| 0\* \|$/m);
    assert.match(markdown, /^- seo \/ `is-crawlable`: .*robots\.txt/m);
    assert.match(markdown, /speed-index: Title of speed-index/);
  });

  it('lists each exception used once, with its own reason, however many pages it excused', () => {
    const blocked = () => result({ seo: { 'is-crawlable': { score: 0 } } });
    const notFound: AuditedPage = { kind: 'not-found', variant: 'zh-hk', path: '/zh-hk/404.html' };
    const verdict = lighthouseVerdict(
      [
        { page: search, result: blocked() },
        { page: { ...search, variant: 'zh-hk', path: '/zh-hk/search/' }, result: blocked() },
        { page: notFound, result: blocked() },
      ],
      ['seo'],
    );
    assert.equal(verdict.passed, true);
    const reasons = formatMarkdownReport(verdict, ['seo'], '').split('\n').filter((line) => line.startsWith('- seo / `is-crawlable`'));
    assert.equal(reasons.length, 2);
    assert.match(reasons[0]!, /robots\.txt disallows the search pages/);
    assert.match(reasons[1]!, /404 pages carry/);
  });
});
