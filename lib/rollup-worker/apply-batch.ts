import type { Pool } from "pg";
import { dedupeReadings } from "@/lib/rollups/dedupe";
import type { PoisonRecord, SourceRecord } from "./batch-types";
import { getWorkoutIds, toBatchReadings } from "./batch-readings";
import { lockStoredOffset, saveOffset, type PartitionKey } from "./db/consumer-offsets";
import { insertDeadLetters } from "./db/dead-letters";
import { inTransaction } from "./db/transaction";
import { lockWorkouts } from "./db/workouts";
import { decodeRecords, selectFreshRecords } from "./decode-batch";
import { storeReadings, type RollupSettings } from "./store-readings";
import type { WorkoutTotals } from "./workout-update";

export interface ApplyBatchDeps {
  pool: Pool;
  settings: RollupSettings;
  /**
   * Puts poison on the dead-letter topic, called inside the transaction
   * before it commits: a crash in between publishes a record twice (the DLQ
   * is at least once) but never loses one; dead_letters holds it once.
   */
  publishPoison(poison: readonly PoisonRecord[]): Promise<void>;
}

/** What one batch did. */
export interface AppliedBatch {
  /** Where the partition continues: one past the batch's last offset. */
  nextOffset: number;
  /** The offset PostgreSQL had before, when the batch started past it (a gap: retention deleted messages). */
  gapFrom: number | null;
  skipped: number;
  readings: number;
  inserted: number;
  poison: PoisonRecord[];
  /** Totals of every workout that got new readings, for the live updates. */
  totals: WorkoutTotals[];
  /** Users whose zone settings could not be used as they are (see resolveThresholds). */
  warnings: string[];
}

/**
 * Applies one partition's batch in ONE transaction: readings, minutes,
 * summaries, dead letters and the partition's next offset commit together or
 * not at all, so a crash at any point neither loses nor double counts.
 */
export async function applyBatch(
  deps: ApplyBatchDeps,
  key: PartitionKey,
  batch: { records: readonly SourceRecord[]; nextOffset: number },
): Promise<AppliedBatch> {
  const decodings = decodeRecords(batch.records);
  return inTransaction(deps.pool, async (db) => {
    const stored = await lockStoredOffset(db, key);
    const fresh = selectFreshRecords(decodings, stored);
    const applied = emptyResult(batch.nextOffset, fresh.skipped);
    if (fresh.firstOffset === null) return applied;
    applied.gapFrom = stored !== null && fresh.firstOffset > stored ? stored : null;
    const workouts = await lockWorkouts(db, getWorkoutIds(fresh.decoded));
    const { readings, poison } = toBatchReadings(fresh.decoded, workouts);
    applied.poison = [...fresh.poison, ...poison].sort((a, b) => a.record.offset - b.record.offset);
    if (applied.poison.length > 0) await deps.publishPoison(applied.poison);
    const stats = await storeReadings(db, deps.settings, key.partition, dedupeReadings(readings).accepted, workouts);
    await insertDeadLetters(db, key, applied.poison);
    await saveOffset(db, key, applied.nextOffset);
    return { ...applied, ...stats, readings: readings.length };
  });
}

function emptyResult(nextOffset: number, skipped: number): AppliedBatch {
  return { nextOffset, gapFrom: null, skipped, readings: 0, inserted: 0, poison: [], totals: [], warnings: [] };
}
