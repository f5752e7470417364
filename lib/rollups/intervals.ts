import type { HeartRateReading } from "./heart-rate-reading";

/** A reading stands for the time to the next one, at most this long. */
export const DEFAULT_MAX_GAP_MS = 5_000;
/** The last reading of a workout stands for one second. */
export const LAST_READING_MS = 1_000;

export interface CreditOptions {
  /** Longest time one reading may stand for; the rest of a longer gap is a dropout. Default 5000. */
  maxGapMs?: number;
}

/** A reading with the exercise time it stands for and the dropout that follows it, in integer ms. */
export interface CreditedReading<R extends HeartRateReading = HeartRateReading> {
  reading: R;
  creditMs: number;
  /** The part of the gap to the next reading beyond maxGapMs; 0 unless this gap is a dropout. */
  dropoutMs: number;
}

/** A workout's readings in time order; equal timestamps (two devices) are ordered by id so any input order gives the same result. */
export function sortReadings<R extends HeartRateReading>(readings: readonly R[]): R[] {
  return [...readings].sort((a, b) => a.ts - b.ts || compareIds(a.readingId, b.readingId));
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Credits each reading of ONE workout (deduped, any order) with its time,
 * returned in time order. For consecutive readings, creditMs + dropoutMs is
 * exactly the gap between them, so across a workout
 * Σ creditMs + Σ dropoutMs = (last.ts − first.ts) + LAST_READING_MS.
 */
export function creditReadings<R extends HeartRateReading>(
  readings: readonly R[],
  { maxGapMs = DEFAULT_MAX_GAP_MS }: CreditOptions = {},
): CreditedReading<R>[] {
  if (!Number.isSafeInteger(maxGapMs) || maxGapMs <= 0) {
    throw new RangeError(`maxGapMs must be a positive integer, got ${maxGapMs}`);
  }
  const sorted = sortReadings(readings);
  return sorted.map((reading, i) => {
    // Integer timestamps keep every sum exact; a fraction here means the boundary let one through.
    if (!Number.isSafeInteger(reading.ts)) throw new RangeError(`reading ${reading.readingId} has ts ${reading.ts}`);
    const next = sorted[i + 1];
    if (!next) return { reading, creditMs: LAST_READING_MS, dropoutMs: 0 };
    const gapMs = next.ts - reading.ts;
    const creditMs = Math.min(gapMs, maxGapMs);
    return { reading, creditMs, dropoutMs: gapMs - creditMs };
  });
}
