/**
 * One step of an OpenCC conversion chain: several dictionaries searched together, longest key first.
 *
 * Dictionaries come from opencc-js as strings `"key value|key value|…"`. When two dictionaries of a group
 * have the same key the earlier one wins, as in opencc-js; `add` replaces an existing key.
 *
 * ###### Algorithm
 * The keys are compiled into a trie over UTF-16 code units stored in flat typed arrays: a table indexed by
 * the first unit, then one open-addressing hash of every edge (node, unit) → child, so each step of a match
 * is a probe or two whatever the node's number of children (common characters start hundreds of phrases,
 * and a sorted search among them was most of a conversion's time). Every key is a whole code-point string,
 * so matching code units gives the same result as opencc-js matching code points. The trie is compiled on
 * first use and again after `add`, so overlays (the glossary, a few dozen terms) are cheap to build and
 * OpenCC's groups are compiled once.
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
  private entry = new Int32Array(1).fill(-1);
  // The edges below the first level, hashed. Slot k is edges[4k..4k+2]: parent node (0: empty), unit, child;
  // one slot never straddles a cache line, so a probe costs one memory access.
  private edges = new Int32Array(4);
  private edgeMask = 0;
  // Per node, bit (unit % 32) is set for each child's unit: most steps leave the trie, and this tells without a probe.
  private childUnits = new Int32Array(1);
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

  /** The trie node under `node` labelled `unit`, or 0. */
  private child(node: number, unit: number): number {
    if ((this.childUnits[node]! & (1 << (unit & 31))) === 0) return 0;
    const { edges, edgeMask } = this;
    for (let slot = edgeSlot(node, unit, edgeMask); ; slot = (slot + 1) & edgeMask) {
      const at = slot << 2;
      const parent = edges[at]!;
      if (parent === node && edges[at + 1] === unit) return edges[at + 2]!;
      if (parent === 0) return 0;
    }
  }

  /**
   * `match` over code units in a buffer (the later stages of a chain read the earlier stage's output). The loop is
   * `match`'s twin on purpose: each loop reads one input type, so V8 keeps its character reads monomorphic in the
   * hottest code of the build. Fold them only if the converter bench (docs/benchmarks.md) shows no loss.
   */
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
    for (let j = 1; j < prefix.length && node !== 0; j++) node = this.child(node, prefix.charCodeAt(j));
    return node !== 0;
  }

  /** Compiles the live keys into the flat trie, breadth first over the sorted keys. */
  private compile(): void {
    const keys = [...this.index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Node ids start at 1. Each queued node covers keys[low, high), which share their first `depth` units.
    let nodes = 1;
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
    const nodeEntry: number[] = [-1];
    const parents: number[] = [];
    const units: number[] = [];
    const children: number[] = [];
    for (let q = 0; q < queue.length; q += 4) {
      const node = queue[q]!;
      let low = queue[q + 1]!;
      const high = queue[q + 2]!;
      const depth = queue[q + 3]!;
      let e = -1;
      if (keys[low]!.length === depth) e = this.index.get(keys[low++]!)!;
      nodeEntry[node] = e;
      for (let k = low; k < high; ) {
        const unit = keys[k]!.charCodeAt(depth);
        let end = k + 1;
        while (end < high && keys[end]!.charCodeAt(depth) === unit) end++;
        parents.push(node);
        units.push(unit);
        children.push(nodes);
        queue.push(nodes++, k, end, depth + 1);
        k = end;
      }
    }
    this.root = root;
    this.entry = Int32Array.from(nodeEntry);
    // At most half full, so a miss meets an empty slot within a probe or two.
    let slots = 16;
    while (slots < parents.length * 2) slots *= 2;
    const edges = new Int32Array(slots * 4);
    const mask = slots - 1;
    const childUnits = new Int32Array(nodes);
    for (let k = 0; k < parents.length; k++) {
      const parent = parents[k]!;
      const unit = units[k]!;
      childUnits[parent] = childUnits[parent]! | (1 << (unit & 31));
      let slot = edgeSlot(parent, unit, mask);
      while (edges[slot << 2] !== 0) slot = (slot + 1) & mask;
      edges[slot << 2] = parent;
      edges[(slot << 2) + 1] = unit;
      edges[(slot << 2) + 2] = children[k]!;
    }
    this.edges = edges;
    this.edgeMask = mask;
    this.childUnits = childUnits;

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

/** Where the search for the edge (node, unit) starts in a table of `mask + 1` slots. */
function edgeSlot(node: number, unit: number, mask: number): number {
  const mixed = Math.imul(node ^ Math.imul(unit, 0x9e3779b1), 0x85ebca6b);
  return (mixed ^ (mixed >>> 15)) & mask;
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
