import type { KnownWorkout } from "../batch-readings";
import type { UserZoneSettings } from "../zone-thresholds";
import type { Queryable } from "./queryable";

/** A workout a batch writes to, with what its zones depend on. */
export interface RollupWorkout extends KnownWorkout {
  startedAt: Date;
  user: UserZoneSettings;
}

interface WorkoutRow {
  id: string;
  user_id: string;
  device_id: string;
  started_at: Date;
  birth_year: number | null;
  max_hr: number | null;
  resting_hr: number | null;
  zone_method: UserZoneSettings["zoneMethod"];
  moderate_threshold: number | null;
  high_threshold: number | null;
}

/**
 * Locks the batch's workouts (in id order, so two transactions cannot
 * deadlock on them) and reads their owners' zone settings. The lock makes
 * recomputing a workout's minutes from its stored readings safe even if one
 * workout's readings ever arrive on two partitions at once.
 */
export async function lockWorkouts(db: Queryable, ids: readonly string[]): Promise<Map<string, RollupWorkout>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<WorkoutRow>(
    `SELECT w.id, w.user_id, w.device_id, w.started_at, u.birth_year, u.max_hr, u.resting_hr,
            u.zone_method::text AS zone_method, u.moderate_threshold, u.high_threshold
     FROM workouts w JOIN users u ON u.id = w.user_id
     WHERE w.id = ANY($1::uuid[]) ORDER BY w.id FOR UPDATE OF w`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, toRollupWorkout(row)]));
}

function toRollupWorkout(row: WorkoutRow): RollupWorkout {
  return {
    id: row.id,
    userId: row.user_id,
    deviceId: row.device_id,
    startedAt: row.started_at,
    user: {
      birthYear: row.birth_year,
      maxHr: row.max_hr,
      restingHr: row.resting_hr,
      zoneMethod: row.zone_method,
      moderateThreshold: row.moderate_threshold,
      highThreshold: row.high_threshold,
    },
  };
}
