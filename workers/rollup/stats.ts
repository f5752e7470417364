import type { AppliedBatch } from "@/lib/rollup-worker/apply-batch";

/** Running totals of one worker instance, for logs and tests. */
export interface RollupStats {
  batches: number;
  records: number;
  /** Readings in fresh records of known workouts. */
  readings: number;
  /** Readings stored for the first time. */
  inserted: number;
  /** Readings already stored (retries, replays): counted once, by the first. */
  duplicates: number;
  /** Records below PostgreSQL's offset, applied before. */
  skipped: number;
  poison: number;
  lastCommitAt: Date | null;
}

export function createStats(): RollupStats {
  return { batches: 0, records: 0, readings: 0, inserted: 0, duplicates: 0, skipped: 0, poison: 0, lastCommitAt: null };
}

export function addBatch(stats: RollupStats, records: number, applied: AppliedBatch, at: Date): void {
  stats.batches += 1;
  stats.records += records;
  stats.readings += applied.readings;
  stats.inserted += applied.inserted;
  stats.duplicates += applied.readings - applied.inserted;
  stats.skipped += applied.skipped;
  stats.poison += applied.poison.length;
  stats.lastCommitAt = at;
}

/** A progress line: totals and the rate since the previous line. */
export function formatStats(stats: RollupStats, previous: RollupStats, seconds: number): string {
  const rate = Math.round((stats.inserted - previous.inserted) / seconds);
  return (
    `${stats.inserted} readings stored (${rate}/s), ${stats.duplicates} duplicates, ` +
    `${stats.skipped} records skipped, ${stats.poison} dead letters, ${stats.batches} batches`
  );
}
