import { readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * The file every zhpress build writes at the root of its output, so the next build knows it may replace the
 * folder as a whole. Its text is fixed (output stays byte-identical); hosts may serve it, it says nothing private.
 */
export const BUILD_MARKER = '.zhpress-build';

const markerText = 'Written by zhpress: `npm run build` replaces this folder as a whole. Keep nothing else in it.\n';

/** What a build made before the marker existed always had: the worker, the host headers, the first variant. */
const earlierBuildFiles = ['sw.js', '_headers', 'zh-hans'];

/** Marks a finished build's output (called on the staging folder just before it is swapped in). */
export async function markBuildOutput(dir: string): Promise<void> {
  await writeFile(join(dir, BUILD_MARKER), markerText);
}

/**
 * Refuses to go on when `outDir` holds something other than an earlier zhpress build: the build replaces the
 * folder as a whole, so `ZHPRESS_OUT_DIR=.` would otherwise remove the project. A missing or empty folder is
 * fine. `setting` names where the folder came from, for the message.
 */
export async function assertReplaceableOutput(outDir: string, setting = 'ZHPRESS_OUT_DIR'): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new Error(`${shown(outDir)} is a file, not a folder — set ${setting} to a folder the build may own.`);
    throw error;
  }
  if (names.length === 0 || names.includes(BUILD_MARKER) || earlierBuildFiles.every((name) => names.includes(name))) return;
  const some = names.sort().slice(0, 3).join(', ');
  throw new Error(
    `${shown(outDir)} is not an earlier zhpress build (it has no ${BUILD_MARKER}; it holds ${some}${names.length > 3 ? ', …' : ''}), and a build replaces its output folder as a whole — set ${setting} to a new or empty folder, or remove this one yourself if it really is an old build.`,
  );
}

const shown = (dir: string) => {
  const path = relative(process.cwd(), dir) || '.';
  return `${path.startsWith('..') ? dir : path}/`.replace(/\/\/$/, '/');
};
