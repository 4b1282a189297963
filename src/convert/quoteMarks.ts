import type { VariantId } from '../shared/variants.ts';

/** One quotation mark to replace: `text[at]` becomes `replacement`. */
export interface QuoteChange {
  at: number;
  replacement: string;
}

/**
 * Whether a variant's readers expect corner brackets. Taiwan and Hong Kong papers, and Traditional-script
 * writing in general (Macau, overseas), quote with 「」 and 『』; “ ” in Traditional text reads as converted
 * mainland copy. So every Traditional variant, zh-hant included, gets them (docs/variants.md#quotation-marks).
 */
export const usesCornerBrackets = (variant: VariantId): boolean => variant !== 'zh-hans';

// Corner brackets by nesting depth: 「outer『inner「third」』」.
const opening = ['「', '『'] as const;
const closing = ['」', '』'] as const;

const latinLetter = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * The quotation marks of `text` to turn into corner brackets, in order.
 *
 * ###### Algorithm
 * One pass with a stack. `“` and `‘` open, `”` and `’` close the innermost open quote; the depth of the quote,
 * not the mark the writer chose, picks 「」 (odd depth) or 『』 (even depth), so `“他说“好”。”` (a double inside a
 * double, common in wire copy) comes out 「他說『好』。」 too. A closing mark with nothing open is the outermost
 * closer (the opener lay in another run of text, before a link or a kept span).
 *
 * ###### Left alone
 * - An apostrophe: `’` after a Latin letter or digit and before a letter (`Xi’an`, `don’t`), or after a Latin
 *   letter with no `‘` open (`students’`).
 * - A `‘` that no `’` closes in the text (`‘90s`): single marks are apostrophes as often as quotes.
 * - ASCII `"` and `'`: in prose they are rare, and they are what code, markup and URLs use.
 */
export function regionalQuoteMarks(text: string): QuoteChange[] {
  if (!/[“”‘’]/.test(text)) return [];
  const changes: QuoteChange[] = [];
  // Open quotes: their position in `changes` (filled in when closed or at the end) and their mark.
  const stack: Array<{ at: number; single: boolean; change: QuoteChange }> = [];
  const pending: QuoteChange[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '“' && ch !== '”' && ch !== '‘' && ch !== '’') continue;
    if (ch === '’') {
      const before = text[i - 1] ?? '';
      const after = text[i + 1] ?? '';
      const singleOpen = stack.some((open) => open.single);
      if (latinLetter.test(before) && (/\p{L}/u.test(after) || !singleOpen)) continue;
    }
    if (ch === '“' || ch === '‘') {
      const change: QuoteChange = { at: i, replacement: opening[stack.length % 2]! };
      stack.push({ at: i, single: ch === '‘', change });
      pending.push(change);
      continue;
    }
    // A closer: `’` closes the innermost open single quote only; `”` closes the innermost open quote.
    if (ch === '’') {
      const index = stack.findLastIndex((open) => open.single);
      if (index < 0) continue;
      // Double quotes opened inside it and never closed stay as openers at their depth.
      stack.length = index;
      pending.push({ at: i, replacement: closing[index % 2]! });
      continue;
    }
    // `”`: drop single quotes left open inside (apostrophe-like `‘`), then close the double.
    let index = stack.findLastIndex((open) => !open.single);
    if (index < 0) {
      pending.push({ at: i, replacement: closing[0] });
      continue;
    }
    for (let k = stack.length - 1; k > index; k--) pending.splice(pending.indexOf(stack[k]!.change), 1);
    stack.length = index;
    pending.push({ at: i, replacement: closing[index % 2]! });
  }
  // A `‘` never closed is an apostrophe or a stray mark: left as written. A `“` never closed keeps its bracket.
  for (const open of stack) if (open.single) pending.splice(pending.indexOf(open.change), 1);
  changes.push(...pending);
  return changes.sort((a, b) => a.at - b.at);
}

/** `text` with its quotation marks as the region writes them. */
export function withRegionalQuoteMarks(text: string): string {
  const changes = regionalQuoteMarks(text);
  if (changes.length === 0) return text;
  let output = '';
  let cursor = 0;
  for (const change of changes) {
    output += text.slice(cursor, change.at) + change.replacement;
    cursor = change.at + 1;
  }
  return output + text.slice(cursor);
}
