/**
 * One step of an OpenCC conversion chain: several dictionaries searched together, longest key first.
 *
 * Dictionaries come from opencc-js as strings `"key value|key value|…"`. When two dictionaries of a group
 * have the same key the earlier one wins, as in opencc-js. Lookup is by string slices in a Map, with a
 * per-code-unit bit mask of the key lengths that start with it, so most positions cost one array read.
 */
export class DictionaryGroup {
  /** Replacement of each entry. */
  readonly values: string[] = [];
  /** Whether each entry's key is longer than one character (a phrase, not a character mapping). */
  readonly isPhrase: boolean[] = [];
  /** Name of the dictionary each entry came from, for reports. */
  readonly sources: string[] = [];
  private readonly singleBmp = new Int32Array(65536).fill(-1);
  private readonly singleAstral = new Map<number, number>();
  private readonly lengthMask = new Uint32Array(65536);
  private readonly phrases = new Map<string, number>();
  /** Length in UTF-16 units of the last match (set by `match`, including misses: the length to skip). */
  matchLength = 1;

  constructor(dictionaries: ReadonlyArray<{ name: string; data: string }>) {
    // Later dictionaries first, so an earlier dictionary's entry overwrites an identical key.
    for (let d = dictionaries.length - 1; d >= 0; d--) {
      const { name, data } = dictionaries[d]!;
      if (data === '') continue;
      for (const entry of data.split('|')) {
        const space = entry.indexOf(' ');
        if (space <= 0) continue;
        this.add(entry.slice(0, space), entry.slice(space + 1), name);
      }
    }
  }

  /** Adds or replaces an entry (used for glossaries layered over OpenCC's dictionaries). */
  add(key: string, value: string, source: string): void {
    const index = this.values.length;
    this.values.push(value);
    this.sources.push(source);
    const codePoint = key.codePointAt(0)!;
    const single = key.length === (codePoint > 0xffff ? 2 : 1);
    this.isPhrase.push(!single);
    if (single) {
      if (codePoint > 0xffff) this.singleAstral.set(codePoint, index);
      else this.singleBmp[codePoint] = index;
      return;
    }
    if (key.length > 31) throw new Error(`Dictionary key "${key}" is longer than 31 UTF-16 units.`);
    this.lengthMask[key.charCodeAt(0)]! |= 1 << key.length;
    this.phrases.set(key, index);
  }

  get size(): number {
    return this.values.length;
  }

  /**
   * The entry of the longest key starting at `text[i]` (not reaching past `end`), or -1.
   * Sets `matchLength` to the key's length, or on a miss to the length of the character at `i`.
   */
  match(text: string, i: number, end: number): number {
    const unit = text.charCodeAt(i);
    let mask = this.lengthMask[unit]!;
    while (mask !== 0) {
      const length = 31 - Math.clz32(mask);
      if (i + length <= end) {
        const entry = this.phrases.get(text.slice(i, i + length));
        if (entry !== undefined) {
          this.matchLength = length;
          return entry;
        }
      }
      mask ^= 1 << length;
    }
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.matchLength = 2;
        return this.singleAstral.get(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000) ?? -1;
      }
    }
    this.matchLength = 1;
    return this.singleBmp[unit]!;
  }

  /** Whether some phrase key starts at `text[i]` and ends after `after` (for ambiguity reports). */
  phraseCrosses(text: string, i: number, after: number, end: number): string | null {
    let mask = this.lengthMask[text.charCodeAt(i)]!;
    while (mask !== 0) {
      const length = 31 - Math.clz32(mask);
      if (i + length > after && i + length <= end && this.phrases.has(text.slice(i, i + length))) {
        return text.slice(i, i + length);
      }
      mask ^= 1 << length;
    }
    return null;
  }
}
