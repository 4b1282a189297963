import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesUnder } from '../shared/filesUnder.ts';
import { readMemoFile, writeMemoFile } from '../shared/memoFile.ts';
import { packageVersions } from '../shared/packageVersions.ts';
import type { SourceScript } from '../shared/variants.ts';
import { detached } from '../shared/detached.ts';
import type { ArticleUnitsMemo } from './vocabulary.ts';

/** The memo's name for an article's text (`articleText` in vocabulary.ts) in the script it was written in. */
export function articleTextKey(script: SourceScript, text: string): string {
  return createHash('sha256').update(script).update('\0').update(text).digest('hex');
}

/**
 * The vocabulary's units of each article, kept between builds so that a publish converts the new or edited
 * articles, not the archive (at 10,000 articles the vocabulary took 92 s of a publish's index stage).
 *
 * It lives in `dir`, a folder of the build's cache (never part of `dist/`; deleting it is always safe), as one
 * file named by the digest of everything conversion depends on besides the article's text:
 * the glossary, the code of `src/convert/` and of the vocabulary, the variants, and opencc-js's package (its
 * tables). A change to any of them starts an empty memo. With `reuse: false` (`npm run build -- --clean`, a
 * first build) nothing is read, every article is converted, and the memo is written afresh. Only the articles
 * of this build are written back, so it does not grow with deleted articles.
 */
export async function openVocabularyMemo(dir: string, options: { reuse: boolean; glossaryFile: string; projectDir?: string | undefined }): Promise<VocabularyMemo> {
  const projectDir = options.projectDir ?? process.cwd();
  const file = join(dir, `${await conversionDigest(projectDir, options.glossaryFile)}.jsonl`);
  // A memo that does not parse (a write cut short by a crash) is no memo: the build converts every article.
  const share = sharedUnits();
  return new VocabularyMemo(file, options.reuse ? await readMemoFile(file, share) : new Map(), share);
}

export class VocabularyMemo implements ArticleUnitsMemo {
  private readonly used = new Map<string, string[][]>();
  /** How many articles were found in the memo and how many were converted, for the build's log. */
  readonly counts = { known: 0, converted: 0 };

  private readonly file: string;
  private readonly known: ReadonlyMap<string, unknown>;
  private readonly share: (units: string[][]) => unknown;

  constructor(file: string, known: ReadonlyMap<string, unknown>, share = sharedUnits()) {
    this.file = file;
    this.known = known;
    this.share = share;
  }

  unitsOf(script: SourceScript, text: () => string, convert: () => string[][], textKey?: string): string[][] {
    const key = textKey ?? articleTextKey(script, text());
    const remembered = this.known.get(key);
    let units: string[][];
    if (isUnits(remembered)) {
      units = remembered;
      this.counts.known++;
    } else {
      units = this.share(convert()) as string[][];
      this.counts.converted++;
    }
    this.used.set(key, units);
    return units;
  }

  /** Writes this build's entries (atomically: a build cut short leaves the last whole memo) and drops memos of other conversions. */
  async save(): Promise<void> {
    await writeMemoFile(this.file, this.used, { dropOthers: true });
  }
}

/**
 * One array per distinct unit, for the entries read and the units converted: articles share most of their units (the bench's 10,000
 * articles hold 2 million units, 262 distinct), and a fresh array for each would grow the memo in memory by
 * about 250 bytes a unit (2.5 GB at 100,000 articles).
 */
function sharedUnits(): (entry: unknown) => unknown {
  const shared = new Map<string, string[]>();
  return (entry) => {
    if (!isUnits(entry)) return entry;
    return entry.map((forms) => {
      const key = forms.join('\u0000');
      let one = shared.get(key);
      // The first article's forms are cut from its text: a copy, or the unit would hold that whole text.
      if (!one) shared.set(key, (one = forms.map(detached)));
      return one;
    });
  };
}

/** An entry as `save` writes it: each unit's forms; anything else is converted again. */
const isUnits = (value: unknown): value is string[][] => Array.isArray(value) && value.every((forms) => Array.isArray(forms) && forms.every((form) => typeof form === 'string'));

/** sha256 of the glossary, the conversion and vocabulary code, the variants and opencc-js's version. */
async function conversionDigest(projectDir: string, glossaryFile: string): Promise<string> {
  const code = [
    ...(await filesUnder(join(projectDir, 'src', 'convert'))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join('src', 'convert', f)),
    join('src', 'search', 'vocabulary.ts'),
    join('src', 'shared', 'variants.ts'),
  ];
  const hash = createHash('sha256');
  for (const path of code) hash.update(path).update('\0').update(await readFile(join(projectDir, path))).update('\0');
  // opencc-js's tables come with its version.
  hash.update(`${(await packageVersions(projectDir, ['opencc-js'])).join('')}\0`);
  hash.update('glossary\0').update(await readFile(glossaryFile).catch(() => Buffer.alloc(0)));
  return hash.digest('hex').slice(0, 32);
}
