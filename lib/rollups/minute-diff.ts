import type { MinuteRollup } from "./minute-rollup";

/** What to write after a recompute: rows that are new or differ, and minutes that no longer exist. */
export interface MinuteRollupChanges {
  upserts: MinuteRollup[];
  removedMinuteStarts: number[];
}

/**
 * Compares a workout's stored minute rows with a fresh recompute, so the
 * worker writes and publishes only minutes that changed. Appending readings
 * never removes a minute, but replays or corrections might, so removals are
 * reported rather than assumed away.
 */
export function diffMinuteRollups(
  previous: readonly MinuteRollup[],
  next: readonly MinuteRollup[],
): MinuteRollupChanges {
  const before = new Map(previous.map((m) => [m.minuteStart, m]));
  const nextStarts = new Set(next.map((m) => m.minuteStart));
  return {
    upserts: next.filter((m) => !sameMinute(before.get(m.minuteStart), m)),
    removedMinuteStarts: previous.map((m) => m.minuteStart).filter((start) => !nextStarts.has(start)),
  };
}

function sameMinute(a: MinuteRollup | undefined, b: MinuteRollup): boolean {
  if (!a) return false;
  return (Object.keys(b) as (keyof MinuteRollup)[]).every((key) => a[key] === b[key]);
}
