import * as dictionaries from './openccDictionaries.ts';
import { DictionaryGroup } from './dictionaryGroup.ts';
import { indexSpans } from './spanIndex.ts';
import type { SourceScript, VariantId } from '../shared/variants.ts';

/** Where a change came from: the site glossary, the article's overrides, or an OpenCC phrase or character table. */
export type ChangeOrigin = 'glossary' | 'override' | 'phrase' | 'character';

/** One change conversion makes: `text.slice(start, end)` (the source) becomes `replacement`. */
export interface Change {
  start: number;
  end: number;
  replacement: string;
  origin: ChangeOrigin;
}

/** Terms pinned for one conversion (source-script term → exact text), searched together with OpenCC's dictionaries. */
export interface TermOverlay {
  readonly group: DictionaryGroup;
  readonly origins: readonly ChangeOrigin[];
}

/** Builds an overlay from glossary entries and article overrides; overrides win over the glossary. */
export function createTermOverlay(glossary: ReadonlyMap<string, string>, overrides: ReadonlyMap<string, string> = new Map()): TermOverlay {
  const group = new DictionaryGroup([]);
  const origins: ChangeOrigin[] = [];
  for (const [term, text] of glossary) {
    group.add(term, text, 'glossary');
    origins.push('glossary');
  }
  for (const [term, text] of overrides) {
    group.add(term, text, 'override');
    origins.push('override');
  }
  return { group, origins };
}

export interface ScriptConverter {
  readonly from: SourceScript;
  readonly to: VariantId;
  /**
   * The changes conversion makes to `text`, in order and non-overlapping. Glossary and override hits are
   * always reported, even where their text equals the source; with `everyMatch`, so is every dictionary
   * match (reports use it to tell which characters a phrase covered).
   */
  changes(text: string, overlay?: TermOverlay, everyMatch?: boolean): Change[];
  /** `text` converted: the same result as applying `changes`, several times faster. */
  convert(text: string, overlay?: TermOverlay): string;
  /** The OpenCC dictionary groups of the chain, in order (for reports). */
  readonly groups: readonly DictionaryGroup[];
}

type DictionaryName = keyof typeof dictionaries.data;

interface Chain {
  /** Dictionary groups applied in turn. */
  groups: ReadonlyArray<readonly DictionaryName[]>;
  /**
   * Whether the first group's phrases split the text into segments that later groups do not match across
   * (OpenCC's segmentation: its segmentation dictionaries are exactly the first group's phrase tables).
   */
  segmented: boolean;
  /** Whether CJK compatibility ideographs are normalised first. */
  normalised: boolean;
}

const ST: readonly DictionaryName[] = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'];
const none: Chain = { groups: [], segmented: false, normalised: false };

/**
 * The OpenCC chains zhpress uses: exactly what opencc-js 1.4.2 `Converter({ from, to })` runs for the
 * locale pair in the comment (its `configs` where one exists, else its plain `ConverterFactory`).
 * A Traditional source keeps its script for `zh-hant`.
 */
const chains: Record<SourceScript, Record<VariantId, Chain>> = {
  hans: {
    'zh-hans': none,
    'zh-hant': { groups: [ST], segmented: false, normalised: true }, // cn → t (s2t)
    'zh-tw': { groups: [ST, ['TWPhrases', 'TWVariantsPhrases', 'TWVariants']], segmented: true, normalised: true }, // cn → twp (s2twp)
    'zh-hk': { groups: [ST, ['HKVariantsPhrases', 'HKVariants']], segmented: true, normalised: true }, // cn → hk (s2hk)
  },
  hant: {
    'zh-hans': { groups: [['TSPhrases', 'TSCharacters']], segmented: false, normalised: true }, // t → cn (t2s)
    'zh-hant': none,
    'zh-tw': { groups: [['TWPhrases'], ['TWVariantsPhrases', 'TWVariants']], segmented: false, normalised: false }, // t → twp (no config: ConverterFactory)
    'zh-hk': { groups: [['HKVariantsPhrases', 'HKVariants']], segmented: false, normalised: true }, // t → hk (t2hk)
  },
};

// Compiled groups are shared by every converter that uses the same dictionaries (cn → t, twp and hk share stage one).
const compiledGroups = new Map<string, DictionaryGroup>();
function compiledGroup(names: readonly DictionaryName[]): DictionaryGroup {
  const key = names.join('+');
  let group = compiledGroups.get(key);
  if (!group) {
    group = new DictionaryGroup(names.map((name) => ({ name, data: dictionaries.data[name] })));
    group.prepare(); // compile now, not during the first page
    compiledGroups.set(key, group);
  }
  return group;
}

// OpenCC normalises CJK compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) before converting.
const compatibility = /[\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F]/;

/** A stretch of converted text and the source span it came from. */
interface Piece {
  text: string;
  start: number;
  end: number;
  origin: ChangeOrigin | null;
}

const pinnedOrigin = (origin: ChangeOrigin | null) => origin === 'glossary' || origin === 'override';

/**
 * Creates the converter from a source script to a variant. Build it once per build and reuse it: compiling
 * the dictionaries takes a few hundred milliseconds, converting a page about a millisecond.
 *
 * ###### Algorithm
 * Longest match, as OpenCC: at each position the longest key of the first group, or of the overlay if its
 * key is at least as long, is replaced. In segmented chains, first-group phrases end a segment; each later
 * group converts the output of the one before, segment by segment, so its matches never cross a phrase
 * boundary. Overlay terms are segments of their own that later groups leave alone.
 *
 * One refinement: a later group's hit whose source is exactly an overlay term takes the overlay's text. This
 * lets the glossary pin `发布` inside the longer first-group phrase `新闻发布会`, which the regional table
 * would otherwise turn into `新聞釋出會`, without the editor listing every longer phrase.
 *
 * ###### Notes
 * Without an overlay the output is byte-identical to opencc-js `Converter` (tested), including its skipping
 * of ideographic description sequences (`⿰氵发` keeps its `发`). OpenCC is not idempotent on its own output
 * (`万里 → 萬里 → 萬裏`): always convert from the source script, never twice.
 */
export function createScriptConverter(from: SourceScript, to: VariantId): ScriptConverter {
  const chain = chains[from][to];
  const groups = chain.groups.map(compiledGroup);
  const normalisation = compiledGroup(['CJK_Compatibility_Ideographs']);
  const [first, ...later] = groups;
  const { segmented } = chain;

  const normalise = (text: string) => (chain.normalised && compatibility.test(text) ? normaliseText(normalisation, text) : null);

  // Code units at which a key of some group of the chain starts. Text holding none of them, nor the start
  // of an overlay term, converts to itself: a good part of a page's text (numbers, Latin, punctuation).
  const keyStarts = new Uint8Array(65536);
  for (const group of groups) for (let unit = 0; unit < 65536; unit++) if (group.startsWith(unit)) keyStarts[unit] = 1;
  const unchanged = (text: string, overlay?: TermOverlay): boolean => {
    const pins = overlay && overlay.group.size > 0 ? overlay.group : undefined;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (keyStarts[unit] === 1 || (pins !== undefined && pins.startsWith(unit))) return false;
    }
    return true;
  };

  // ---- changes: pieces with provenance ------------------------------------------------------------

  const changes = (source: string, overlay?: TermOverlay, everyMatch = false): Change[] => {
    const normalised = normalise(source);
    const text = normalised ? normalised.text : source;
    if (!normalised && unchanged(text, overlay)) return [];
    const result: Change[] = [];
    for (let pieces of segment(text, overlay)) {
      for (const group of later) pieces = applyGroup(group, pieces, text, overlay);
      for (const piece of pieces) {
        if (piece.origin === null) continue;
        if (!everyMatch && !pinnedOrigin(piece.origin) && text.slice(piece.start, piece.end) === piece.text) continue;
        result.push({ start: piece.start, end: piece.end, replacement: piece.text, origin: piece.origin });
      }
    }
    return normalised ? remapNormalised(source, normalised, result) : result;
  };

  /** First group and overlay: the segments of the text, each a list of pieces covering it. */
  const segment = (text: string, overlay?: TermOverlay): Piece[][] => {
    const segments: Piece[][] = [];
    let current: Piece[] = [];
    let runStart = 0;
    const closeRun = (at: number) => {
      if (runStart < at) current.push({ text: text.slice(runStart, at), start: runStart, end: at, origin: null });
    };
    const closeSegment = () => {
      if (current.length > 0) segments.push(current);
      current = [];
    };
    const end = text.length;
    let i = 0;
    while (i < end) {
      const pinned = overlay ? overlay.group.match(text, i, end) : -1;
      const pinnedLength = overlay ? overlay.group.matchLength : 0;
      const entry = first ? first.match(text, i, end) : -1;
      const entryLength = first ? first.matchLength : 1;
      if (pinned >= 0 && (entry < 0 || pinnedLength >= entryLength)) {
        closeRun(i);
        closeSegment();
        segments.push([{ text: overlay!.group.values[pinned]!, start: i, end: i + pinnedLength, origin: overlay!.origins[pinned]! }]);
        i += pinnedLength;
        runStart = i;
      } else if (entry >= 0) {
        const phrase = first!.isPhrase[entry]!;
        closeRun(i);
        if (phrase && segmented) closeSegment();
        current.push({ text: first!.values[entry]!, start: i, end: i + entryLength, origin: phrase ? 'phrase' : 'character' });
        if (phrase && segmented) closeSegment();
        i += entryLength;
        runStart = i;
      } else {
        i += unmatchedLength(text, i, end);
      }
    }
    closeRun(end);
    closeSegment();
    return segments;
  };

  // ---- convert: the same result through typed buffers -----------------------------------------------

  let bufferA = new Uint16Array(1024);
  let bufferB = new Uint16Array(1024);
  let ends = new Int32Array(256);
  let finals = new Uint8Array(256);
  let segmentCount = 0;
  const pushSegment = (at: number, final: number) => {
    if (segmentCount === ends.length) {
      const grownEnds = new Int32Array(ends.length * 2);
      grownEnds.set(ends);
      ends = grownEnds;
      const grownFinals = new Uint8Array(finals.length * 2);
      grownFinals.set(finals);
      finals = grownFinals;
    }
    ends[segmentCount] = at;
    finals[segmentCount++] = final;
  };
  // A first-group phrase whose source contains an overlay term, converted with the overlay (per overlay).
  const pinnedTails = new WeakMap<TermOverlay, Map<number, string>>();

  const convert = (source: string, overlay?: TermOverlay): string => {
    const normalised = normalise(source);
    const text = normalised ? normalised.text : source;
    // An empty overlay (the glossary pins nothing for this conversion) converts as none, on the fast path.
    const terms = overlay && overlay.group.size > 0 ? overlay : undefined;
    if (unchanged(text, terms)) return text;
    if (!first) return terms ? convertWithGroup(terms.group, text) : text;
    // A later group cannot see a phrase boundary of an unsegmented chain: let `changes` place the overlay.
    if (terms && later.length > 0 && !segmented) return applyChanges(text, changes(text, terms));
    const pins = terms?.group;
    const n = text.length;
    const growth = Math.max(first.maxGrowth, pins ? pins.prepare().maxGrowth : 1);
    let capacity = Math.ceil(n * growth) + 16;
    if (bufferA.length < capacity) bufferA = new Uint16Array(capacity);
    let out = bufferA;
    let o = 0;
    segmentCount = 0;
    // `out` and `o` are not touched by any closure, so they stay in registers in the loop below.
    const { pool, valueStart, valueLength, isPhrase } = first;
    let i = 0;
    while (i < n) {
      const unit = text.charCodeAt(i);
      let pinned = -1;
      let pinnedLength = 0;
      if (pins !== undefined && pins.startsWith(unit)) {
        pinned = pins.match(text, i, n);
        pinnedLength = pins.matchLength;
      }
      const entry = first.match(text, i, n);
      const length = first.matchLength;
      if (pinned >= 0 && (entry < 0 || pinnedLength >= length)) {
        if (segmentCount === 0 ? o > 0 : ends[segmentCount - 1] !== o) pushSegment(o, 0);
        const value = pins!.values[pinned]!;
        if (o + value.length > out.length) out = grown(out, o, value.length + n);
        for (let k = 0; k < value.length; k++) out[o++] = value.charCodeAt(k);
        pushSegment(o, 1);
        i += pinnedLength;
      } else if (entry >= 0) {
        const phrase = isPhrase[entry]!;
        if (phrase && pins !== undefined && later.length > 0 && containsPin(pins, text, i, i + length)) {
          let tails = pinnedTails.get(terms!);
          if (!tails) pinnedTails.set(terms!, (tails = new Map()));
          let tail = tails.get(entry);
          if (tail === undefined) {
            const key = text.slice(i, i + length);
            let pieces: Piece[] = [{ text: first.values[entry]!, start: 0, end: length, origin: 'phrase' }];
            for (const group of later) pieces = applyGroup(group, pieces, key, terms);
            tails.set(entry, (tail = pieces.map((p) => p.text).join('')));
          }
          if (segmentCount === 0 ? o > 0 : ends[segmentCount - 1] !== o) pushSegment(o, 0);
          if (o + tail.length > out.length) out = grown(out, o, tail.length + n);
          for (let k = 0; k < tail.length; k++) out[o++] = tail.charCodeAt(k);
          pushSegment(o, 1);
        } else {
          const isSegment = phrase && segmented;
          if (isSegment && (segmentCount === 0 ? o > 0 : ends[segmentCount - 1] !== o)) pushSegment(o, 0);
          const valueLengthOf = valueLength[entry]!;
          if (o + valueLengthOf > out.length) out = grown(out, o, valueLengthOf + n);
          for (let k = valueStart[entry]!, last = k + valueLengthOf; k < last; k++) out[o++] = pool[k]!;
          if (isSegment) pushSegment(o, 0);
        }
        i += length;
      } else if (unit >= 0x2ff0 && unit <= 0x2fff) {
        const skip = unmatchedLength(text, i, n);
        if (o + skip > out.length) out = grown(out, o, skip + n);
        for (let k = 0; k < skip; k++) out[o++] = text.charCodeAt(i + k);
        i += skip;
      } else {
        if (o >= out.length) out = grown(out, o, 1 + n);
        out[o++] = unit;
        i++;
      }
    }
    if (segmentCount === 0 || ends[segmentCount - 1] !== o) pushSegment(o, 0);
    bufferA = out;

    let input = out;
    let m = o;
    for (const group of later) {
      capacity = Math.ceil(m * group.maxGrowth) + 16;
      if (bufferB.length < capacity) bufferB = new Uint16Array(capacity);
      const output = bufferB;
      const gPool = group.pool;
      const gStart = group.valueStart;
      const gLength = group.valueLength;
      let p = 0;
      let j = 0;
      for (let s = 0; s < segmentCount; s++) {
        const end = ends[s]!;
        if (finals[s] === 1) {
          while (j < end) output[p++] = input[j++]!;
        } else {
          while (j < end) {
            const entry = group.matchUnits(input, j, end);
            if (entry >= 0) {
              for (let k = gStart[entry]!, last = k + gLength[entry]!; k < last; k++) output[p++] = gPool[k]!;
              j += group.matchLength;
            } else {
              const unit = input[j]!;
              if (unit >= 0x2ff0 && unit <= 0x2fff) {
                const skip = unmatchedUnits(input, j, end);
                for (let k = 0; k < skip; k++) output[p++] = input[j++]!;
              } else {
                output[p++] = unit;
                j++;
              }
            }
          }
        }
        ends[s] = p;
      }
      // Swap buffers: this stage's output is the next stage's input.
      bufferB = input;
      bufferA = output;
      input = output;
      m = p;
    }
    return decode(input, m);
  };

  return { from, to, changes, convert, groups };
}

/** A copy of `buffer[0, used)` with room for at least `extra` more units. */
function grown(buffer: Uint16Array<ArrayBuffer>, used: number, extra: number): Uint16Array<ArrayBuffer> {
  const bigger = new Uint16Array(Math.max(buffer.length * 2, used + extra));
  bigger.set(buffer.subarray(0, used));
  return bigger;
}

/** Whether some overlay term lies inside `text[start, end)`. */
function containsPin(pins: DictionaryGroup, text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    if (pins.startsWith(text.charCodeAt(k)) && pins.match(text, k, end) >= 0) return true;
  }
  return false;
}

/** The string of `units[0, length)`. Spreading units into `fromCharCode` only pays for a few; Buffer copes with lone surrogates alike. */
function decode(units: Uint16Array, length: number): string {
  if (length <= 16) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
}

/** `text` with `changes` applied (sorted, non-overlapping). */
export function applyChanges(text: string, changes: readonly Change[]): string {
  let output = '';
  let cursor = 0;
  for (const change of changes) {
    output += text.slice(cursor, change.start) + change.replacement;
    cursor = change.end;
  }
  return output + text.slice(cursor);
}

// ---- OpenCC's unmatched units: a code point, or a whole ideographic description sequence ----------------

function idsArity(unit: number): number {
  if (unit === 0x2ff2 || unit === 0x2ff3) return 3;
  return unit >= 0x2ff0 && unit <= 0x2fff ? 2 : 0;
}

function codePointAt(text: string, i: number, end: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

function idsEnd(text: string, i: number, end: number): number {
  const arity = idsArity(text.charCodeAt(i));
  if (arity === 0) return 0;
  let at = i + 1;
  for (let k = 0; k < arity; k++) {
    if (at >= end) return 0;
    const child = idsEnd(text, at, end);
    at = child || at + codePointAt(text, at, end);
  }
  return at;
}

/** How far OpenCC skips at an unmatched position: an ideographic description sequence whole (`⿰氵发`), else one code point. */
export function unmatchedLength(text: string, i: number, end: number): number {
  const ids = idsEnd(text, i, end);
  return ids > i ? ids - i : codePointAt(text, i, end);
}

function unmatchedUnits(units: Uint16Array, i: number, end: number): number {
  // Rare (only at U+2FF0–2FFF): decode the stretch and reuse the string version.
  const stretch = String.fromCharCode.apply(null, units.subarray(i, Math.min(end, i + 64)) as unknown as number[]);
  return unmatchedLength(stretch, 0, stretch.length);
}

/** Longest-match conversion of a whole string with one group. */
function convertWithGroup(group: DictionaryGroup, text: string): string {
  let output = '';
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const entry = group.match(text, i, text.length);
    if (entry >= 0) {
      output += text.slice(copied, i) + group.values[entry]!;
      i += group.matchLength;
      copied = i;
    } else {
      i += unmatchedLength(text, i, text.length);
    }
  }
  return copied === 0 ? text : output + text.slice(copied);
}

/**
 * Applies a later group to one segment. Its matches are found in the segment's current text; each match
 * becomes a piece spanning the source of every piece it touches (a phrase that changed length cannot be
 * split, so it is taken whole). Pinned pieces (glossary, overrides) split the segment and stay as they are.
 * A match whose source is exactly an overlay term takes the overlay's text instead.
 */
function applyGroup(group: DictionaryGroup, pieces: Piece[], source: string, overlay: TermOverlay | undefined): Piece[] {
  if (pieces.some((p) => pinnedOrigin(p.origin))) {
    const result: Piece[] = [];
    let run: Piece[] = [];
    for (const piece of pieces) {
      if (pinnedOrigin(piece.origin)) {
        if (run.length > 0) result.push(...applyGroup(group, run, source, overlay));
        result.push(piece);
        run = [];
      } else run.push(piece);
    }
    if (run.length > 0) result.push(...applyGroup(group, run, source, overlay));
    return result;
  }
  const text = pieces.length === 1 ? pieces[0]!.text : pieces.map((p) => p.text).join('');
  const matches: Array<{ start: number; end: number; entry: number }> = [];
  for (let i = 0; i < text.length; ) {
    const entry = group.match(text, i, text.length);
    if (entry >= 0) {
      matches.push({ start: i, end: i + group.matchLength, entry });
      i += group.matchLength;
    } else {
      i += unmatchedLength(text, i, text.length);
    }
  }
  if (matches.length === 0) return pieces;

  // Where each piece starts in `text`, and which piece a position of `text` belongs to.
  const { starts: offsets, spanAt: pieceAt } = indexSpans(pieces.map((piece) => piece.text));
  const aligned = (piece: Piece) => piece.text.length === piece.end - piece.start;
  /** The source offset of a position of `text`, where that position can be split off (aligned pieces). */
  const sourceAt = (position: number, index: number) => pieces[index]!.start + (position - offsets[index]!);

  const result: Piece[] = [];
  let cursor = 0; // position in `text` up to which result covers
  const copyUpTo = (position: number) => {
    while (cursor < position) {
      const index = pieceAt(cursor);
      const piece = pieces[index]!;
      const pieceEnd = offsets[index]! + piece.text.length;
      const stop = Math.min(position, pieceEnd);
      if (cursor === offsets[index] && stop === pieceEnd) result.push(piece);
      else result.push({ text: text.slice(cursor, stop), start: sourceAt(cursor, index), end: sourceAt(stop, index), origin: piece.origin });
      cursor = stop;
    }
  };
  for (const match of matches) {
    let start = match.start;
    let end = match.end;
    // Widen to whole pieces where a touched piece cannot be split.
    const firstIndex = pieceAt(start);
    const lastIndex = pieceAt(end - 1);
    if (!aligned(pieces[firstIndex]!)) start = Math.max(offsets[firstIndex]!, cursor);
    if (!aligned(pieces[lastIndex]!)) end = offsets[lastIndex]! + pieces[lastIndex]!.text.length;
    if (start < cursor) continue; // already consumed by a widened match
    copyUpTo(start);
    const sourceStart = aligned(pieces[firstIndex]!) ? sourceAt(start, firstIndex) : pieces[firstIndex]!.start;
    const sourceEnd = aligned(pieces[lastIndex]!) ? sourceAt(end, lastIndex) : pieces[lastIndex]!.end;
    const pinned = overlay ? overlay.group.lookup(source.slice(sourceStart, sourceEnd)) : -1;
    if (pinned >= 0) {
      result.push({ text: overlay!.group.values[pinned]!, start: sourceStart, end: sourceEnd, origin: overlay!.origins[pinned]! });
    } else {
      const replacement = text.slice(start, match.start) + group.values[match.entry]! + text.slice(match.end, end);
      const touched = pieces.slice(firstIndex, lastIndex + 1).map((p) => p.origin);
      const origin: ChangeOrigin = group.isPhrase[match.entry] || touched.includes('phrase') ? 'phrase' : 'character';
      result.push({ text: replacement, start: sourceStart, end: sourceEnd, origin });
    }
    cursor = end;
  }
  copyUpTo(text.length);
  return result;
}

function normaliseText(normalisation: DictionaryGroup, text: string) {
  // Compatibility ideographs map one code point to one, so offsets shift only with UTF-16 length.
  let out = '';
  const sourceIndex: number[] = [];
  let i = 0;
  while (i < text.length) {
    const entry = normalisation.match(text, i, text.length);
    const length = entry >= 0 ? normalisation.matchLength : unmatchedLength(text, i, text.length);
    const piece = entry >= 0 ? normalisation.values[entry]! : text.slice(i, i + length);
    for (let k = 0; k < piece.length; k++) sourceIndex.push(i);
    out += piece;
    i += length;
  }
  sourceIndex.push(text.length);
  return { text: out, sourceIndex };
}

function remapNormalised(source: string, normalised: { text: string; sourceIndex: number[] }, changesOnNormalised: Change[]): Change[] {
  // Every normalised character is itself a change; merge it with the converter's changes.
  const mapped: Change[] = [];
  let cursor = 0;
  const pushNormalisation = (upTo: number) => {
    for (let k = cursor; k < upTo; ) {
      const start = normalised.sourceIndex[k]!;
      let next = k + 1;
      while (next < upTo && normalised.sourceIndex[next] === start) next++;
      const end = normalised.sourceIndex[next] ?? source.length;
      const piece = normalised.text.slice(k, next);
      if (source.slice(start, end) !== piece) mapped.push({ start, end, replacement: piece, origin: 'character' });
      k = next;
    }
    cursor = upTo;
  };
  for (const change of changesOnNormalised) {
    pushNormalisation(change.start);
    mapped.push({ ...change, start: normalised.sourceIndex[change.start]!, end: normalised.sourceIndex[change.end]! });
    cursor = change.end;
  }
  pushNormalisation(normalised.text.length);
  return mapped;
}
