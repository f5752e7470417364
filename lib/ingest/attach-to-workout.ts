import type { AuthenticatedDevice } from "@/lib/devices/devices";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { NormalizedReading } from "@/lib/readings/reading-schema";
import { splitAtGaps } from "@/lib/sessions/plan-sessions";
import { createCoalescer, type Coalescer } from "./coalescer";

/** One request's readings, as the attach statement needs them. */
interface Attach {
  deviceId: string;
  /** The workout the readings name, or null for the device's open workout. */
  workoutId: string | null;
  /** The newest reading: last_reading_at moves up to it. */
  latest: number;
  /** Unnamed readings, cut into runs at gaps as planSessions cuts them: the end of the first run... */
  firstRunEnd: number;
  /** ...and the start of the last. */
  lastRunStart: number;
  sessionGapMs: number;
  /** Filled in by the statement: where the readings went, or null when the locked path must decide. */
  attachedTo: string | null;
}

// A statement and a commit per request cost more CPU (ours and PostgreSQL's)
// than the update itself; requests that arrive together share one.
const batches = new WeakMap<PrismaClient, Coalescer<Attach>>();

/**
 * The common case without the device lock: readings that all go to one
 * workout that already exists. Either they name it, or they name none and
 * every run of them (planSessions cuts them at gaps longer than the session
 * gap) touches the open workout's span [startedAt, lastReadingAt] widened
 * by the gap: planSessions then attaches them all to it and opens or closes
 * nothing. Only last_reading_at moves, forward, as in the locked path.
 *
 * Returns null when the readings need the locked path (several workouts, a
 * workout to open or close, an unknown workout id); that path decides alone
 * and also produces its errors.
 */
export async function attachToWorkout(
  prisma: PrismaClient,
  device: AuthenticatedDevice,
  readings: readonly NormalizedReading[],
  sessionGapMs: number,
): Promise<Map<string, NormalizedReading[]> | null> {
  const workoutIds = new Set(readings.map((r) => r.workoutId));
  if (workoutIds.size !== 1) return null;
  const [workoutId = null] = workoutIds;
  // The locked path groups unnamed readings in time order (a stable sort); so does this.
  const ordered = workoutId === null ? [...readings].sort((a, b) => a.ts - b.ts) : [...readings];
  const attach: Attach = {
    deviceId: device.id,
    workoutId,
    ...runBounds(ordered, workoutId === null, sessionGapMs),
    sessionGapMs,
    attachedTo: null,
  };
  await batchesFor(prisma).add(attach);
  return attach.attachedTo === null ? null : new Map([[attach.attachedTo, ordered]]);
}

/**
 * A run touches the span when it starts at most a gap after lastReadingAt
 * and ends at most a gap before startedAt. Runs are in time order, so all
 * touch when the last one starts early enough and the first ends late
 * enough. Named readings need no runs: the statement ignores them.
 */
function runBounds(ordered: readonly NormalizedReading[], unnamed: boolean, sessionGapMs: number) {
  const latest = ordered.reduce((max, r) => Math.max(max, r.ts), -Infinity);
  if (!unnamed) return { latest, firstRunEnd: latest, lastRunStart: latest };
  const runs = splitAtGaps(ordered, sessionGapMs);
  return { latest, firstRunEnd: runs[0]?.at(-1)?.ts ?? latest, lastRunStart: runs.at(-1)?.[0]?.ts ?? latest };
}

function batchesFor(prisma: PrismaClient): Coalescer<Attach> {
  let coalescer = batches.get(prisma);
  if (!coalescer) {
    coalescer = createCoalescer((attaches) => attachAll(prisma, attaches), { lingerMs: 0, maxItems: 256 });
    batches.set(prisma, coalescer);
  }
  return coalescer;
}

async function attachAll(prisma: PrismaClient, attaches: Attach[]): Promise<void> {
  for (const round of roundsByDevice(attaches)) await attachRound(prisma, round);
}

/**
 * Splits attaches so that a device appears at most once per statement, in
 * arrival order: an UPDATE that meets one workout row twice applies only one.
 */
function roundsByDevice(attaches: Attach[]): Attach[][] {
  const rounds: { devices: Set<string>; attaches: Attach[] }[] = [];
  for (const attach of attaches) {
    let round = rounds.find((r) => !r.devices.has(attach.deviceId));
    if (!round) rounds.push((round = { devices: new Set(), attaches: [] }));
    round.devices.add(attach.deviceId);
    round.attaches.push(attach);
  }
  return rounds.map((r) => r.attaches);
}

/**
 * One UPDATE for the round. The open workout is the device's newest ACTIVE
 * one, as in the locked path. The span conditions are on the updated row,
 * so PostgreSQL re-checks them if a concurrent transaction changed it
 * first: had the locked path closed the workout meanwhile, nothing matches
 * and those readings take the locked path.
 */
async function attachRound(prisma: PrismaClient, round: Attach[]): Promise<void> {
  // ISO strings: an explicit zone, whatever the session's TimeZone.
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows = await prisma.$queryRaw<{ device_id: string; id: string }[]>`
    WITH input AS (
      SELECT * FROM unnest(${round.map((a) => a.deviceId)}::uuid[], ${round.map((a) => a.workoutId)}::uuid[],
                           ${round.map((a) => iso(a.latest))}::timestamptz[], ${round.map((a) => iso(a.firstRunEnd))}::timestamptz[],
                           ${round.map((a) => iso(a.lastRunStart))}::timestamptz[], ${round.map((a) => a.sessionGapMs)}::float8[])
        AS t(device_id, workout_id, latest, first_run_end, last_run_start, gap_ms)
    ), target AS (
      SELECT i.*, COALESCE(i.workout_id, (SELECT o.id FROM workouts o WHERE o.device_id = i.device_id AND o.status = 'ACTIVE'
                                          ORDER BY o.started_at DESC LIMIT 1)) AS id
      FROM input i
    )
    UPDATE workouts w
    SET last_reading_at = GREATEST(COALESCE(w.last_reading_at, t.latest), t.latest)
    FROM target t
    WHERE w.id = t.id AND w.device_id = t.device_id
      AND (t.workout_id IS NOT NULL OR (
        w.status = 'ACTIVE'
        AND t.first_run_end >= w.started_at - t.gap_ms * interval '1 millisecond'
        AND t.last_run_start <= COALESCE(w.last_reading_at, w.started_at) + t.gap_ms * interval '1 millisecond'))
    RETURNING t.device_id, w.id`;
  const attachedTo = new Map(rows.map((r) => [r.device_id, r.id]));
  for (const attach of round) {
    const id = attachedTo.get(attach.deviceId);
    // A named workout keeps the id as the readings spell it, as the locked path's groups do.
    attach.attachedTo = id === undefined ? null : (attach.workoutId ?? id);
  }
}
