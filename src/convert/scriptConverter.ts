import * as dictionaries from './openccDictionaries.ts';
import { DictionaryGroup } from './dictionaryGroup.ts';
import type { SourceScript, VariantId } from './variants.ts';

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
  /** The changes conversion makes to `text`, in order and non-overlapping. */
  changes(text: string, overlay?: TermOverlay): Change[];
  /** `text` converted. Converting the result again changes nothing for OpenCC's own tables. */
  convert(text: string, overlay?: TermOverlay): string;
}

type Chain = ReadonlyArray<ReadonlyArray<keyof typeof dictionaries.data>>;

/**
 * The OpenCC chains zhpress uses, named after OpenCC's configurations. A chain is a list of dictionary
 * groups applied in turn; the first group's phrases also split the text into segments that later groups
 * do not match across (OpenCC's segmentation). A Traditional source keeps its script for `zh-hant`.
 */
const chains: Record<SourceScript, Record<VariantId, Chain>> = {
  hans: {
    'zh-hans': [],
    'zh-hant': [['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters']], // s2t
    'zh-tw': [['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'], ['TWPhrases', 'TWVariantsPhrases', 'TWVariants']], // s2twp
    'zh-hk': [['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'], ['HKVariantsPhrases', 'HKVariants']], // s2hk
  },
  hant: {
    'zh-hans': [['TSPhrases', 'TSCharacters']], // t2s
    'zh-hant': [],
    'zh-tw': [['TWPhrases'], ['TWVariantsPhrases', 'TWVariants']], // opencc-js t → twp
    'zh-hk': [['HKVariantsPhrases', 'HKVariants']], // t2hk
  },
};

// OpenCC normalises CJK compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) before converting.
const compatibility = /[\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F]/;

/** A stretch of converted text and the source span it came from. */
interface Piece {
  text: string;
  start: number;
  end: number;
  origin: ChangeOrigin | null;
}

/**
 * Creates the converter from a source script to a variant. Build it once per build and reuse it: compiling
 * the dictionaries takes a few hundred milliseconds, converting a page well under one.
 *
 * ###### Algorithm
 * Longest match, as OpenCC: at each position the longest key of the first group (and of the overlay, whose
 * equal-length keys win) is replaced. First-group phrases and overlay terms end a segment; each later group
 * converts the output of the one before, segment by segment, so its matches never cross a phrase boundary.
 * Every output stretch remembers its source span, so changes are reported against the source text.
 */
export function createScriptConverter(from: SourceScript, to: VariantId): ScriptConverter {
  const groups = chains[from][to].map(
    (names) => new DictionaryGroup(names.map((name) => ({ name, data: dictionaries.data[name] }))),
  );
  const normalisation = new DictionaryGroup([{ name: 'CJK_Compatibility_Ideographs', data: dictionaries.data.CJK_Compatibility_Ideographs }]);
  const [first, ...later] = groups;

  const changes = (source: string, overlay?: TermOverlay): Change[] => {
    const normalised = compatibility.test(source) ? normalise(source) : null;
    const text = normalised ? normalised.text : source;
    const segments = segment(text, overlay);
    const result: Change[] = [];
    for (let pieces of segments) {
      for (const group of later) if (pieces.length > 0 && pieces[0]!.origin !== 'glossary' && pieces[0]!.origin !== 'override') pieces = applyGroup(group, pieces);
      for (const piece of pieces) {
        if (piece.origin === null) continue;
        if (text.slice(piece.start, piece.end) === piece.text) continue;
        result.push({ start: piece.start, end: piece.end, replacement: piece.text, origin: piece.origin });
      }
    }
    if (!normalised) return result;
    return remapNormalised(source, normalised, result);
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
      } else if (entry >= 0 && first!.isPhrase[entry]) {
        closeRun(i);
        closeSegment();
        segments.push([{ text: first!.values[entry]!, start: i, end: i + entryLength, origin: 'phrase' }]);
        i += entryLength;
        runStart = i;
      } else if (entry >= 0) {
        closeRun(i);
        current.push({ text: first!.values[entry]!, start: i, end: i + entryLength, origin: 'character' });
        i += entryLength;
        runStart = i;
      } else {
        i += entryLength || 1;
      }
    }
    closeRun(end);
    closeSegment();
    return segments;
  };

  // A first-group phrase converts the same way wherever it stands: convert its tail once.
  const phraseTails = new Map<number, string>();
  const tail = (value: string) => {
    for (const group of later) value = convertWithGroup(group, value);
    return value;
  };

  /** Conversion without provenance: the same result as applying `changes`, several times faster. */
  const convert = (source: string, overlay?: TermOverlay): string => {
    const text = compatibility.test(source) ? normalise(source).text : source;
    if (!first) return overlay ? convertWithGroup(overlay.group, text) : text;
    const end = text.length;
    let output = '';
    let run = ''; // converted text of the current segment, not yet through the later groups
    let copied = 0; // text[copied..i) is unconverted and belongs to `run`
    const flush = (at: number) => {
      run += text.slice(copied, at);
      if (run !== '') output += later.length > 0 ? tail(run) : run;
      run = '';
    };
    let i = 0;
    while (i < end) {
      const pinned = overlay ? overlay.group.match(text, i, end) : -1;
      const pinnedLength = overlay ? overlay.group.matchLength : 0;
      const entry = first.match(text, i, end);
      const entryLength = first.matchLength;
      if (pinned >= 0 && (entry < 0 || pinnedLength >= entryLength)) {
        flush(i);
        output += overlay!.group.values[pinned]!;
        i += pinnedLength;
        copied = i;
      } else if (entry >= 0 && first.isPhrase[entry]) {
        flush(i);
        let converted = phraseTails.get(entry);
        if (converted === undefined) {
          converted = tail(first.values[entry]!);
          phraseTails.set(entry, converted);
        }
        output += converted;
        i += entryLength;
        copied = i;
      } else if (entry >= 0) {
        run += text.slice(copied, i) + first.values[entry]!;
        i += entryLength;
        copied = i;
      } else {
        i += entryLength;
      }
    }
    flush(end);
    return output;
  };

  return { from, to, changes, convert };

  function normalise(text: string) {
    // Compatibility ideographs map one code point to one, so offsets shift only with UTF-16 length.
    let out = '';
    const sourceIndex: number[] = [];
    let i = 0;
    while (i < text.length) {
      const entry = normalisation.match(text, i, text.length);
      const length = normalisation.matchLength;
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
}

/** Longest-match conversion of a whole string with one group. */
function convertWithGroup(group: DictionaryGroup, text: string): string {
  let output = '';
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const entry = group.match(text, i, text.length);
    const length = group.matchLength;
    if (entry >= 0) {
      output += text.slice(copied, i) + group.values[entry]!;
      copied = i + length;
    }
    i += length;
  }
  return copied === 0 ? text : output + text.slice(copied);
}

/**
 * Applies a later group to one segment. Its matches are found in the segment's current text; each match
 * becomes a piece spanning the source of every piece it touches (a phrase that changed length cannot be
 * split, so it is taken whole).
 */
function applyGroup(group: DictionaryGroup, pieces: Piece[]): Piece[] {
  const text = pieces.length === 1 ? pieces[0]!.text : pieces.map((p) => p.text).join('');
  const matches: Array<{ start: number; end: number; entry: number }> = [];
  for (let i = 0; i < text.length; ) {
    const entry = group.match(text, i, text.length);
    const length = group.matchLength;
    if (entry >= 0) matches.push({ start: i, end: i + length, entry });
    i += length;
  }
  if (matches.length === 0) return pieces;

  // Where each piece starts in `text`.
  const offsets: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    offsets.push(offset);
    offset += piece.text.length;
  }
  const aligned = (piece: Piece) => piece.text.length === piece.end - piece.start;
  const pieceAt = (position: number) => {
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (offsets[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
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
    const replacement = text.slice(start, match.start) + group.values[match.entry]! + text.slice(match.end, end);
    const sourceStart = aligned(pieces[firstIndex]!) ? sourceAt(start, firstIndex) : pieces[firstIndex]!.start;
    const sourceEnd = aligned(pieces[lastIndex]!) ? sourceAt(end, lastIndex) : pieces[lastIndex]!.end;
    const touched = pieces.slice(firstIndex, lastIndex + 1).map((p) => p.origin);
    const origin: ChangeOrigin = group.isPhrase[match.entry] || touched.includes('phrase') ? 'phrase' : 'character';
    result.push({ text: replacement, start: sourceStart, end: sourceEnd, origin });
    cursor = end;
  }
  copyUpTo(text.length);
  return result;
}
