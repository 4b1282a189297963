/**
 * What the Lighthouse gate (`npm run gate:lighthouse`, src/cli/lighthouseGate.ts) decides from Lighthouse's
 * results: every audited page must score 100 in every category it ran, apart from the exceptions below, each
 * with its reason. Pure, so the thresholds and the report are unit-tested without a browser.
 */

/** The part of a Lighthouse result (LH.Result) the verdict reads. */
export interface LighthouseResult {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; errorMessage?: string }>;
}

/** One page the gate audits: where it is, and what kind of page it is (exceptions are per kind). */
export interface AuditedPage {
  kind: 'root' | 'home' | 'article' | 'search' | 'not-found' | 'offline';
  /** The variant, or undefined for the pages outside every variant (the root redirect page and its 404). */
  variant?: string;
  /** Path on the site, such as /zh-hans/search/. */
  path: string;
}

/** A failing audit that does not fail the gate on one kind of page, and why. */
export interface AllowedFailure {
  kind: AuditedPage['kind'];
  category: string;
  audit: string;
  reason: string;
}

/**
 * SEO's is-crawlable audit fails on pages that are kept out of search engines on purpose; it is the only audit
 * excused, and only on these kinds of page. Every other audit of every category must pass everywhere.
 */
export const allowedFailures: readonly AllowedFailure[] = [
  {
    kind: 'search',
    category: 'seo',
    audit: 'is-crawlable',
    reason: 'robots.txt disallows the search pages on purpose (src/pages/robots.txt.ts): a page of search results is not content and must stay out of search engines’ indexes.',
  },
  {
    kind: 'not-found',
    category: 'seo',
    audit: 'is-crawlable',
    reason: 'the 404 pages carry <meta name="robots" content="noindex"> on purpose: a missing page must not be indexed.',
  },
  {
    kind: 'offline',
    category: 'seo',
    audit: 'is-crawlable',
    reason: 'the offline page carries noindex and robots.txt disallows it on purpose: it lists what this reader’s browser kept, which is nothing to a crawler.',
  },
];

/** A category below 100 on one page, with the audits that cost it points. */
export interface CategoryFailure {
  page: AuditedPage;
  category: string;
  categoryTitle: string;
  /** 0–100, or null when Lighthouse could not score the category. */
  score: number | null;
  audits: { id: string; title: string; score: number | null; displayValue?: string }[];
}

export interface PageScores {
  page: AuditedPage;
  /** Category id → 0–100 (null: not scored). */
  scores: Record<string, number | null>;
  /** Allowed failures that applied on this page (shown in the report, never silently). */
  excused: { category: string; audit: string; reason: string }[];
  runtimeError?: string;
}

export interface LighthouseVerdict {
  lighthouseVersion: string;
  pages: PageScores[];
  failures: CategoryFailure[];
  passed: boolean;
}

// Audits whose score is no pass/fail finding: information, checks for a person, and audits that did not apply.
const notGraded = new Set(['informative', 'manual', 'notApplicable']);

/**
 * Judges Lighthouse's results, one per audited page. A category passes at 100, or below 100 when every audit
 * that lost it points is an allowed failure for that kind of page; a run that Lighthouse could not finish
 * (runtimeError) fails every category it was asked for.
 */
export function lighthouseVerdict(
  runs: { page: AuditedPage; result: LighthouseResult }[],
  categories: readonly string[],
  allowed: readonly AllowedFailure[] = allowedFailures,
): LighthouseVerdict {
  const pages: PageScores[] = [];
  const failures: CategoryFailure[] = [];
  for (const { page, result } of runs) {
    const entry: PageScores = { page, scores: {}, excused: [] };
    if (result.runtimeError) entry.runtimeError = `${result.runtimeError.code}: ${result.runtimeError.message}`;
    for (const id of categories) {
      const category = result.categories[id];
      const score = category?.score == null ? null : Math.round(category.score * 100);
      entry.scores[id] = score;
      if (!category) {
        failures.push({ page, category: id, categoryTitle: id, score: null, audits: [] });
        continue;
      }
      if (score === 100) continue;
      const lost = category.auditRefs
        .map((ref) => ({ ref, audit: result.audits[ref.id] }))
        .filter(({ audit }) => audit && !notGraded.has(audit.scoreDisplayMode) && (audit.score === null || audit.score < 1))
        // Weighted audits first: they are what moved the score.
        .sort((a, b) => b.ref.weight - a.ref.weight);
      const excusedHere = lost.filter(({ ref }) => allowed.some((rule) => rule.kind === page.kind && rule.category === id && rule.audit === ref.id));
      const unexcused = lost.filter((item) => !excusedHere.includes(item));
      for (const { ref } of excusedHere) {
        const rule = allowed.find((r) => r.kind === page.kind && r.category === id && r.audit === ref.id)!;
        entry.excused.push({ category: id, audit: ref.id, reason: rule.reason });
      }
      // Below 100 with nothing but excused audits to show for it: passes. Below 100 and nothing found: fails.
      if (score !== null && excusedHere.length > 0 && unexcused.length === 0 && !result.runtimeError) continue;
      failures.push({
        page,
        category: id,
        categoryTitle: category.title,
        score,
        audits: unexcused.map(({ ref, audit }) => ({
          id: ref.id,
          title: audit!.title,
          score: audit!.score,
          ...(audit!.displayValue ? { displayValue: audit!.displayValue } : audit!.errorMessage ? { displayValue: audit!.errorMessage } : {}),
        })),
      });
    }
    pages.push(entry);
  }
  return { lighthouseVersion: runs[0]?.result.lighthouseVersion ?? 'unknown', pages, failures, passed: failures.length === 0 };
}

const pageName = (page: AuditedPage) => (page.variant ? `${page.variant} ${page.kind}` : page.kind) + ` (${page.path})`;

/** The failures as lines for the terminal: each page and category below 100, then each audit with its title. */
export function formatFailures(verdict: LighthouseVerdict): string {
  return verdict.failures
    .map((failure) => {
      const head = `${pageName(failure.page)}: ${failure.categoryTitle} ${failure.score ?? 'not scored'}`;
      const runtime = verdict.pages.find((p) => p.page === failure.page)?.runtimeError;
      const lines = failure.audits.map((a) => `  - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      if (runtime) lines.unshift(`  - Lighthouse could not finish: ${runtime}`);
      if (lines.length === 0) lines.push('  - no failing audit reported: see the JSON report');
      return [head, ...lines].join('\n');
    })
    .join('\n');
}

/** A short Markdown report: one row per page, one column per category, then the failures and the exceptions used. */
export function formatMarkdownReport(verdict: LighthouseVerdict, categories: readonly string[], note: string): string {
  const rows = verdict.pages.map((entry) => {
    const cells = categories.map((id) => {
      const score = entry.scores[id];
      const excused = entry.excused.some((e) => e.category === id);
      return `${score ?? '—'}${excused ? '*' : ''}`;
    });
    return `| ${entry.page.variant ?? '—'} | ${entry.page.kind} | \`${entry.page.path}\` | ${cells.join(' | ')} |`;
  });
  const excused = [...new Map(verdict.pages.flatMap((p) => p.excused).map((e) => [`${e.category}/${e.audit}/${e.reason}`, e])).values()];
  return [
    `# Lighthouse gate: ${verdict.passed ? 'passed' : `failed (${verdict.failures.length} below 100)`}`,
    '',
    `Lighthouse ${verdict.lighthouseVersion}, mobile, default config (simulated throttling). ${note}`,
    '',
    `| variant | page | path | ${categories.join(' | ')} |`,
    `|---|---|---|${categories.map(() => '---:').join('|')}|`,
    ...rows,
    '',
    ...(excused.length ? ['\\* allowed below 100:', ...excused.map((e) => `- ${e.category} / \`${e.audit}\`: ${e.reason}`), ''] : []),
    ...(verdict.failures.length ? ['## Below 100', '', '```', formatFailures(verdict), '```', ''] : []),
  ].join('\n');
}
