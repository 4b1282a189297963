/**
 * The walls between zhpress's layers: pages → stages → shared, never back (`npm run lint:layers`, part of
 * `npm test`). Each rule names one wall and says why it stands; a broken wall fails the suite with the rule's
 * name, the importing file and the imported one.
 *
 * Stages and what each may use besides src/shared/ (read from the code; widen one only with a reason):
 *   import  → content (the article schema it writes to, the slug check)
 *   content → (shared only)
 *   convert → content (the glossary and the article schema)
 *   render  → content (the published articles) and the client scripts of other stages (a page's <script>)
 *   search  → convert (the converters its vocabulary uses)
 *   offline → (shared only)
 *   publish → convert, search, offline (it runs them after Astro has rendered)
 * Tests may combine stages to check what a reader sees; they ship nowhere, so the stage walls skip them
 * (`*.test.ts`, `testing/`), but not the walls around shared, pages and cli.
 */
const stage = (name) => `^src/${name}/`;
const notTest = '\\.test\\.ts$|/testing/';

/** A rule that lets the stage `from` import only its own folder, src/shared/ and the folders in `allowed`. */
function stageWall(from, allowed, comment) {
  return {
    name: `${from}-imports-only-${allowed.length ? allowed.join('-') : 'shared'}`,
    comment,
    severity: 'error',
    from: { path: stage(from), pathNot: notTest },
    to: { path: '^src/', pathNot: [stage(from), stage('shared'), ...allowed.map((name) => (name.includes('/') ? `^src/${name}` : stage(name)))] },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'shared-imports-no-stage',
      comment: 'src/shared/ is the vocabulary every stage uses (variants, URLs, UI strings, settings, build stats); importing a stage from it would tie every stage to that one.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'stages-import-no-pages-or-cli',
      comment: 'Pages and the command line sit on top and wire the stages together; a stage that reached up into them could not be used or tested without them.',
      severity: 'error',
      from: { path: '^src/(?!pages/|cli/)' },
      to: { path: '^src/(pages|cli)/' },
    },
    {
      name: 'cli-imports-no-pages',
      comment: 'Astro owns the pages: the commands run Astro, they never load a page module themselves.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/pages/' },
    },
    stageWall('import', ['content'], 'The importer writes content: it may use the content schema and checks, never the build stages that read its output.'),
    stageWall('content', [], 'Content is the sources and their checks: it is read by every later stage and depends on none.'),
    stageWall('convert', ['content'], 'Conversion reads the glossary and the article schema from content; it must not depend on what renders, indexes or publishes.'),
    stageWall('render', ['content', 'search/client/', 'offline/client/'], "Rendering reads content; of other stages it may embed only their browser scripts (a page's <script>), never their build-time code."),
    stageWall('search', ['convert'], 'Search builds its vocabulary with the converters; it must not depend on rendering, offline or publishing.'),
    stageWall('offline', [], 'The offline stage (service worker, manifest) works from shared vocabulary only, so it can change without touching the other stages.'),
    stageWall('publish', ['convert', 'search', 'offline'], 'Publishing finishes the site after Astro: it runs conversion, search and offline, and nothing runs it but Astro and the cli.'),
    {
      name: 'client-imports-no-build-time-code',
      comment: "Scripts under src/*/client/ run in the reader's browser: anything they import is bundled into a page, so it must not reach Node built-ins, Astro or the build-time settings and statistics. Nor the indexer's own modules: Astro's incremental build hashes every module a page's script imports, as source, so an edit to build-only code there would re-render every page of the site (the shard format the browser reads is in search/vocabularyShard.ts for that reason).",
      severity: 'error',
      from: { path: '^src/[^/]+/client/', pathNot: '\\.test\\.ts$' },
      to: {
        path: [
          '^node:', '^(fs|path|os|child_process|crypto|url|worker_threads)$', '^node_modules/astro/', '^src/shared/(settings|buildStats)\\.ts$', '^src/cli/', '^src/pages/',
          '^src/search/(vocabulary|vocabularyMemo|indexSite|indexedPages|articlePage|indexSize|pagefindVolume|volumeWriters|volumeWorker)\\.ts$',
          '^src/shared/(memoFile|detached|writeFileAtomic|filesUnder|moduleTreeDigest|packageVersions|readFilesInOrder)\\.ts$',
        ],
        reachable: true,
      },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes the order of module evaluation matter and hides which layer is below which.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The walls are about code that runs: a type-only import vanishes when TypeScript is stripped, so it is not
    // followed (the search page's types come from a module whose build-time half it never loads).
    tsPreCompilationDeps: false,
    exclude: { path: '^(dist|\\.astro|\\.zhpress|node_modules)/' },
  },
};
