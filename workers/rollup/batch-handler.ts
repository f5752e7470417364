import type { Consumer, EachBatchHandler, KafkaMessage } from "kafkajs";
import type { Pool } from "pg";
import { applyBatch, type AppliedBatch } from "@/lib/rollup-worker/apply-batch";
import type { SourceRecord } from "@/lib/rollup-worker/batch-types";
import type { PartitionKey } from "@/lib/rollup-worker/db/consumer-offsets";
import type { RollupSettings } from "@/lib/rollup-worker/store-readings";
import type { RollupPublisher } from "./publisher";

export interface BatchHandlerContext {
  consumer: Consumer;
  pool: Pool;
  groupId: string;
  settings: RollupSettings;
  publisher: RollupPublisher;
  /** Resolves once the partitions of the current assignment were sought to PostgreSQL's offsets. */
  positioned(): Promise<void>;
  onApplied(key: PartitionKey, records: number, applied: AppliedBatch): void;
  log(message: string): void;
}

/**
 * One partition's batch: applied in one PostgreSQL transaction, then (only
 * then) marked consumed in kafkajs, committed to Kafka for lag monitoring,
 * and announced on workout.updates. A batch fetched before the assignment's
 * seek, or while stopping, is dropped unapplied: it is fetched again.
 */
export function createBatchHandler(ctx: BatchHandlerContext): EachBatchHandler {
  return async ({ batch, resolveOffset, isRunning, isStale }) => {
    await ctx.positioned();
    if (!isRunning() || isStale() || batch.messages.length === 0) return;
    const key = { groupId: ctx.groupId, topic: batch.topic, partition: batch.partition };
    const records = batch.messages.map(toSourceRecord);
    // lastOffset(), not the last message's: kafkajs hides transaction markers, and the position must pass them.
    const nextOffset = Number(batch.lastOffset()) + 1;
    const applied = await applyBatch(
      { pool: ctx.pool, settings: ctx.settings, publishPoison: (poison) => ctx.publisher.publishPoison(key, poison) },
      key,
      { records, nextOffset },
    );
    resolveOffset(batch.lastOffset());
    ctx.onApplied(key, records.length, applied);
    await commitKafkaOffset(ctx, key, applied.nextOffset);
    await ctx.publisher.publishUpdates(applied.totals);
  };
}

function toSourceRecord(message: KafkaMessage): SourceRecord {
  return { offset: Number(message.offset), key: message.key, value: message.value, headers: message.headers ?? {} };
}

/** Kafka's copy of the position is for lag dashboards only; PostgreSQL's is the truth, so a failure is just logged. */
async function commitKafkaOffset(ctx: BatchHandlerContext, key: PartitionKey, nextOffset: number) {
  try {
    await ctx.consumer.commitOffsets([{ topic: key.topic, partition: key.partition, offset: String(nextOffset) }]);
  } catch (err) {
    ctx.log(`committing offset ${nextOffset} of partition ${key.partition} to Kafka failed: ${String(err)}`);
  }
}
