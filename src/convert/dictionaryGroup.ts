/**
 * One step of an OpenCC conversion chain: several dictionaries searched together, longest key first.
 *
 * Dictionaries come from opencc-js as strings `"key value|key value|…"`. When two dictionaries of a group
 * have the same key the earlier one wins, as in opencc-js; `add` replaces an existing key.
 *
 * ###### Algorithm
 * The keys are compiled into a trie over UTF-16 code units stored in flat typed arrays (a node's children
 * are a sorted slice of `labels`/`kids`, searched linearly when short and by bisection otherwise). Every
 * key is a whole code-point string, so matching code units gives the same result as opencc-js matching
 * code points. The trie is compiled on first use and again after `add`, so overlays (the glossary, a few
 * dozen terms) are cheap to build and OpenCC's groups are compiled once.
 */
export class DictionaryGroup {
  /** Replacement of each entry. */
  readonly values: string[] = [];
  /** Whether each entry's key is longer than one character (a phrase, not a character mapping). */
  readonly isPhrase: boolean[] = [];
  /** Name of the dictionary each entry came from, for reports. */
  readonly sources: string[] = [];
  /** Key of each entry. */
  readonly keys: string[] = [];
  /** Length in UTF-16 units of the last match (set by `match`, including misses: the length to skip). */
  matchLength = 1;

  /** Live entry per key (`add` may replace one). */
  private readonly index = new Map<string, number>();
  private compiled = false;
  // The trie. Node 0 means "none"; root[unit] is the node reached by a key's first code unit.
  private root = new Int32Array(65536);
  private first = new Int32Array(1);
  private count = new Int32Array(1);
  private entry = new Int32Array(1).fill(-1);
  private labels = new Uint16Array(0);
  private kids = new Int32Array(0);
  /** Replacement values as code units, for converters writing into a buffer. */
  pool = new Uint16Array(0);
  valueStart = new Int32Array(0);
  valueLength = new Int32Array(0);
  /** Longest key, in UTF-16 units. */
  maxKeyLength = 0;
  /** Largest ratio of a value's length to its key's length: bounds an output buffer. */
  maxGrowth = 1;

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
    if (key === '') throw new Error('Dictionary keys must not be empty.');
    const codePoint = key.codePointAt(0)!;
    this.index.set(key, this.values.length);
    this.values.push(value);
    this.sources.push(source);
    this.keys.push(key);
    this.isPhrase.push(key.length !== (codePoint > 0xffff ? 2 : 1));
    this.compiled = false;
  }

  /** Number of live entries. */
  get size(): number {
    return this.index.size;
  }

  /** The entry of exactly `key`, or -1. */
  lookup(key: string): number {
    return this.index.get(key) ?? -1;
  }

  /**
   * The entry of the longest key starting at `text[i]` (not reaching past `end`), or -1.
   * Sets `matchLength` to the key's length, or on a miss to the length of the code point at `i`.
   */
  match(text: string, i: number, end: number): number {
    if (!this.compiled) this.compile();
    let node = this.root[text.charCodeAt(i)]! | 0; // 0 past the end (NaN index)
    let best = -1;
    let bestLength = 0;
    let j = i + 1;
    const { entry } = this;
    while (node !== 0) {
      const e = entry[node]!;
      if (e >= 0) {
        best = e;
        bestLength = j - i;
      }
      if (j >= end) break;
      const unit = text.charCodeAt(j);
      node = this.child(node, unit);
      j++;
    }
    if (best >= 0) {
      this.matchLength = bestLength;
      return best;
    }
    this.matchLength = codePointLength(text, i, end);
    return -1;
  }

  /** The trie node under `node` labelled `unit`, or 0: a linear scan for few children, else a binary search. */
  private child(node: number, unit: number): number {
    const { first, count, labels, kids } = this;
    let low = first[node]!;
    let high = low + count[node]!;
    if (high - low <= 8) {
      for (; low < high; low++) if (labels[low] === unit) return kids[low]!;
      return 0;
    }
    high--;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const label = labels[middle]!;
      if (label === unit) return kids[middle]!;
      if (label < unit) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }

  /** `match` over code units in a buffer (the later stages of a chain read the earlier stage's output). */
  matchUnits(units: Uint16Array, i: number, end: number): number {
    if (!this.compiled) this.compile();
    let node = this.root[units[i]!]!;
    let best = -1;
    let bestLength = 0;
    let j = i + 1;
    const { entry } = this;
    while (node !== 0) {
      const e = entry[node]!;
      if (e >= 0) {
        best = e;
        bestLength = j - i;
      }
      if (j >= end) break;
      const unit = units[j]!;
      node = this.child(node, unit);
      j++;
    }
    this.matchLength = best >= 0 ? bestLength : 1;
    return best;
  }

  /** Compiles the trie now (it is otherwise compiled on first use), so `pool` and the bounds are current. */
  prepare(): this {
    if (!this.compiled) this.compile();
    return this;
  }

  /** Whether any key starts with the code unit `unit` (a cheap pre-check before `match`). */
  startsWith(unit: number): boolean {
    if (!this.compiled) this.compile();
    return this.root[unit] !== 0;
  }

  /**
   * The longest phrase key that starts at `text[i]` and ends after `after` (but not past `end`), or null.
   * Reports use it to find a dictionary phrase that the longest match discarded.
   */
  phraseCrosses(text: string, i: number, after: number, end: number): string | null {
    if (!this.compiled) this.compile();
    let found: string | null = null;
    for (let length = 2; i + length <= end && length <= this.maxKeyLength; length++) {
      // Walking the trie would do, but this is only used by reports; the Map keeps it obvious.
      const key = text.slice(i, i + length);
      const e = this.index.get(key);
      if (e !== undefined && this.isPhrase[e] && i + length > after) found = key;
      if (!this.hasPrefix(key)) break;
    }
    return found;
  }

  /** Whether some key starts with `prefix`. */
  private hasPrefix(prefix: string): boolean {
    if (!this.compiled) this.compile();
    let node = this.root[prefix.charCodeAt(0)]!;
    for (let j = 1; j < prefix.length && node !== 0; j++) {
      const unit = prefix.charCodeAt(j);
      let next = 0;
      for (let k = this.first[node]!, last = k + this.count[node]!; k < last; k++) {
        if (this.labels[k] === unit) {
          next = this.kids[k]!;
          break;
        }
      }
      node = next;
    }
    return node !== 0;
  }

  /** Compiles the live keys into the flat trie, breadth first over the sorted keys. */
  private compile(): void {
    const keys = [...this.index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Node ids start at 1. Each queued node covers keys[low, high), which share their first `depth` units.
    let nodes = 1;
    let edges = 0;
    const queue: number[] = []; // triples: node, low, high, depth (flattened)
    const root = new Int32Array(65536);
    // First level: root children come from the first unit.
    for (let k = 0; k < keys.length; ) {
      const unit = keys[k]!.charCodeAt(0);
      let end = k + 1;
      while (end < keys.length && keys[end]!.charCodeAt(0) === unit) end++;
      root[unit] = nodes;
      queue.push(nodes++, k, end, 1);
      k = end;
    }
    const nodeFirst: number[] = [0];
    const nodeCount: number[] = [0];
    const nodeEntry: number[] = [-1];
    const labels: number[] = [];
    const kids: number[] = [];
    for (let q = 0; q < queue.length; q += 4) {
      const node = queue[q]!;
      let low = queue[q + 1]!;
      const high = queue[q + 2]!;
      const depth = queue[q + 3]!;
      let e = -1;
      if (keys[low]!.length === depth) e = this.index.get(keys[low++]!)!;
      nodeEntry[node] = e;
      nodeFirst[node] = edges;
      let children = 0;
      for (let k = low; k < high; ) {
        const unit = keys[k]!.charCodeAt(depth);
        let end = k + 1;
        while (end < high && keys[end]!.charCodeAt(depth) === unit) end++;
        labels.push(unit);
        kids.push(nodes);
        queue.push(nodes++, k, end, depth + 1);
        children++;
        edges++;
        k = end;
      }
      nodeCount[node] = children;
    }
    this.root = root;
    this.first = Int32Array.from(nodeFirst);
    this.count = Int32Array.from(nodeCount);
    this.entry = Int32Array.from(nodeEntry);
    this.labels = Uint16Array.from(labels);
    this.kids = Int32Array.from(kids);

    let poolLength = 0;
    for (const value of this.values) poolLength += value.length;
    this.pool = new Uint16Array(poolLength);
    this.valueStart = new Int32Array(this.values.length);
    this.valueLength = new Int32Array(this.values.length);
    let at = 0;
    let growth = 1;
    let longest = 0;
    this.values.forEach((value, e) => {
      this.valueStart[e] = at;
      this.valueLength[e] = value.length;
      for (let k = 0; k < value.length; k++) this.pool[at++] = value.charCodeAt(k);
      const keyLength = this.keys[e]!.length;
      growth = Math.max(growth, value.length / keyLength);
      longest = Math.max(longest, keyLength);
    });
    this.maxGrowth = growth;
    this.maxKeyLength = longest;
    this.compiled = true;
  }
}

/** Length in UTF-16 units of the code point at `text[i]` (a lone surrogate counts as one). */
export function codePointLength(text: string, i: number, end: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}
