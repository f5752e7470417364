/**
 * Sessionizing: readings that arrive without a workout id are grouped into
 * workouts by time. Rule: readings of one device, ordered by time, belong to
 * the same workout while consecutive readings are at most `maxGapMs` apart;
 * a longer gap ends the workout and the next reading starts a new one.
 *
 * Edge cases, decided:
 * - Unsorted input is sorted (stable, so equal timestamps keep input order).
 * - A gap of exactly `maxGapMs` does not split; only a longer one does.
 * - Late readings: a reading before the open workout's last reading attaches
 *   when it is within `maxGapMs` of the workout's span [startedAt, lastReadingAt],
 *   so readings inside the span always attach, and a run of readings ending
 *   within the gap before `startedAt` extends the workout backwards.
 * - Readings further before the open workout (an offline watch's backlog)
 *   become new workouts that are closed at once: the open workout is newer.
 * - The open workout is closed only when a reading comes more than
 *   `maxGapMs` after its span; then the latest new workout is the open one.
 * - Only the open workout is known here: a late reading that belongs to an
 *   already closed workout starts a closed workout of its own.
 * - Closing idle workouts on a timer is not decided here; this only reacts to readings.
 */

/** Default longest pause inside one workout: 10 minutes. */
export const DEFAULT_MAX_GAP_MS = 10 * 60 * 1000;

/** The device's open workout, as much as sessionizing needs of it. */
export interface OpenWorkout {
  id: string;
  /** Epoch ms of its first reading; needed to recognise late readings inside it. */
  startedAt: number;
  /** Epoch ms of its latest reading. */
  lastReadingAt: number;
}

/** Readings that go to one workout, with the workout's span after they are added. */
export type SessionSegment<R> =
  | { kind: "existing"; workoutId: string; startedAt: number; lastReadingAt: number; readings: R[] }
  | {
      kind: "new";
      startedAt: number;
      lastReadingAt: number;
      /** True for at most one segment: the device's open workout after this batch. */
      open: boolean;
      readings: R[];
    };

/** What to write: segments in time order, and workouts to mark closed. */
export interface SessionPlan<R> {
  segments: SessionSegment<R>[];
  closeWorkoutIds: string[];
}

export interface PlanSessionsInput<R> {
  openWorkout: OpenWorkout | null;
  readings: readonly R[];
  maxGapMs?: number;
}

/** Decides where a device's readings go; creates no ids and touches no storage. */
export function planSessions<R extends { ts: number }>({
  openWorkout,
  readings,
  maxGapMs = DEFAULT_MAX_GAP_MS,
}: PlanSessionsInput<R>): SessionPlan<R> {
  if (!Number.isFinite(maxGapMs) || maxGapMs < 0) throw new RangeError(`maxGapMs must be >= 0, got ${maxGapMs}`);
  if (readings.some((r) => !Number.isFinite(r.ts))) throw new RangeError("every reading needs a finite ts");
  const runs = splitAtGaps(
    [...readings].sort((a, b) => a.ts - b.ts),
    maxGapMs,
  );
  if (!openWorkout)
    return { segments: runs.map((run, i) => newSegment(run, i === runs.length - 1)), closeWorkoutIds: [] };

  const touches = (run: R[]) =>
    first(run) <= openWorkout.lastReadingAt + maxGapMs && last(run) >= openWorkout.startedAt - maxGapMs;
  const attached = runs.filter(touches).flat();
  const detached = runs.filter((run) => !touches(run));
  // Runs are more than maxGapMs apart, so a detached run after the span is
  // after every attached reading too: a newer workout has started.
  const newest = detached.filter((run) => first(run) > openWorkout.lastReadingAt).at(-1);
  const segments = detached.map((run) => newSegment(run, run === newest));
  if (attached.length > 0) segments.push(existingSegment(openWorkout, attached));
  return {
    segments: segments.sort((a, b) => first(a.readings) - first(b.readings)),
    closeWorkoutIds: newest ? [openWorkout.id] : [],
  };
}

/** Cuts sorted readings into runs whose consecutive readings are at most maxGapMs apart. */
export function splitAtGaps<R extends { ts: number }>(sorted: readonly R[], maxGapMs: number): R[][] {
  const runs: R[][] = [];
  let current: R[] = [];
  for (const reading of sorted) {
    const previous = current.at(-1);
    if (previous && reading.ts - previous.ts > maxGapMs) {
      runs.push(current);
      current = [];
    }
    current.push(reading);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function newSegment<R extends { ts: number }>(readings: R[], open: boolean): SessionSegment<R> {
  return { kind: "new", startedAt: first(readings), lastReadingAt: last(readings), open, readings };
}

function existingSegment<R extends { ts: number }>(workout: OpenWorkout, readings: R[]): SessionSegment<R> {
  return {
    kind: "existing",
    workoutId: workout.id,
    startedAt: Math.min(workout.startedAt, first(readings)),
    lastReadingAt: Math.max(workout.lastReadingAt, last(readings)),
    readings,
  };
}

// Callers pass non-empty runs; the fallback only satisfies noUncheckedIndexedAccess.
function first(readings: readonly { ts: number }[]): number {
  return readings[0]?.ts ?? Number.NaN;
}

function last(readings: readonly { ts: number }[]): number {
  return readings.at(-1)?.ts ?? Number.NaN;
}
