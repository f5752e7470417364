import type { Queryable } from "./queryable";

/** Identifies one consumed partition in consumer_offsets. */
export interface PartitionKey {
  groupId: string;
  topic: string;
  partition: number;
}

/**
 * The stored next offset, row-locked until the transaction ends: when a
 * rebalance briefly lets two instances hold a partition, the second waits and
 * then sees the first's progress. (A partition's very first batch has no row
 * to lock; applying it twice is still harmless, since every write is
 * idempotent: readings and dead letters on conflict do nothing, minutes are
 * recomputed from stored readings, and the offset only moves forward.)
 */
export async function lockStoredOffset(db: Queryable, key: PartitionKey): Promise<number | null> {
  const { rows } = await db.query<{ offset: string }>(
    `SELECT "offset" FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
    [key.groupId, key.topic, key.partition],
  );
  return rows[0] ? Number(rows[0].offset) : null;
}

/** Stores the next offset to consume; never moves it back, so a stale transaction cannot undo progress. */
export async function saveOffset(db: Queryable, key: PartitionKey, nextOffset: number): Promise<void> {
  await db.query(
    `INSERT INTO consumer_offsets (group_id, topic, partition, "offset", updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (group_id, topic, partition)
     DO UPDATE SET "offset" = GREATEST(consumer_offsets."offset", EXCLUDED."offset"), updated_at = now()`,
    [key.groupId, key.topic, key.partition, nextOffset],
  );
}

/** Every stored next offset of a group's topic, by partition. */
export async function readStoredOffsets(db: Queryable, groupId: string, topic: string): Promise<Map<number, number>> {
  const { rows } = await db.query<{ partition: number; offset: string }>(
    `SELECT partition, "offset" FROM consumer_offsets WHERE group_id = $1 AND topic = $2`,
    [groupId, topic],
  );
  return new Map(rows.map((r) => [r.partition, Number(r.offset)]));
}
