import { Parser } from 'htmlparser2';
import type { SourceScript } from './variants.ts';

/** One replacement found by a converter: `text.slice(start, end)` becomes `replacement`. */
export interface Replacement {
  start: number;
  end: number;
  replacement: string;
}

/**
 * What `convertPage` needs from a converter: the replacements for a run of text written in `from`,
 * sorted and non-overlapping. Unchanged characters are not reported.
 */
export type FindReplacements = (text: string, from: SourceScript) => readonly Replacement[];

/** Marks a span the converter must leave as written; used where no element can carry `translate="no"` (`<title>`, meta). */
export const KEEP_START = '\uE000';
export const KEEP_END = '\uE001';
/** Marks a span written in Traditional script inside text (`<title>`, meta) where no `data-zh-script` element fits. */
export const HANT_START = '\uE002';
export const HANT_END = '\uE003';
const markers = /[\uE000-\uE003]/g;

/** Wraps text from a source of the given script so the page converter knows what it converts from. */
export function inScript(text: string, script: SourceScript): string {
  return script === 'hant' ? HANT_START + text + HANT_END : text;
}

// Subtrees whose text is code, data or not prose: never converted.
const verbatimElements = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'var', 'textarea', 'svg', 'math', 'template']);

// Inline elements do not end a run of text, so a term split across `<strong>` still converts as a whole.
const inlineElements = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'mark', 'q', 'rp', 'rt', 'ruby',
  's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'label', 'output',
]);

// Attributes whose values are text a reader sees or hears.
const textAttributes = new Set(['alt', 'title', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'placeholder', 'label', 'summary']);

// `<meta>` whose `content` is prose (description, Open Graph and Twitter titles and descriptions).
const textMetaNames = new Set([
  'description', 'og:title', 'og:description', 'og:site_name', 'og:image:alt',
  'twitter:title', 'twitter:description', 'twitter:image:alt', 'apple-mobile-web-app-title', 'application-name',
  'article:section', 'article:tag',
]);

const SCRIPT_ATTRIBUTE = 'data-zh-script';

interface Frame {
  name: string;
  verbatim: boolean;
  script: SourceScript;
}

interface TextPiece {
  /** Position of the raw text in the page. */
  start: number;
  end: number;
}

/**
 * Converts the script of a rendered HTML page.
 *
 * ###### Algorithm
 * The page is tokenised once (htmlparser2) and copied through unchanged except for text. Text nodes between
 * block boundaries form a run, converted as one string, so a term split across inline elements
 * (`数<strong>据</strong>`) matches as a whole; a replacement that spans two text nodes is split between them
 * character by character when it has the source's length, and otherwise stays in the node where it starts.
 * An element with `data-zh-script="hant"` marks its content as written in Traditional script (the attribute
 * is removed from the output).
 *
 * ###### Converted
 * Text content, the text attributes (`alt`, `title`, `aria-label`, `placeholder`, …), `<meta content>` of
 * descriptive metas (description, Open Graph, Twitter) and the strings of JSON-LD.
 *
 * ###### Never converted
 * `<script>` (but JSON-LD), `<style>`, `<code>`, `<pre>`, `<kbd>`, `<samp>`, `<var>`, `<textarea>`, SVG and
 * MathML, anything inside an element with `translate="no"`, text between `KEEP_START` and `KEEP_END`, and
 * every other attribute (URLs, ids, classes). Entities are left as written: converters only map CJK characters.
 */
export function convertPage(html: string, findReplacements: FindReplacements): string {
  // Changes to the page, applied in document order at the end (a run's text is only known after its inline tags).
  const patches: Array<{ start: number; end: number; text: string }> = [];
  const stack: Frame[] = [{ name: '#root', verbatim: false, script: 'hans' }];
  let run: TextPiece[] = [];
  let runScript: SourceScript = 'hans';
  let keepDepth = 0; // inside KEEP_START … KEEP_END, which may span text nodes
  let hantDepth = 0; // inside HANT_START … HANT_END
  let pendingAttributes: Array<[string, string, string | null | undefined]> = [];

  const top = () => stack[stack.length - 1]!;

  const flushRun = () => {
    if (run.length === 0) return;
    const pieces = run;
    run = [];
    const texts = pieces.map((p) => html.slice(p.start, p.end));
    const converted = convertRun(texts, runScript);
    pieces.forEach((piece, i) => {
      if (converted[i] !== html.slice(piece.start, piece.end)) patches.push({ ...piece, text: converted[i]! });
    });
  };

  /** Converts the texts of a run as one string and hands each text its share of the result. */
  const convertRun = (texts: string[], from: SourceScript): string[] => {
    const joined = texts.join('');
    const owner: number[] = []; // text index of each UTF-16 unit of `joined`
    texts.forEach((t, i) => {
      for (let k = 0; k < t.length; k++) owner.push(i);
    });
    const result = texts.map(() => '');
    let position = 0;
    const copy = (upTo: number) => {
      for (; position < upTo; position++) {
        const ch = joined[position]!;
        if (ch < '\uE000' || ch > '\uE003') result[owner[position]!] += ch;
      }
    };
    for (const segment of markedSegments(joined, from)) {
      if (segment.kept) {
        copy(segment.end);
        continue;
      }
      const part = joined.slice(segment.start, segment.end);
      for (const r of findReplacements(part, segment.script)) {
        const start = segment.start + r.start;
        const end = segment.start + r.end;
        copy(start);
        const first = owner[start]!;
        const last = owner[end - 1]!;
        if (first === last) {
          result[first] += r.replacement;
        } else if (r.replacement.length === end - start) {
          for (let k = 0; k < r.replacement.length; k++) result[owner[start + k]!] += r.replacement[k];
        } else {
          result[first] += r.replacement;
        }
        position = end;
      }
      copy(segment.end);
    }
    copy(joined.length);
    return result;
  };

  /**
   * Splits text at the markers into stretches to keep or to convert, each with its source script.
   * Marker depth carries across the text nodes of a page, since a marked span may contain elements.
   */
  const markedSegments = (text: string, from: SourceScript) => {
    const segments: Array<{ start: number; end: number; kept: boolean; script: SourceScript }> = [];
    let start = 0;
    const push = (end: number) => {
      if (end > start) segments.push({ start, end, kept: keepDepth > 0, script: hantDepth > 0 ? 'hant' : from });
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch < '\uE000' || ch > '\uE003') continue;
      push(i);
      if (ch === KEEP_START) keepDepth++;
      else if (ch === KEEP_END) keepDepth = Math.max(0, keepDepth - 1);
      else if (ch === HANT_START) hantDepth++;
      else hantDepth = Math.max(0, hantDepth - 1);
      segments.push({ start: i, end: i + 1, kept: true, script: from });
      start = i + 1;
    }
    push(text.length);
    return segments;
  };

  const convertString = (text: string, from: SourceScript): string => {
    const saved = [keepDepth, hantDepth];
    keepDepth = 0;
    hantDepth = 0;
    const [converted] = convertRun([text], from);
    [keepDepth, hantDepth] = saved as [number, number];
    return converted!;
  };

  const parser = new Parser(
    {
      onattribute(name, value, quote) {
        pendingAttributes.push([name, value, quote]);
      },
      onopentag(name) {
        const attributes = pendingAttributes;
        pendingAttributes = [];
        const parent = top();
        const get = (key: string) => attributes.find(([k]) => k === key)?.[1];
        // JSON-LD carries the headline and description: its strings are converted like text.
        const isJsonLd = name === 'script' && get('type') === 'application/ld+json';
        const verbatim =
          parent.verbatim || (verbatimElements.has(name) && !isJsonLd) || get('translate') === 'no';
        const declared = get(SCRIPT_ATTRIBUTE);
        const script: SourceScript = declared === 'hant' || declared === 'hans' ? declared : parent.script;
        if (!inlineElements.has(name) || verbatim || script !== runScript) flushRun();
        stack.push({ name, verbatim, script });
        const rewritten = rewriteTag(name, attributes, verbatim ? null : script);
        if (rewritten !== null) patches.push({ start: parser.startIndex, end: parser.endIndex + 1, text: rewritten });
      },
      ontext() {
        const frame = top();
        if (frame.verbatim) return;
        if (run.length === 0) runScript = frame.script;
        run.push({ start: parser.startIndex, end: parser.endIndex + 1 });
      },
      onclosetag(name) {
        stack.pop();
        if (!inlineElements.has(name)) flushRun();
      },
      oncomment() {
        flushRun();
      },
    },
    { decodeEntities: false, lowerCaseAttributeNames: true },
  );

  /**
   * Returns the start tag rebuilt with converted text attributes and without `data-zh-script`,
   * or null when the tag is to be copied as written.
   */
  const rewriteTag = (
    name: string,
    attributes: Array<[string, string, string | null | undefined]>,
    script: SourceScript | null,
  ): string | null => {
    const metaName = name === 'meta' ? (attributes.find(([k]) => k === 'name' || k === 'property')?.[1] ?? '') : '';
    let changed = false;
    const parts = attributes.map(([key, value, quote]) => {
      if (key === SCRIPT_ATTRIBUTE) {
        changed = true;
        return '';
      }
      const convertible = script !== null && (textAttributes.has(key) || (key === 'content' && textMetaNames.has(metaName)));
      let next = value;
      if (convertible) next = convertString(value, script);
      else next = value.replace(markers, '');
      if (next !== value) changed = true;
      if (quote === undefined) return value === '' ? ` ${key}` : ` ${key}=${next}`;
      return quote === null ? ` ${key}=${next}` : ` ${key}=${quote}${next}${quote}`;
    });
    if (!changed) return null;
    const selfClosing = html.slice(parser.startIndex, parser.endIndex + 1).endsWith('/>') ? '/' : '';
    return `<${name}${parts.join('')}${selfClosing}>`;
  };

  parser.write(html);
  parser.end();
  flushRun();
  patches.sort((a, b) => a.start - b.start);
  let output = '';
  let cursor = 0;
  for (const patch of patches) {
    output += html.slice(cursor, patch.start) + patch.text;
    cursor = patch.end;
  }
  return output + html.slice(cursor);
}
