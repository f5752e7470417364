import type { MinuteRow } from "../recompute-minutes";
import { toPgArray } from "../pg-array";
import { msToTimestamptz, type Queryable } from "./queryable";

const UPSERT_MINUTES = `
  INSERT INTO workout_minutes
    (workout_id, minute, low_ms, moderate_ms, high_ms, bpm_sum, count, bpm_min, bpm_max, dropout_ms, dropout_count)
  SELECT workout_id, ${msToTimestamptz("minute")}, low_ms, moderate_ms, high_ms, bpm_sum, count, bpm_min, bpm_max,
         dropout_ms, dropout_count
  FROM unnest($1::uuid[], $2::int8[], $3::int4[], $4::int4[], $5::int4[], $6::float8[], $7::int4[], $8::float8[],
              $9::float8[], $10::int4[], $11::int4[])
       AS m(workout_id, minute, low_ms, moderate_ms, high_ms, bpm_sum, count, bpm_min, bpm_max, dropout_ms, dropout_count)
  ON CONFLICT (workout_id, minute) DO UPDATE SET
    low_ms = EXCLUDED.low_ms, moderate_ms = EXCLUDED.moderate_ms, high_ms = EXCLUDED.high_ms,
    bpm_sum = EXCLUDED.bpm_sum, count = EXCLUDED.count, bpm_min = EXCLUDED.bpm_min, bpm_max = EXCLUDED.bpm_max,
    dropout_ms = EXCLUDED.dropout_ms, dropout_count = EXCLUDED.dropout_count`;

/** Writes recomputed minutes whole: each row is exact, so it replaces what was stored. */
export async function upsertMinutes(db: Queryable, rows: readonly MinuteRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = (pick: (row: MinuteRow) => string | number) => toPgArray(rows.map(pick));
  await db.query(UPSERT_MINUTES, [
    column((r) => r.workoutId),
    column((r) => r.minuteStart),
    column((r) => r.lowMs),
    column((r) => r.moderateMs),
    column((r) => r.highMs),
    column((r) => r.bpmSum),
    column((r) => r.count),
    column((r) => r.bpmMin),
    column((r) => r.bpmMax),
    column((r) => r.dropoutMs),
    column((r) => r.dropoutCount),
  ]);
}
