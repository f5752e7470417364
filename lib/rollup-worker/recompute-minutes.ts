import type { HeartRateReading } from "@/lib/rollups/heart-rate-reading";
import { creditReadings, type CreditedReading } from "@/lib/rollups/intervals";
import {
  getMinuteStart,
  rollupMinutes,
  type IntensityClassifier,
  type MinuteRollup,
} from "@/lib/rollups/minute-rollup";
import type { MinuteRun } from "./minute-runs";

/** A workout_minutes row: the minute's rollup plus the dropouts that start in it. */
export interface MinuteRow extends MinuteRollup {
  workoutId: string;
  dropoutMs: number;
  dropoutCount: number;
}

/**
 * Recomputes a run's minutes exactly from the stored readings the loader
 * returned: every reading from the minute of the run's predecessor up to the
 * run's end, plus the first reading after it (the successor that fixes the
 * credit of the run's last reading; none means that one is the workout's
 * last). That successor's own credit is unknown here, so minutes from
 * `toMs` on are not returned.
 */
export function recomputeRun(
  run: MinuteRun,
  loaded: readonly HeartRateReading[],
  classify: IntensityClassifier,
  maxGapMs: number,
): MinuteRow[] {
  const complete = creditReadings(loaded, { maxGapMs }).filter((c) => c.reading.ts < run.toMs);
  const dropouts = sumDropoutsByMinute(complete);
  return rollupMinutes(complete, classify).map((minute) => ({
    workoutId: run.workoutId,
    ...minute,
    ...(dropouts.get(minute.minuteStart) ?? { dropoutMs: 0, dropoutCount: 0 }),
  }));
}

/** A gap's dropout belongs to the minute of the reading it follows, as its credit does. */
function sumDropoutsByMinute(credited: readonly CreditedReading[]) {
  const byMinute = new Map<number, { dropoutMs: number; dropoutCount: number }>();
  for (const { reading, dropoutMs } of credited) {
    if (dropoutMs === 0) continue;
    const minute = getMinuteStart(reading.ts);
    const sum = byMinute.get(minute) ?? { dropoutMs: 0, dropoutCount: 0 };
    sum.dropoutMs += dropoutMs;
    sum.dropoutCount += 1;
    byMinute.set(minute, sum);
  }
  return byMinute;
}

/**
 * One row per workout and minute. Runs of one workout may load overlapping
 * minutes (a late reading's predecessor inside another run); both computed
 * the same exact row, and PostgreSQL rejects an upsert that names a row twice.
 */
export function uniqueMinuteRows(rows: readonly MinuteRow[]): MinuteRow[] {
  return [...new Map(rows.map((row) => [`${row.workoutId}|${row.minuteStart}`, row])).values()];
}
