import type { Admin, Consumer, EachBatchPayload, Kafka } from "kafkajs";
import type { Heartbeat } from "@/lib/workers/heartbeat";
import { flushReason, type FlushPolicy } from "./flush-policy";
import { createGroupFence } from "./lake-group-fence";
import { consoleLakeLog, describeError, type LakeLog } from "./lake-log";
import { flushPartition, type FlushContext, type LakeWriterStats, type OwnedPartition } from "./lake-partition-flush";
import { takeOverPartitions } from "./lake-recovery";
import { bufferKafkaMessage } from "./lake-rows";
import { PartitionBuffer } from "./partition-buffer";
import { createSerial } from "./serial";
import type { WebHdfsClient } from "./webhdfs";

export interface LakeWriterOptions {
  kafka: Kafka;
  hdfs: WebHdfsClient;
  topic: string;
  groupId: string;
  /** The table and the directory of files being written (PipelineNames["lake"]). */
  lake: { readings: string; tmp: string };
  policy: FlushPolicy;
  /** Kafka consumer session; a killed instance's partitions move on after this long. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** How long stop() keeps retrying a flush (HDFS away) before abandoning it. */
  stopTimeoutMs?: number;
  /** The worker_heartbeats row: partitions held, last commit. */
  heartbeat?: Heartbeat;
  log?: LakeLog;
}

export interface LakeWriter {
  start(): Promise<void>;
  /** Lands what is buffered (or abandons it after stopTimeoutMs), then leaves the group. */
  stop(): Promise<void>;
  stats(): Readonly<LakeWriterStats>;
  /** Partitions held now: lake position once recovered, readings buffered. */
  partitions(): { partition: number; landed: number | null; buffered: number }[];
}

/**
 * Lands the readings topic in HDFS as Parquet, exactly once. Each partition
 * is buffered and flushed by count, bytes or age into a file named for its
 * offset range; the rename of that file into the table is the commit, and a
 * partition's position is read back from those names whenever it is
 * assigned, so a crash at any instant leaves every offset in exactly one
 * file. Kafka offsets are committed too, but only so lag can be watched.
 */
export function createLakeWriter(options: LakeWriterOptions): LakeWriter {
  const { kafka, hdfs, topic, policy } = options;
  const log = options.log ?? consoleLakeLog("lake-writer");
  const stats: LakeWriterStats = {
    filesLanded: 0,
    readingsLanded: 0,
    messagesLanded: 0,
    poisonMessages: 0,
    flushRetries: 0,
    abandonedFlushes: 0,
  };
  const serial = createSerial();
  const owned = new Map<number, OwnedPartition>();
  let consumer: Consumer | undefined;
  let admin: Admin | undefined;
  let ageTimer: NodeJS.Timeout | undefined;
  let ageCheckQueued = false;
  let stopDeadline = Number.POSITIVE_INFINITY;
  let stopping = false;

  const fence = createGroupFence(topic, () => consumer);
  const isOwner = (s: OwnedPartition) => fence.holds(s.epoch) && owned.get(s.partition) === s;
  const ctx: FlushContext = {
    hdfs,
    topic,
    lake: options.lake,
    log,
    stats,
    isOwner,
    fence: (s) => fence.prove(s, isOwner),
    mayRetry: () => Date.now() < stopDeadline,
    heartbeat: () => fence.heartbeat(),
    landed: async (s) => {
      options.heartbeat?.markCommit();
      await fence.commitForLag(s.partition, s.landed).catch((err: unknown) => {
        log.warn(`commit of ${topic}/${s.partition}@${s.landed} (lag monitoring only) failed: ${describeError(err)}`);
      });
    },
  };

  function onAssigned(partitions: number[], epoch: number) {
    // Whatever was buffered under the old assignment is dropped, not landed:
    // the partition may be someone else's now. It is read again from the lake.
    owned.clear();
    for (const partition of partitions) {
      owned.set(partition, { partition, epoch, recovered: false, landed: 0, next: 0, buffer: new PartitionBuffer() });
    }
    options.heartbeat?.setPartitions(partitions);
    log.info(`assigned ${topic} partitions [${partitions.join(", ")}]`);
    void serial(() => recover(epoch)).catch((err: unknown) => log.warn(`recovery stopped: ${describeError(err)}`));
  }

  /** Reads the positions of the partitions of `epoch` from the lake and seeks there. */
  async function recover(epoch: number) {
    const states = [...owned.values()].filter((s) => s.epoch === epoch && !s.recovered);
    if (states.length === 0 || !admin || !consumer) return;
    const kafkaConsumer = consumer;
    await takeOverPartitions(
      {
        hdfs,
        admin,
        topic,
        lake: options.lake,
        log,
        isOwner,
        stopping: () => stopping,
        heartbeat: () => fence.heartbeat(),
        seek: (partition, offset) => kafkaConsumer.seek({ topic, partition, offset: String(offset) }),
      },
      states,
    );
  }

  async function takeBatch({ batch, resolveOffset, isStale }: EachBatchPayload) {
    const state = owned.get(batch.partition);
    if (!state || stopping || !isOwner(state)) return;
    if (!state.recovered) return recover(state.epoch);
    for (const message of batch.messages) {
      if (isStale() || stopping || !isOwner(state)) return;
      const offset = Number(message.offset);
      resolveOffset(message.offset);
      if (offset < state.next) continue;
      const { entry, failure } = bufferKafkaMessage(message);
      if (failure) {
        stats.poisonMessages += 1;
        log.warn(`poison message ${topic}/${batch.partition}@${offset} skipped (${failure.reason}): ${failure.detail}`);
      }
      state.buffer.append(entry, Date.now());
      state.next = offset + 1;
      const reason = flushReason(state.buffer.stats(), policy, Date.now());
      if (reason) await flush(state, reason);
    }
  }

  /** Flushes one partition; after an abandoned file, re-reads its position from the lake. */
  async function flush(state: OwnedPartition, trigger: string): Promise<boolean> {
    if (await flushPartition(ctx, state, trigger)) return true;
    state.buffer.clear();
    if (isOwner(state)) {
      state.recovered = false;
      await recover(state.epoch);
    }
    return false;
  }

  /** Lands every buffer (on stop and on revocation), and says which partitions it landed. */
  async function flushAll(trigger: "stop" | "revocation") {
    const landed: number[] = [];
    for (const s of owned.values()) {
      if (!s.recovered || !isOwner(s) || s.buffer.stats().messages === 0) continue;
      if (await flush(s, trigger)) landed.push(s.partition);
    }
    if (landed.length) log.info(`${trigger}: landed the buffers of partitions [${landed.join(", ")}]`);
  }

  function checkAges() {
    const now = Date.now();
    const due = [...owned.values()].filter((s) => s.recovered && flushReason(s.buffer.stats(), policy, now));
    if (ageCheckQueued || stopping || due.length === 0) return;
    ageCheckQueued = true;
    serial(async () => {
      for (const s of due) if (isOwner(s) && flushReason(s.buffer.stats(), policy, Date.now())) await flush(s, "age");
    })
      .catch((err: unknown) => log.info(`age flush interrupted: ${describeError(err)}`))
      .finally(() => (ageCheckQueued = false));
  }

  return {
    async start() {
      admin = kafka.admin();
      await admin.connect();
      consumer = kafka.consumer({
        groupId: options.groupId,
        sessionTimeout: options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: options.heartbeatIntervalMs ?? 3_000,
        allowAutoTopicCreation: false,
        // Also how long stop() may wait for a fetch in flight.
        maxWaitTimeInMs: 1_000,
      });
      fence.attach(consumer, onAssigned);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: async (payload) => {
          fence.useHeartbeat(payload.heartbeat);
          await serial(() => takeBatch(payload));
          // A rebalance noticed here is a revocation we can still act on:
          // the group waits for this member, so the buffers land first.
          await fence.heartbeatOr(() => serial(() => flushAll("revocation")));
        },
      });
      ageTimer = setInterval(checkAges, Math.max(50, Math.min(1_000, policy.maxAgeMs / 4)));
      ageTimer.unref();
    },

    async stop() {
      if (!consumer || stopping) return;
      stopping = true;
      stopDeadline = Date.now() + (options.stopTimeoutMs ?? 10_000);
      clearInterval(ageTimer);
      await serial(() => flushAll("stop")).catch((err: unknown) => log.warn(`stop flush: ${describeError(err)}`));
      await consumer.disconnect();
      await admin?.disconnect();
      await options.heartbeat?.stop();
      log.info(`stopped: ${JSON.stringify(stats)}`);
    },

    stats: () => ({ ...stats }),
    partitions: () =>
      [...owned.values()].map((s) => ({
        partition: s.partition,
        landed: s.recovered ? s.landed : null,
        buffered: s.buffer.stats().readings,
      })),
  };
}
