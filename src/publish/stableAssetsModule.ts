/** The Vite plugin shape `updateConfig({ vite: { plugins } })` takes, as far as this plugin uses it. */
interface TransformPlugin {
  name: string;
  enforce: 'post';
  transform(code: string, id: string): { code: string; map: null } | null;
}

/** Astro's resolved id of its `astro:assets` module. */
const ASSETS_MODULE = '\0astro:assets';

/** What the output folder is called in that module instead: a name no build writes to. */
const STABLE_OUTPUT = 'file:///zhpress-output/';

/**
 * Keeps Astro's `astro:assets` module the same from build to build. The module writes the output folder into its
 * code (`outDir`, `serverDir`: read by the Node adapter only, and dropped from a static site's bundles), and
 * `npm run build` renders into a staging folder named per process (`publishSite`). Experimental incremental
 * builds hash the code of every module a page imports, so every page showing an article's image (`<Image>`,
 * `getImage`) had a new hash on every build and was never restored. Here the module names a fixed folder instead.
 */
export function stableAssetsModule(outDir: URL): TransformPlugin {
  const output = outDir.href.endsWith('/') ? outDir.href : `${outDir.href}/`;
  return {
    name: 'zhpress:stable-assets-module',
    enforce: 'post',
    transform(code, id) {
      if (id !== ASSETS_MODULE || !code.includes(output)) return null;
      return { code: code.replaceAll(output, STABLE_OUTPUT), map: null };
    },
  };
}
