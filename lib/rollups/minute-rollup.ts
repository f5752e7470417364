import type { IntensityLevel } from "@/lib/zones/intensity-zones";
import type { HeartRateReading } from "./heart-rate-reading";
import type { CreditedReading } from "./intervals";

export const MINUTE_MS = 60_000;

/** Decides a reading's level, e.g. `(bpm) => classifyIntensity(bpm, thresholds)`. */
export type IntensityClassifier = (bpm: number) => IntensityLevel;

/** One UTC minute of a workout: the time credited to readings whose timestamp falls in it. */
export interface MinuteRollup {
  /** Epoch ms of the minute's start (UTC, ss.mmm = 00.000). */
  minuteStart: number;
  lowMs: number;
  moderateMs: number;
  highMs: number;
  bpmSum: number;
  /** Readings whose timestamp falls in this minute. */
  count: number;
  bpmMin: number;
  bpmMax: number;
}

/** The UTC minute a timestamp falls in. */
export function getMinuteStart(ts: number): number {
  return Math.floor(ts / MINUTE_MS) * MINUTE_MS;
}

/**
 * Per-minute totals, ascending by minute. A reading's whole credit goes to
 * the minute of its timestamp even when its interval runs into the next
 * minute (the spec's rule), so a minute may hold more or less than 60 s.
 * Minutes with no reading (inside a dropout) have no row.
 */
export function rollupMinutes(
  credited: readonly CreditedReading<HeartRateReading>[],
  classify: IntensityClassifier,
): MinuteRollup[] {
  const minutes = new Map<number, MinuteRollup>();
  for (const { reading, creditMs } of credited) {
    const minuteStart = getMinuteStart(reading.ts);
    const minute = minutes.get(minuteStart) ?? emptyMinute(minuteStart, reading.bpm);
    minute[LEVEL_FIELD[classify(reading.bpm)]] += creditMs;
    minute.bpmSum += reading.bpm;
    minute.count += 1;
    minute.bpmMin = Math.min(minute.bpmMin, reading.bpm);
    minute.bpmMax = Math.max(minute.bpmMax, reading.bpm);
    minutes.set(minuteStart, minute);
  }
  return [...minutes.values()].sort((a, b) => a.minuteStart - b.minuteStart);
}

const LEVEL_FIELD = { low: "lowMs", moderate: "moderateMs", high: "highMs" } as const;

function emptyMinute(minuteStart: number, bpm: number): MinuteRollup {
  return { minuteStart, lowMs: 0, moderateMs: 0, highMs: 0, bpmSum: 0, count: 0, bpmMin: bpm, bpmMax: bpm };
}
