/**
 * `npm run check`: checks every article, slug and the glossary the way a build would, in a second and
 * without building, and lists every problem at once. Exit status 1 if there is any (for pre-commit hooks).
 *
 * Environment: ZHPRESS_CONTENT (sources, default `content/`).
 */
import { filesUnder } from '../shared/filesUnder.ts';
import { join, relative } from 'node:path';
import { checkSources, formatProblems } from '../content/checkSources.ts';
import { contentDir } from '../content/contentDir.ts';

const problems = await checkSources(contentDir);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exitCode = 1;
} else {
  const articles = (await filesUnder(join(contentDir, 'articles'), { missingIsEmpty: true })).filter((f) => f.endsWith('.mdx'));
  console.log(`zhpress: OK, ${articles.length} article${articles.length === 1 ? '' : 's'} and the glossary in ${relative(process.cwd(), contentDir) || '.'}/ checked, no problems.`);
}
