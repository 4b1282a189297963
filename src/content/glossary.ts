import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'astro/zod';
import { SourceProblem } from './sourceProblem.ts';

const text = z.string().trim().min(1);

/** One glossary entry: how a term appears in each variant, and why. */
const glossaryEntrySchema = z.strictObject({
  /** The term as Simplified sources write it; the match key for them. */
  term: text,
  /** The term as Traditional sources write it; defaults to OpenCC's Traditional form of `term`. */
  traditional: text.optional(),
  /** Exact text per variant. A variant not listed converts the term as usual. */
  'zh-hans': text.optional(),
  'zh-hant': text.optional(),
  'zh-tw': text.optional(),
  'zh-hk': text.optional(),
  /** One line for the next editor: why this entry exists. */
  reason: text.refine((value) => !value.includes('\n'), 'reason must be one line'),
});

export const glossarySchema = z.strictObject({
  entries: z.array(glossaryEntrySchema),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/**
 * Reads and validates the site glossary (`content/glossary.yaml`). Every problem is reported with the
 * file (as `shownAs` names it) and line; a missing file is an empty glossary.
 */
export async function loadGlossary(file: string, shownAs: string = file): Promise<GlossaryEntry[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseGlossary(source, shownAs);
}

export function parseGlossary(source: string, file: string): GlossaryEntry[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: SourceProblem[] = document.errors.map(
    (error) => new SourceProblem(file, lineCounter.linePos(error.pos[0]).line, `YAML: ${error.message.split('\n')[0]}`),
  );
  if (problems.length > 0) throw SourceProblem.all(problems);
  const result = glossarySchema.safeParse(document.toJS() ?? {});
  if (!result.success) {
    throw SourceProblem.all(
      result.error.issues.map((issue) => {
        const node = nodeAt(document.contents, issue.path);
        const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
        const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        return new SourceProblem(file, line, `${where}${issue.message}`);
      }),
    );
  }
  const seen = new Map<string, number>();
  const duplicates: SourceProblem[] = [];
  result.data.entries.forEach((entry, index) => {
    const first = seen.get(entry.term);
    if (first !== undefined) {
      const node = nodeAt(document.contents, ['entries', index]);
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
      duplicates.push(new SourceProblem(file, line, `term "${entry.term}" is already defined by entry ${first + 1}; merge the two entries`));
    } else seen.set(entry.term, index);
  });
  if (duplicates.length > 0) throw SourceProblem.all(duplicates);
  return result.data.entries;
}

/** The YAML node at a zod issue path, to find its line; the deepest existing node if the path ends early. */
function nodeAt(root: unknown, path: ReadonlyArray<PropertyKey>): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.get(String(key), true);
    else if (isSeq(node)) next = node.get(Number(key), true);
    if (next === undefined || next === null) return node;
    node = next as YamlNode;
  }
  return node;
}
