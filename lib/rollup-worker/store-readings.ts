import type { IntensityClassifier } from "@/lib/rollups/minute-rollup";
import { classifyIntensity } from "@/lib/zones/intensity-zones";
import type { BatchReading } from "./batch-types";
import { insertReadings, loadRunReadings } from "./db/readings";
import type { Queryable } from "./db/queryable";
import { upsertMinutes } from "./db/workout-minutes";
import { refreshSummaries } from "./db/workout-summaries";
import type { RollupWorkout } from "./db/workouts";
import { planMinuteRuns } from "./minute-runs";
import { recomputeRun, uniqueMinuteRows, type MinuteRow } from "./recompute-minutes";
import type { WorkoutTotals } from "./workout-update";
import { resolveThresholds } from "./zone-thresholds";

/** The rules the rollup applies (config ROLLUP_MAX_GAP_MS, ROLLUP_DEFAULT_AGE). */
export interface RollupSettings {
  /** Longest time one reading may stand for; the rest of a longer gap is a dropout. */
  maxGapMs: number;
  /** Age assumed for a user with neither a birth year nor a measured max HR. */
  defaultAge: number;
}

export interface StoredReadings {
  inserted: number;
  totals: WorkoutTotals[];
  warnings: string[];
}

/**
 * Inserts the batch's readings, then recomputes exactly the minutes the new
 * ones touch (their own, and their predecessors') from what is stored, and
 * re-sums the summaries of the workouts that changed.
 */
export async function storeReadings(
  db: Queryable,
  settings: RollupSettings,
  partition: number,
  readings: readonly BatchReading[],
  workouts: ReadonlyMap<string, RollupWorkout>,
): Promise<StoredReadings> {
  const inserted = await insertReadings(db, partition, readings);
  if (inserted === 0) return { inserted: 0, totals: [], warnings: [] };
  // When only some were new, the duplicates' minutes are recomputed too: exact
  // anyway, and cheaper than asking PostgreSQL which ones were new.
  const runs = planMinuteRuns(readings);
  const loaded = await loadRunReadings(db, runs, workouts);
  const { classifiers, warnings } = buildClassifiers(workouts, settings.defaultAge);
  const rows: MinuteRow[] = [];
  runs.forEach((run, i) => {
    const classify = classifiers.get(run.workoutId);
    if (!classify) throw new Error(`no thresholds for workout ${run.workoutId}`);
    rows.push(...recomputeRun(run, loaded[i] ?? [], classify, settings.maxGapMs));
  });
  await upsertMinutes(db, uniqueMinuteRows(rows));
  const totals = await refreshSummaries(db, [...new Set(readings.map((r) => r.workoutId))]);
  return { inserted, totals, warnings };
}

function buildClassifiers(workouts: ReadonlyMap<string, RollupWorkout>, defaultAge: number) {
  const classifiers = new Map<string, IntensityClassifier>();
  const warnings: string[] = [];
  for (const workout of workouts.values()) {
    const { thresholds, fallback } = resolveThresholds(workout.user, workout.startedAt, defaultAge);
    if (fallback) warnings.push(`user ${workout.userId}: zone settings unusable (${fallback}); used defaults`);
    classifiers.set(workout.id, (bpm) => classifyIntensity(bpm, thresholds));
  }
  return { classifiers, warnings };
}
