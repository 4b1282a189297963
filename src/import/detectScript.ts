import { Converter } from 'opencc-js';

/** The script an article is written in, as the frontmatter records it. */
export type Script = 'hans' | 'hant';

export interface ScriptDetection {
  script: Script;
  /** Occurrences of characters that only Traditional script writes (OpenCC t → cn changes them). */
  traditional: number;
  /** Occurrences of characters that only Simplified script writes (OpenCC cn → t changes them). */
  simplified: number;
}

const toSimplified = Converter({ from: 't', to: 'cn' });
const toTraditional = Converter({ from: 'cn', to: 't' });

/**
 * Tells Simplified from Traditional text by asking OpenCC which of its characters each script would change.
 *
 * Each distinct ideograph is converted on its own both ways: one that t → cn changes is Traditional-only
 * (`對`), one that only cn → t changes is Simplified-only (`对`); the many characters both scripts share
 * (`中`, `人`) count for neither. The script with more occurrences wins; a text with none of either (or a
 * tie) is taken as Simplified, the site's default.
 */
export function detectScript(text: string): ScriptDetection {
  const counts = new Map<string, number>();
  for (const ch of text) if (/\p{Script=Han}/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let traditional = 0;
  let simplified = 0;
  for (const [ch, count] of counts) {
    if (toSimplified(ch) !== ch) traditional += count;
    else if (toTraditional(ch) !== ch) simplified += count;
  }
  return { script: traditional > simplified ? 'hant' : 'hans', traditional, simplified };
}
