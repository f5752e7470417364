import type { WorkoutTotals } from "../workout-update";
import { timestamptzToMs, type Queryable } from "./queryable";

// A summary is the sum of its minute rows, so it can never disagree with
// them. bpm_sum adds doubles in minute order: the same rows give the same
// bits whatever order the rows were written in.
const REFRESH_SUMMARIES = `
  WITH totals AS (
    SELECT workout_id, sum(low_ms) AS low_ms, sum(moderate_ms) AS moderate_ms, sum(high_ms) AS high_ms,
           sum(count) AS reading_count, sum(bpm_sum ORDER BY minute) AS bpm_sum, min(bpm_min) AS bpm_min,
           max(bpm_max) AS bpm_max, sum(dropout_count) AS dropout_count, sum(dropout_ms) AS dropout_ms
    FROM workout_minutes WHERE workout_id = ANY($1::uuid[]) GROUP BY workout_id
  ), updated AS (
    UPDATE workouts w SET low_ms = t.low_ms, moderate_ms = t.moderate_ms, high_ms = t.high_ms,
      reading_count = t.reading_count, bpm_sum = t.bpm_sum, bpm_min = t.bpm_min, bpm_max = t.bpm_max,
      dropout_count = t.dropout_count, dropout_ms = t.dropout_ms,
      last_reading_at = GREATEST(w.last_reading_at, l.ts)
    FROM totals t
    CROSS JOIN LATERAL (SELECT ts, bpm FROM readings r WHERE r.workout_id = t.workout_id ORDER BY ts DESC LIMIT 1) l
    WHERE w.id = t.workout_id
    RETURNING w.id, w.user_id, w.status, w.low_ms, w.moderate_ms, w.high_ms, w.reading_count, w.dropout_count,
              w.dropout_ms, l.ts AS latest_ts, l.bpm AS latest_bpm
  )
  SELECT u.id AS workout_id, u.user_id, u.status::text AS status, u.low_ms::float8 AS low_ms,
         u.moderate_ms::float8 AS moderate_ms, u.high_ms::float8 AS high_ms, u.reading_count, u.dropout_count,
         u.dropout_ms::float8 AS dropout_ms, ${timestamptzToMs("u.latest_ts")} AS latest_ts, u.latest_bpm,
         ${timestamptzToMs("m.minute")} AS minute, m.low_ms AS m_low_ms, m.moderate_ms AS m_moderate_ms,
         m.high_ms AS m_high_ms, m.count AS m_count, m.bpm_sum AS m_bpm_sum, m.bpm_min AS m_bpm_min,
         m.bpm_max AS m_bpm_max, m.dropout_ms AS m_dropout_ms
  FROM updated u
  LEFT JOIN LATERAL (
    SELECT * FROM workout_minutes wm WHERE wm.workout_id = u.id ORDER BY wm.minute DESC LIMIT 1
  ) m ON true`;

interface TotalsRow {
  workout_id: string;
  user_id: string;
  status: WorkoutTotals["status"];
  low_ms: number;
  moderate_ms: number;
  high_ms: number;
  reading_count: number;
  dropout_count: number;
  dropout_ms: number;
  latest_ts: number | null;
  latest_bpm: number | null;
  minute: number | null;
  m_low_ms: number;
  m_moderate_ms: number;
  m_high_ms: number;
  m_count: number;
  m_bpm_sum: number;
  m_bpm_min: number;
  m_bpm_max: number;
  m_dropout_ms: number;
}

/** Re-sums the workouts' summaries from their minute rows; returns the totals for the live updates. */
export async function refreshSummaries(db: Queryable, workoutIds: readonly string[]): Promise<WorkoutTotals[]> {
  if (workoutIds.length === 0) return [];
  const { rows } = await db.query<TotalsRow>(REFRESH_SUMMARIES, [workoutIds]);
  return rows.map(toTotals);
}

function toTotals(row: TotalsRow): WorkoutTotals {
  return {
    workoutId: row.workout_id,
    userId: row.user_id,
    status: row.status,
    lowMs: row.low_ms,
    moderateMs: row.moderate_ms,
    highMs: row.high_ms,
    readingCount: row.reading_count,
    dropoutCount: row.dropout_count,
    dropoutMs: row.dropout_ms,
    latest: row.latest_ts === null || row.latest_bpm === null ? null : { ts: row.latest_ts, bpm: row.latest_bpm },
    lastMinute:
      row.minute === null
        ? null
        : {
            minute: row.minute,
            lowMs: row.m_low_ms,
            moderateMs: row.m_moderate_ms,
            highMs: row.m_high_ms,
            count: row.m_count,
            bpmSum: row.m_bpm_sum,
            bpmMin: row.m_bpm_min,
            bpmMax: row.m_bpm_max,
            dropoutMs: row.m_dropout_ms,
          },
  };
}
