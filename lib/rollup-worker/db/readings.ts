import type { HeartRateReading } from "@/lib/rollups/heart-rate-reading";
import type { KnownWorkout } from "../batch-readings";
import type { BatchReading } from "../batch-types";
import type { MinuteRun } from "../minute-runs";
import { toPgArray } from "../pg-array";
import { msToTimestamptz, timestamptzToMs, type Queryable } from "./queryable";

// Per reading: id, ts, bpm, receipt time, offset and the index of its
// workout; workout, device and user uuids travel once per workout. Parsing
// the arrays is a large part of the insert's cost, and a uuid costs twice a
// number. No RETURNING: the row count says whether anything was new.
const INSERT_READINGS = `
  INSERT INTO readings (id, workout_id, device_id, user_id, ts, bpm, received_at, kafka_partition, kafka_offset)
  SELECT r.id, w.workout_id, w.device_id, w.user_id, ${msToTimestamptz("r.ts")}, r.bpm,
         ${msToTimestamptz("r.received_at")}, $1, r.kafka_offset
  FROM unnest($2::uuid[], $3::int8[], $4::float8[], $5::int8[], $6::int8[], $7::int4[])
       AS r(id, ts, bpm, received_at, kafka_offset, workout)
  JOIN unnest($8::uuid[], $9::uuid[], $10::uuid[]) WITH ORDINALITY AS w(workout_id, device_id, user_id, workout)
       USING (workout)
  ON CONFLICT (id) DO NOTHING`;

/**
 * Stores readings (deduped within the batch already); a reading whose id is
 * stored already is skipped, so the first stored wins across batches,
 * replays and restarts. Returns how many were new.
 */
export async function insertReadings(
  db: Queryable,
  partition: number,
  readings: readonly BatchReading[],
): Promise<number> {
  if (readings.length === 0) return 0;
  const owners: BatchReading[] = [];
  const indexOf = new Map<string, number>();
  const workoutIndex = readings.map((r) => {
    let index = indexOf.get(r.workoutId);
    if (index === undefined) {
      index = owners.push(r);
      indexOf.set(r.workoutId, index);
    }
    return index;
  });
  const { rowCount } = await db.query(INSERT_READINGS, [
    partition,
    toPgArray(readings.map((r) => r.readingId)),
    toPgArray(readings.map((r) => r.ts)),
    toPgArray(readings.map((r) => r.bpm)),
    toPgArray(readings.map((r) => r.receivedAt)),
    toPgArray(readings.map((r) => r.offset)),
    toPgArray(workoutIndex),
    toPgArray(owners.map((o) => o.workoutId)),
    toPgArray(owners.map((o) => o.deviceId)),
    toPgArray(owners.map((o) => o.userId)),
  ]);
  return rowCount ?? 0;
}

// For each run: the minute of the last reading before it, every reading from
// there to the run's end, and the first reading after the run. All index
// range scans on (workout_id, ts).
const LOAD_RUNS = `
  SELECT q.run::int AS run, ${timestamptzToMs("x.ts")} AS ts, x.bpm
  FROM unnest($1::uuid[], $2::int8[], $3::int8[]) WITH ORDINALITY AS q(workout_id, from_ms, to_ms, run)
  CROSS JOIN LATERAL (
    SELECT COALESCE(floor(extract(epoch FROM max(p.ts)) / 60)::int8 * 60000, q.from_ms) AS start_ms
    FROM readings p WHERE p.workout_id = q.workout_id AND p.ts < ${msToTimestamptz("q.from_ms")}
  ) s
  CROSS JOIN LATERAL (
    (SELECT r.ts, r.bpm FROM readings r
     WHERE r.workout_id = q.workout_id AND r.ts >= ${msToTimestamptz("s.start_ms")} AND r.ts < ${msToTimestamptz("q.to_ms")})
    UNION ALL
    (SELECT r.ts, r.bpm FROM readings r
     WHERE r.workout_id = q.workout_id AND r.ts >= ${msToTimestamptz("q.to_ms")} ORDER BY r.ts LIMIT 1)
  ) x`;

/** The stored readings each run's minutes are recomputed from, per run (same order as `runs`). */
export async function loadRunReadings(
  db: Queryable,
  runs: readonly MinuteRun[],
  workouts: ReadonlyMap<string, KnownWorkout>,
): Promise<HeartRateReading[][]> {
  const loaded: HeartRateReading[][] = runs.map(() => []);
  if (runs.length === 0) return loaded;
  const { rows } = await db.query<{ run: number; ts: number; bpm: number }>(LOAD_RUNS, [
    toPgArray(runs.map((r) => r.workoutId)),
    toPgArray(runs.map((r) => r.fromMs)),
    toPgArray(runs.map((r) => r.toMs)),
  ]);
  for (const row of rows) {
    const run = runs[row.run - 1];
    const deviceId = run && workouts.get(run.workoutId)?.deviceId;
    if (!run || deviceId === undefined) throw new Error(`loader returned run ${row.run}, which was not asked for`);
    // A workout has one device, so within it a timestamp identifies a reading
    // (same device, same second = same id); shipping the uuids back would cost
    // more than the whole recompute.
    loaded[row.run - 1]?.push({
      readingId: String(row.ts),
      workoutId: run.workoutId,
      deviceId,
      ts: row.ts,
      bpm: row.bpm,
    });
  }
  return loaded;
}
