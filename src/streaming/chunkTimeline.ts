/** Arrival times of a recorded body, mapped to character offsets of its decoded text. */
export interface ChunkTimeline {
  text: string;
  /** Time (ms since the response headers) at which the character at `offset - 1` had arrived. */
  timeAt(offset: number): number;
}

/** Decodes chunks as UTF-8 (undefined if they are not UTF-8) and remembers when each part arrived. */
export function chunkTimeline(chunks: readonly { bytes: Uint8Array; at: number }[]): ChunkTimeline | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const ends: number[] = [];
  const times: number[] = [];
  let text = '';
  try {
    for (const c of chunks) {
      text += decoder.decode(c.bytes, { stream: true });
      ends.push(text.length);
      times.push(c.at);
    }
    text += decoder.decode();
  } catch {
    return undefined;
  }
  return {
    text,
    timeAt(offset) {
      let lo = 0;
      let hi = ends.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid]! >= offset) hi = mid;
        else lo = mid + 1;
      }
      return times[lo] ?? 0;
    },
  };
}
