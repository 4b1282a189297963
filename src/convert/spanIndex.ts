/** Strings laid end to end (the texts of one run, the pieces of a text): where each starts, and which holds a position. */
export interface SpanIndex {
  /** Where each span starts, in the joined string. */
  starts: number[];
  /** The index of the span holding `position` (for a position past the end: the last span). */
  spanAt(position: number): number;
}

export function indexSpans(texts: readonly string[]): SpanIndex {
  const starts: number[] = [];
  let offset = 0;
  for (const text of texts) {
    starts.push(offset);
    offset += text.length;
  }
  return {
    starts,
    spanAt: (position) => {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= position) low = middle;
        else high = middle - 1;
      }
      return low;
    },
  };
}
