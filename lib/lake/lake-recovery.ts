import type { Admin } from "kafkajs";
import { deleteStaleTempFiles, listLakeFiles } from "./lake-hdfs";
import { describeError, type LakeLog } from "./lake-log";
import type { OwnedPartition } from "./lake-partition-flush";
import { recoverPositions } from "./partition-positions";
import { retryWithBackoff } from "./retry";
import type { WebHdfsClient } from "./webhdfs";

/** What a writer found when it took over some partitions. */
export interface Recovery {
  /** Next offset to read, per partition. */
  positions: Map<number, number>;
  /** Temporary files of these partitions that a previous owner left, now deleted. */
  deletedTempFiles: string[];
  /** Partitions whose next offset Kafka no longer has (retention ran ahead of the lake). */
  behindRetention: number[];
  lakeFiles: number;
}

/**
 * Takes over partitions: deletes what a previous owner left half-written,
 * then reads each partition's position from the lake's file names. Temp
 * files go first, so a late rename by a previous owner either happened
 * before the listing (and is counted) or fails for want of its source.
 * Partitions with nothing in the lake start from Kafka's earliest offset.
 */
export async function recoverFromLake(
  hdfs: WebHdfsClient,
  admin: Admin,
  topic: string,
  lake: { readings: string; tmp: string },
  partitions: readonly number[],
): Promise<Recovery> {
  const deletedTempFiles = await deleteStaleTempFiles(hdfs, lake.tmp, topic, new Set(partitions));
  const files = await listLakeFiles(hdfs, lake.readings);
  const fromLake = recoverPositions(
    files.map((f) => f.name),
    topic,
    partitions,
  );
  const earliest = new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.low)]));
  const positions = new Map<number, number>();
  const behindRetention: number[] = [];
  for (const [partition, landed] of fromLake) {
    const low = earliest.get(partition) ?? 0;
    if (landed !== null && landed < low) behindRetention.push(partition);
    positions.set(partition, Math.max(landed ?? low, low));
  }
  return { positions, deletedTempFiles, behindRetention, lakeFiles: files.length };
}

/** What taking over partitions needs from the writer. */
export interface TakeOverContext {
  hdfs: WebHdfsClient;
  admin: Admin;
  topic: string;
  lake: { readings: string; tmp: string };
  log: LakeLog;
  isOwner(state: OwnedPartition): boolean;
  stopping(): boolean;
  /** Keeps the Kafka session alive while HDFS is retried; throws on a rebalance. */
  heartbeat(): Promise<void>;
  /** Where kafkajs fetches the partition from next. */
  seek(partition: number, offset: number): void;
}

/**
 * Recovers the given partitions' positions (retrying while HDFS or Kafka is
 * away, for as long as they are still owned) and points the consumer there.
 */
export async function takeOverPartitions(ctx: TakeOverContext, states: OwnedPartition[]): Promise<void> {
  const partitions = states.map((s) => s.partition);
  const result = await retryWithBackoff(() => recoverFromLake(ctx.hdfs, ctx.admin, ctx.topic, ctx.lake, partitions), {
    stillWanted: () => states.every(ctx.isOwner) && !ctx.stopping(),
    isFinal: () => false,
    onRetry: async (err, attempt, delay) => {
      if (attempt % 10 === 0) ctx.log.warn(`recovery failed (${describeError(err)}); retrying in ${delay} ms`);
      await ctx.heartbeat();
    },
  });
  if (!result.ok || !states.every(ctx.isOwner)) return;
  const { positions, deletedTempFiles, behindRetention, lakeFiles } = result.value;
  for (const s of states) {
    const position = positions.get(s.partition) ?? 0;
    // Seek first: a partition only counts as recovered once kafkajs will read from there.
    ctx.seek(s.partition, position);
    Object.assign(s, { landed: position, next: position, recovered: true });
  }
  if (behindRetention.length) ctx.log.error(`partitions [${behindRetention}]: Kafka retention ran ahead of the lake`);
  const where = states.map((s) => `${s.partition}@${s.landed}`).join(", ");
  ctx.log.info(`recovered from ${lakeFiles} lake files: ${where}; deleted ${deletedTempFiles.length} stale temp files`);
}
