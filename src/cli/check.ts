/**
 * `npm run check`: checks every article, slug and the glossary the way a build would, in a second and
 * without building, and lists every problem at once. Exit status 1 if there is any (for pre-commit hooks).
 * An article checked before, by a check or a build of the same sources, is not checked again unless it changed
 * (the check memo in the build's cache, see src/content/articleCheckMemo.ts).
 *
 * Environment: ZHPRESS_CONTENT (sources, default `content/`); SITE_URL and SITE_BASE name the build cache.
 */
import { filesUnder } from '../shared/filesUnder.ts';
import { join, relative } from 'node:path';
import { checkSources, formatProblems } from '../content/checkSources.ts';
import { contentDir } from '../content/contentDir.ts';
import { settingProblems } from '../shared/settings.ts';
import { buildCacheDir, openBuildCache } from './buildCache.ts';

// The memo is kept in the cache the next build of these sources uses; a setting the build would refuse leaves
// it unnamed, and every article is checked.
const memoDir = settingProblems().length === 0 ? buildCacheDir(contentDir) : undefined;
if (memoDir) await openBuildCache(memoDir, contentDir);
const problems = await checkSources(contentDir, process.cwd(), { memo: memoDir ? { dir: memoDir, reuse: true } : undefined });
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exitCode = 1;
} else {
  const articles = (await filesUnder(join(contentDir, 'articles'), { missingIsEmpty: true })).filter((f) => f.endsWith('.mdx'));
  console.log(`zhpress: OK, ${articles.length} article${articles.length === 1 ? '' : 's'} and the glossary in ${relative(process.cwd(), contentDir) || '.'}/ checked, no problems.`);
}
