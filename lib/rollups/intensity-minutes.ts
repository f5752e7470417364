import { getIsoWeekLabel, getIsoWeekStart } from "./iso-week";
import { MINUTE_MS } from "./minute-rollup";
import type { WorkoutSummary } from "./workout-summary";

/** Time at moderate and high intensity, e.g. a workout summary or a minute row. */
export interface IntensityTime {
  moderateMs: number;
  highMs: number;
}

/** One ISO week's (Monday 00:00 UTC) totals. */
export interface WeeklyIntensity extends IntensityTime {
  weekStart: number;
  /** e.g. "2025-W01". */
  isoWeek: string;
  workoutCount: number;
  moderateMinutes: number;
  highMinutes: number;
  /** moderate minutes × 1 + high minutes × 2, not rounded. */
  intensityMinutes: number;
}

/** Intensity minutes: a high minute counts twice, as fitness watches count a vigorous minute. */
export function getIntensityMinutes({ moderateMs, highMs }: IntensityTime): number {
  // One division of integer ms keeps the result exact where the minutes are.
  return (moderateMs + 2 * highMs) / MINUTE_MS;
}

/**
 * Totals per ISO week, ascending; weeks without workouts are omitted. A
 * workout counts in the week it started, even if it runs past Monday 00:00.
 */
export function sumIntensityMinutesByIsoWeek(
  summaries: readonly Pick<WorkoutSummary, "startTs" | "moderateMs" | "highMs">[],
): WeeklyIntensity[] {
  const weeks = new Map<number, IntensityTime & { workoutCount: number }>();
  for (const s of summaries) {
    const weekStart = getIsoWeekStart(s.startTs);
    const week = weeks.get(weekStart) ?? { moderateMs: 0, highMs: 0, workoutCount: 0 };
    week.moderateMs += s.moderateMs;
    week.highMs += s.highMs;
    week.workoutCount += 1;
    weeks.set(weekStart, week);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([weekStart, week]) => ({
      weekStart,
      isoWeek: getIsoWeekLabel(weekStart),
      ...week,
      moderateMinutes: week.moderateMs / MINUTE_MS,
      highMinutes: week.highMs / MINUTE_MS,
      intensityMinutes: getIntensityMinutes(week),
    }));
}
