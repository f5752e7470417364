/** An inclusive range of Kafka offsets of one partition. */
export interface OffsetRange {
  fromOffset: number;
  toOffset: number;
}

/** Gaps wider than this are never bridged (keeps the bridging check cheap). */
const MAX_BRIDGE = 10_000;

/**
 * Sorted, distinct offsets as inclusive ranges. Two offsets join one range
 * when they are adjacent or every offset between them is `bridgeable`
 * (offsets that carry no readings, such as poison messages, should not split
 * a range of missing ones).
 */
export function toOffsetRanges(offsets: Iterable<number>, bridgeable: ReadonlySet<number> = new Set()): OffsetRange[] {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const ranges: OffsetRange[] = [];
  for (const offset of sorted) {
    const last = ranges.at(-1);
    if (last && canBridge(last.toOffset, offset, bridgeable)) last.toOffset = offset;
    else ranges.push({ fromOffset: offset, toOffset: offset });
  }
  return ranges;
}

function canBridge(from: number, to: number, bridgeable: ReadonlySet<number>): boolean {
  if (to - from > MAX_BRIDGE) return false;
  for (let o = from + 1; o < to; o += 1) if (!bridgeable.has(o)) return false;
  return true;
}
