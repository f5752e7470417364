/**
 * A workout's rollup, recomputed from scratch. The worker recomputes a
 * workout from ALL its stored readings whenever a batch touches it, then
 * writes only what `diffMinuteRollups` reports. Patching incrementally is
 * avoided on purpose: a late reading changes its predecessor's credit (which
 * may sit in an earlier minute) and can split or close a dropout.
 */
import type { HeartRateReading } from "./heart-rate-reading";
import { creditReadings, LAST_READING_MS, type CreditedReading, type CreditOptions } from "./intervals";
import { MINUTE_MS, rollupMinutes, type IntensityClassifier, type MinuteRollup } from "./minute-rollup";

/**
 * Totals of one workout. Invariant, for a workout with at least one reading:
 * lowMs + moderateMs + highMs + dropoutMs === durationMs
 *   === (endTs − startTs) + 1000 (the last reading's second).
 */
export interface WorkoutSummary {
  workoutId: string;
  /** Timestamp of the first reading, epoch ms. */
  startTs: number;
  /** Timestamp of the last reading, epoch ms (the workout runs one second past it). */
  endTs: number;
  /** From the first reading to one second after the last, dropouts included. */
  durationMs: number;
  lowMs: number;
  moderateMs: number;
  highMs: number;
  /** The same times in minutes (ms / 60000), not rounded. */
  lowMinutes: number;
  moderateMinutes: number;
  highMinutes: number;
  /** Gaps between consecutive readings longer than maxGapMs. */
  dropoutCount: number;
  /** The parts of those gaps beyond maxGapMs, counted as no exercise. */
  dropoutMs: number;
  readingCount: number;
  bpmSum: number;
  bpmMin: number;
  bpmMax: number;
  /** bpmSum / readingCount: each reading weighs the same, whatever time it stands for. */
  bpmAverage: number;
}

/** The per-minute table and the summary of one workout. */
export interface WorkoutRollup {
  minutes: MinuteRollup[];
  summary: WorkoutSummary;
}

/**
 * Rolls up ONE workout from all its readings (already deduped, any order);
 * null when there are none. The result depends only on the set of readings.
 */
export function rollupWorkout(
  readings: readonly HeartRateReading[],
  classify: IntensityClassifier,
  options?: CreditOptions,
): WorkoutRollup | null {
  const workoutId = readings[0]?.workoutId;
  const stranger = readings.find((r) => r.workoutId !== workoutId);
  if (stranger) throw new RangeError(`readings of workouts ${workoutId} and ${stranger.workoutId} mixed in one rollup`);
  const credited = creditReadings(readings, options);
  const first = credited[0];
  const last = credited.at(-1);
  if (workoutId === undefined || !first || !last) return null;
  const minutes = rollupMinutes(credited, classify);
  const span = { workoutId, startTs: first.reading.ts, endTs: last.reading.ts };
  return { minutes, summary: summarize(span, credited, minutes) };
}

function summarize(
  span: Pick<WorkoutSummary, "workoutId" | "startTs" | "endTs">,
  credited: readonly CreditedReading[],
  minutes: readonly MinuteRollup[],
): WorkoutSummary {
  const totals = {
    lowMs: 0,
    moderateMs: 0,
    highMs: 0,
    readingCount: 0,
    bpmSum: 0,
    bpmMin: Infinity,
    bpmMax: -Infinity,
  };
  for (const m of minutes) {
    totals.lowMs += m.lowMs;
    totals.moderateMs += m.moderateMs;
    totals.highMs += m.highMs;
    totals.readingCount += m.count;
    totals.bpmSum += m.bpmSum;
    totals.bpmMin = Math.min(totals.bpmMin, m.bpmMin);
    totals.bpmMax = Math.max(totals.bpmMax, m.bpmMax);
  }
  const dropouts = credited.filter((c) => c.dropoutMs > 0);
  return {
    ...span,
    ...totals,
    durationMs: span.endTs - span.startTs + LAST_READING_MS,
    lowMinutes: totals.lowMs / MINUTE_MS,
    moderateMinutes: totals.moderateMs / MINUTE_MS,
    highMinutes: totals.highMs / MINUTE_MS,
    dropoutCount: dropouts.length,
    dropoutMs: dropouts.reduce((sum, c) => sum + c.dropoutMs, 0),
    bpmAverage: totals.bpmSum / totals.readingCount,
  };
}
