import { Parser } from 'htmlparser2';
import { indexSpans } from './spanIndex.ts';
import { HANS_START, HANT_END, HANT_START, KEEP_END, KEEP_START } from '../shared/conversionMarkers.ts';
import type { SourceScript } from '../shared/variants.ts';

/** One replacement found by a converter: `text.slice(start, end)` becomes `replacement`. */
export interface Replacement {
  start: number;
  end: number;
  replacement: string;
}

/**
 * What `convertPage` needs from a converter: the replacements for a run of text written in `from`,
 * sorted and non-overlapping. Unchanged characters are not reported. `own` is true for the article's own
 * text (marked by `inScript` or inside an element with `data-zh-script`), false for the site's UI text.
 */
export type FindReplacements = ((text: string, from: SourceScript, own: boolean, quotesAsWritten?: boolean) => readonly Replacement[]) & {
  /** The same conversion as the text with every replacement applied, when it can be had faster. */
  convert?: (text: string, from: SourceScript, own: boolean, quotesAsWritten?: boolean) => string;
};

const markers = /[\uE000-\uE005]/g;
// Its own regex, since `markedSegments` steps through it with `exec` while `markers` serves `replace`.
const markerSearch = /[\uE000-\uE005]/g;
const stripMarkers = (text: string) => (/[\uE000-\uE005]/.test(text) ? text.replace(markers, '') : text);

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
/**
 * `data-zh-quotes="as-written"` on an element: the article's own text inside keeps its quotation marks (an
 * article whose frontmatter says `quoteMarks: as-written`, in lists). Removed from the output.
 */
const QUOTES_ATTRIBUTE = 'data-zh-quotes';

/** Set on `<html>` of a converted page, so converting it again changes nothing (OpenCC is not idempotent). */
export const CONVERTED_ATTRIBUTE = 'data-zh-converted';
const convertedPage = new RegExp(`<html\\b[^>]*\\s${CONVERTED_ATTRIBUTE}[\\s=/>]`, 'i');

/**
 * URL-looking text in prose (`https://例子.com/数据`, `www.example.com`): kept as written, since OpenCC would
 * convert Hanzi in a host or path. It runs to the first space, quote, bracket or CJK punctuation.
 */
const urlInText = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"'`()（）「」『』【】〈〉《》，。、；：！？…]+/giu;
/** What every match of `urlInText` contains: a cheap test that spares most text the full search. */
const mayHoldUrl = /:\/\/|www\./i;

interface Frame {
  name: string;
  verbatim: boolean;
  script: SourceScript;
  /** Inside an element that declares the article's script: the article's own text. */
  own: boolean;
  /** Inside an element with `data-zh-quotes="as-written"`. */
  quotesAsWritten: boolean;
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
 * every other attribute (URLs, ids, classes), and URL-looking text in prose (`https://例子.com/数据`,
 * `www.…`, up to the first space, quote, bracket or CJK punctuation). Entities are left as written:
 * converters only map CJK characters, and no table touches ASCII letters, digits or full-width Latin.
 *
 * ###### Converting twice
 * A converted page's `<html>` gets `data-zh-converted`, and a page carrying it is returned unchanged, so
 * converting twice changes nothing. (OpenCC itself is not idempotent, `万里 → 萬里 → 萬裏`, which is why zhpress
 * always converts from the source script.) A fragment without `<html>` has no such mark.
 */
export function convertPage(html: string, findReplacements: FindReplacements): string {
  if (convertedPage.test(html)) return html;
  // Changes to the page, applied in document order at the end (a run's text is only known after its inline tags).
  const patches: Array<{ start: number; end: number; text: string }> = [];
  const stack: Frame[] = [{ name: '#root', verbatim: false, script: 'hans', own: false, quotesAsWritten: false }];
  let run: TextPiece[] = [];
  let runScript: SourceScript = 'hans';
  let runOwn = false;
  let runQuotes = false;
  // Quotation marks as written for the text being converted: the run's, or the tag's whose attributes are converted.
  let quotesAsWritten = false;
  let keepDepth = 0; // inside KEEP_START … KEEP_END, which may span text nodes
  let hantDepth = 0; // inside HANT_START … HANT_END
  let hansDepth = 0; // inside HANS_START … HANS_END
  let pendingAttributes: Array<[string, string, string | null | undefined]> = [];

  // Where the page has markers (a few, in titles and credits): most text and tags have none, and need no search.
  const markerPositions = Array.from(html.matchAll(markerSearch), (found) => found.index);
  /** Whether a marker lies in `html[start, end)`. */
  const markersWithin = (start: number, end: number) => {
    let low = 0;
    let high = markerPositions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (markerPositions[middle]! < start) low = middle + 1;
      else high = middle;
    }
    return low < markerPositions.length && markerPositions[low]! < end;
  };

  const top = () => stack[stack.length - 1]!;

  const flushRun = () => {
    if (run.length === 0) return;
    const pieces = run;
    run = [];
    const texts = pieces.map((p) => html.slice(p.start, p.end));
    quotesAsWritten = runQuotes;
    const converted = convertRun(texts, runScript, runOwn, markersWithin(pieces[0]!.start, pieces[pieces.length - 1]!.end));
    pieces.forEach((piece, i) => {
      if (converted[i] !== texts[i]) patches.push({ start: piece.start, end: piece.end, text: converted[i]! });
    });
  };

  /**
   * Converts the texts of a run as one string and hands each text its share of the result.
   * `marked`: whether the texts may hold markers (false when it is known they hold none).
   */
  const convertRun = (texts: string[], from: SourceScript, own: boolean, marked: boolean): string[] => {
    const joined = texts.length === 1 ? texts[0]! : texts.join('');
    // The common case, a single text node without marker or URL: one stretch in the current marked script.
    if (texts.length === 1 && findReplacements.convert && !marked && !mayHoldUrl.test(joined)) {
      if (keepDepth > 0) return texts;
      return [findReplacements.convert(joined, markedScript(from), markedOwn(own), quotesAsWritten)];
    }
    const segments = markedSegments(joined, from, own);
    // Most runs are one text node (a paragraph without inline elements): convert it whole, without
    // provenance, which is several times faster than collecting changes.
    if (texts.length === 1 && findReplacements.convert) {
      let converted = '';
      for (const segment of segments) {
        const part = joined.slice(segment.start, segment.end);
        converted += segment.kept ? stripMarkers(part) : findReplacements.convert(part, segment.script, segment.own, quotesAsWritten);
      }
      return [converted];
    }
    // Where each text begins in `joined`, and which text a position of `joined` belongs to.
    const { starts, spanAt: ownerOf } = indexSpans(texts);
    const result = texts.map(() => '');
    let position = 0;
    /** Copies `joined[position..upTo)` unchanged (markers dropped) into the texts it belongs to. */
    const copy = (upTo: number) => {
      while (position < upTo) {
        const owner = ownerOf(position);
        const end = Math.min(upTo, starts[owner]! + texts[owner]!.length);
        result[owner] += stripMarkers(joined.slice(position, end));
        position = end;
      }
    };
    for (const segment of segments) {
      if (segment.kept) {
        copy(segment.end);
        continue;
      }
      const part = joined.slice(segment.start, segment.end);
      for (const r of findReplacements(part, segment.script, segment.own, quotesAsWritten)) {
        const start = segment.start + r.start;
        const end = segment.start + r.end;
        copy(start);
        const first = ownerOf(start);
        const last = ownerOf(end - 1);
        if (first === last) {
          result[first] += r.replacement;
        } else if (r.replacement.length === end - start) {
          for (let k = 0; k < r.replacement.length; k++) result[ownerOf(start + k)]! += r.replacement[k]!;
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
  const markedSegments = (text: string, from: SourceScript, ownRun: boolean) => {
    const segments: Array<{ start: number; end: number; kept: boolean; script: SourceScript; own: boolean }> = [];
    let start = 0;
    const push = (end: number) => {
      if (end <= start) return;
      const kept = keepDepth > 0;
      const script = markedScript(from);
      const own = markedOwn(ownRun);
      let at = start;
      if (!kept) {
        const stretch = end - start === text.length ? text : text.slice(start, end);
        if (mayHoldUrl.test(stretch)) {
          for (const url of stretch.matchAll(urlInText)) {
            const urlStart = start + url.index;
            if (urlStart > at) segments.push({ start: at, end: urlStart, kept, script, own });
            segments.push({ start: urlStart, end: urlStart + url[0].length, kept: true, script, own });
            at = urlStart + url[0].length;
          }
        }
      }
      if (end > at) segments.push({ start: at, end, kept, script, own });
    };
    // Most text has no marker: find them with a regex rather than looking at every character.
    markerSearch.lastIndex = 0;
    for (let found = markerSearch.exec(text); found !== null; found = markerSearch.exec(text)) {
      const i = found.index;
      const ch = text[i]!;
      push(i);
      if (ch === KEEP_START) keepDepth++;
      else if (ch === KEEP_END) keepDepth = Math.max(0, keepDepth - 1);
      else if (ch === HANT_START) hantDepth++;
      else if (ch === HANT_END) hantDepth = Math.max(0, hantDepth - 1);
      else if (ch === HANS_START) hansDepth++;
      else hansDepth = Math.max(0, hansDepth - 1);
      segments.push({ start: i, end: i + 1, kept: true, script: from, own: ownRun });
      start = i + 1;
    }
    push(text.length);
    return segments;
  };

  /** The script of text at the current marker depths, in a run written in `from`; and whether it is the article's own. */
  const markedScript = (from: SourceScript): SourceScript => (hantDepth > 0 ? 'hant' : hansDepth > 0 ? 'hans' : from);
  const markedOwn = (ownRun: boolean) => ownRun || hantDepth > 0 || hansDepth > 0;

  const convertString = (text: string, from: SourceScript, own: boolean, marked: boolean): string => {
    const saved = [keepDepth, hantDepth, hansDepth] as const;
    keepDepth = 0;
    hantDepth = 0;
    hansDepth = 0;
    const [converted] = convertRun([text], from, own, marked);
    [keepDepth, hantDepth, hansDepth] = saved;
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
        const own = parent.own || declared === 'hant' || declared === 'hans';
        const script: SourceScript = declared === 'hant' || declared === 'hans' ? declared : parent.script;
        const quotes = parent.quotesAsWritten || get(QUOTES_ATTRIBUTE) === 'as-written';
        if (!inlineElements.has(name) || verbatim || script !== runScript || own !== runOwn || quotes !== runQuotes) flushRun();
        stack.push({ name, verbatim, script, own, quotesAsWritten: quotes });
        quotesAsWritten = quotes;
        if (name === 'html' && !attributes.some(([key]) => key === CONVERTED_ATTRIBUTE)) attributes.push([CONVERTED_ATTRIBUTE, '', undefined]);
        const rewritten = rewriteTag(name, attributes, verbatim ? null : script, own);
        if (rewritten !== null) patches.push({ start: parser.startIndex, end: parser.endIndex + 1, text: rewritten });
      },
      ontext() {
        const frame = top();
        if (frame.verbatim) return;
        if (run.length === 0) {
          runScript = frame.script;
          runOwn = frame.own;
          runQuotes = frame.quotesAsWritten;
        }
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
    own: boolean,
  ): string | null => {
    const metaName = name === 'meta' ? (attributes.find(([k]) => k === 'name' || k === 'property')?.[1] ?? '') : '';
    const marked = markersWithin(parser.startIndex, parser.endIndex + 1);
    // New values first: most tags change nothing, and are then copied without building any string.
    let changed = false;
    const values = attributes.map(([key, value]) => {
      if (key === SCRIPT_ATTRIBUTE || key === QUOTES_ATTRIBUTE || key === CONVERTED_ATTRIBUTE) changed = true;
      if (key === SCRIPT_ATTRIBUTE || key === QUOTES_ATTRIBUTE) return value;
      const convertible = script !== null && (textAttributes.has(key) || (key === 'content' && textMetaNames.has(metaName)));
      const next = convertible ? convertString(value, script, own, marked) : marked ? stripMarkers(value) : value;
      if (next !== value) changed = true;
      return next;
    });
    if (!changed) return null;
    const parts = attributes.map(([key, value, quote], k) => {
      if (key === SCRIPT_ATTRIBUTE || key === QUOTES_ATTRIBUTE) return '';
      const next = values[k]!;
      if (quote === undefined) return value === '' ? ` ${key}` : ` ${key}=${next}`;
      return quote === null ? ` ${key}=${next}` : ` ${key}=${quote}${next}${quote}`;
    });
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
