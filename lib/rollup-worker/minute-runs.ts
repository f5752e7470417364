import type { HeartRateReading } from "@/lib/rollups/heart-rate-reading";
import { getMinuteStart, MINUTE_MS } from "@/lib/rollups/minute-rollup";

/**
 * Consecutive minutes of one workout that received new readings: [fromMs, toMs).
 * A new reading also changes its predecessor's credit (the gap to the next
 * reading shrinks), and that predecessor may sit in an earlier minute. Only a
 * run's first minute can have its predecessor outside the run (a reading
 * later in the run follows a reading of the run, or of the minute before
 * it, which is in the run), so the loader extends each run back to the
 * minute of the last stored reading before `fromMs`.
 */
export interface MinuteRun {
  workoutId: string;
  fromMs: number;
  toMs: number;
}

/** The runs of minutes that new readings touch, per workout, ascending. */
export function planMinuteRuns(readings: readonly Pick<HeartRateReading, "workoutId" | "ts">[]): MinuteRun[] {
  const minutesByWorkout = new Map<string, Set<number>>();
  for (const { workoutId, ts } of readings) {
    const minutes = minutesByWorkout.get(workoutId) ?? new Set<number>();
    minutes.add(getMinuteStart(ts));
    minutesByWorkout.set(workoutId, minutes);
  }
  const runs: MinuteRun[] = [];
  for (const [workoutId, minutes] of minutesByWorkout) {
    let current: MinuteRun | undefined;
    for (const minute of [...minutes].sort((a, b) => a - b)) {
      if (current && current.toMs === minute) {
        current.toMs = minute + MINUTE_MS;
      } else {
        current = { workoutId, fromMs: minute, toMs: minute + MINUTE_MS };
        runs.push(current);
      }
    }
  }
  return runs;
}
