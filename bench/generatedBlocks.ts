/**
 * The docs' figures are written by the bench, never by hand: a page marks each generated span with
 * `<!-- bench:NAME -->…<!-- /bench:NAME -->` (inline, or around whole lines), and `fillGeneratedBlocks` replaces
 * what stands between the two markers with the current value of NAME. Rerunning the bench (or
 * `npm run bench -- --report`) thus rewrites every figure from bench/results.json, and a test checks that the
 * committed docs equal what the committed results give.
 */

const marker = /<!-- (\/?)bench:([a-z0-9-]+) -->/g;

/** A generated block in a docs page: its name, where it stands, and what it holds now. */
export interface GeneratedBlock {
  name: string;
  /** 1-based line of the opening marker. */
  line: number;
  /** Offsets of the content between the markers. */
  start: number;
  end: number;
}

/** Every `bench:NAME` block of `text`; a marker without its partner is an error naming file and line. */
export function findGeneratedBlocks(text: string, file: string): GeneratedBlock[] {
  const blocks: GeneratedBlock[] = [];
  let open: { name: string; line: number; start: number } | null = null;
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  for (const match of text.matchAll(marker)) {
    const [whole, closing, name] = match as unknown as [string, string, string];
    const at = match.index;
    if (!closing) {
      if (open) throw new Error(`${file}:${lineAt(at)}: <!-- bench:${name} --> opens inside bench:${open.name} (opened on line ${open.line}) — close that block first with <!-- /bench:${open.name} -->`);
      open = { name, line: lineAt(at), start: at + whole.length };
    } else {
      if (!open || open.name !== name) throw new Error(`${file}:${lineAt(at)}: <!-- /bench:${name} --> closes a block that is not open${open ? ` (bench:${open.name} is, since line ${open.line})` : ''} — pair every closing marker with its <!-- bench:${name} -->`);
      blocks.push({ name: open.name, line: open.line, start: open.start, end: at });
      open = null;
    }
  }
  if (open) throw new Error(`${file}:${open.line}: <!-- bench:${open.name} --> is never closed — add <!-- /bench:${open.name} --> after the figure`);
  return blocks;
}

/**
 * `text` with every generated block holding `values[name]`. A block whose name has no value is an error naming
 * the file and line (a figure the bench does not produce cannot be kept up to date). Values that hold whole
 * lines (they end with a newline) are set on lines of their own, so the markers stay on theirs.
 */
export function fillGeneratedBlocks(text: string, file: string, values: ReadonlyMap<string, string>): string {
  let out = '';
  let from = 0;
  for (const block of findGeneratedBlocks(text, file)) {
    const value = values.get(block.name);
    if (value === undefined) {
      throw new Error(`${file}:${block.line}: the bench produces no figure "${block.name}" — use one of ${[...values.keys()].join(', ')}, or write the text without the bench markers if no measurement backs it`);
    }
    out += text.slice(from, block.start) + (value.endsWith('\n') ? `\n${value}` : value);
    from = block.end;
  }
  return out + text.slice(from);
}
