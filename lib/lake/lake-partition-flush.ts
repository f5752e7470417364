import { randomBytes } from "node:crypto";
import { dtDirName, formatLakeFileName, formatTempFileName, utcDay } from "./lake-file-name";
import { planLakeFiles, type LakeFilePlan } from "./lake-file-plan";
import { landLakeFile, LandingConflictError } from "./lake-hdfs";
import type { LakeLog } from "./lake-log";
import { describeError } from "./lake-log";
import { encodeLakeFile } from "./lake-parquet";
import { toLakeColumns } from "./lake-rows";
import type { PartitionBuffer } from "./partition-buffer";
import { retryWithBackoff } from "./retry";
import type { WebHdfsClient } from "./webhdfs";

/** A partition this writer instance owns in the current group generation. */
export interface OwnedPartition {
  partition: number;
  /** The writer's count of group assignments when it got the partition. */
  epoch: number;
  /** Whether its position has been read from the lake yet. */
  recovered: boolean;
  /** Next offset not in the lake: everything before it has landed. */
  landed: number;
  /** Next offset to take into the buffer. */
  next: number;
  buffer: PartitionBuffer;
}

/** Counters the writer keeps, for logs, tests and the benchmark. */
export interface LakeWriterStats {
  filesLanded: number;
  readingsLanded: number;
  messagesLanded: number;
  poisonMessages: number;
  flushRetries: number;
  abandonedFlushes: number;
}

/** The partition was lost (or the group is rebalancing): its buffer must not land. */
export class FencedError extends Error {
  override name = "FencedError";
}

/** What a flush needs from the writer around it. */
export interface FlushContext {
  hdfs: WebHdfsClient;
  topic: string;
  lake: { readings: string; tmp: string };
  log: LakeLog;
  stats: LakeWriterStats;
  /** Whether the partition still belongs to this instance and may land files. */
  isOwner(state: OwnedPartition): boolean;
  /** Proves ownership just before a rename; throws FencedError when it is gone. */
  fence(state: OwnedPartition): Promise<void>;
  /** False once retrying should stop (stop() deadline). */
  mayRetry(): boolean;
  /** Keeps the Kafka session alive while HDFS is retried; throws on a rebalance. */
  heartbeat(): Promise<void>;
  /** A file landed: commit the offset for lag monitoring, mark the worker heartbeat. */
  landed(state: OwnedPartition): Promise<void>;
}

/**
 * Lands a partition's buffer: one file per day run (usually one), each
 * written, fenced and renamed in offset order, retried while HDFS is away.
 * Returns false when a file was abandoned: the partition was lost, another
 * writer landed first, or stop() ran out of time. What did not land stays
 * out of the lake and is read again from the lake's position.
 */
export async function flushPartition(ctx: FlushContext, state: OwnedPartition, trigger: string): Promise<boolean> {
  const now = Date.now();
  const plans = planLakeFiles(state.buffer.messages, utcDay, utcDay(now) ?? "1970-01-01");
  for (const plan of plans) {
    if (!(await landPlan(ctx, state, plan, trigger))) return false;
    state.buffer.dropThrough(plan.lastOffset);
    state.landed = plan.lastOffset + 1;
    ctx.stats.filesLanded += 1;
    ctx.stats.readingsLanded += plan.readings;
    ctx.stats.messagesLanded += plan.messages.length;
    await ctx.landed(state);
  }
  return true;
}

async function landPlan(ctx: FlushContext, state: OwnedPartition, plan: LakeFilePlan, trigger: string) {
  const range = {
    topic: ctx.topic,
    partition: state.partition,
    firstOffset: plan.firstOffset,
    lastOffset: plan.lastOffset,
  };
  const fileName = formatLakeFileName(range);
  const bytes = encodeLakeFile(toLakeColumns(plan.messages, state.partition));
  const landing = {
    tmpDir: ctx.lake.tmp,
    tmpName: formatTempFileName(range, randomBytes(4).toString("hex")),
    dayDir: `${ctx.lake.readings}/${dtDirName(plan.day)}`,
    fileName,
    bytes,
    fence: () => ctx.fence(state),
  };
  const result = await retryWithBackoff(() => landLakeFile(ctx.hdfs, landing), {
    stillWanted: () => ctx.isOwner(state) && ctx.mayRetry(),
    isFinal: (err) => err instanceof LandingConflictError || err instanceof FencedError,
    onRetry: async (err, attempt, delay) => {
      ctx.stats.flushRetries += 1;
      if (attempt % 10 === 0)
        ctx.log.warn(`landing ${fileName} failed (${describeError(err)}); retrying in ${delay} ms`);
      await ctx.heartbeat();
    },
  });
  if (!result.ok) {
    ctx.stats.abandonedFlushes += 1;
    ctx.log.warn(
      `abandoned ${fileName} (${trigger} flush): ${describeError(result.error)}; it is read again from the lake's position`,
    );
  }
  return result.ok;
}
