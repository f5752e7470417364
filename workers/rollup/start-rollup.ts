import { Partitioners, type Admin, type Consumer, type Kafka } from "kafkajs";
import { Pool } from "pg";
import { getPrisma } from "@/lib/db/prisma";
import type { AppliedBatch } from "@/lib/rollup-worker/apply-batch";
import { ensureTopics } from "@/lib/rollup-worker/kafka-topics";
import { startHeartbeat, type Heartbeat } from "@/lib/workers/heartbeat";
import { createBatchHandler } from "./batch-handler";
import type { ResolvedOptions } from "./options";
import { trackPositions } from "./positions";
import { createRollupPublisher, type RollupPublisher } from "./publisher";
import { addBatch, formatStats, type RollupStats } from "./stats";

export interface RunningRollup {
  stop(): Promise<void>;
}

const log = (message: string) => console.log(`[rollup] ${message}`);

type Closers = (() => Promise<void>)[];

/**
 * Connects everything and starts consuming. Each resource registers how to
 * close it; stop() closes them in reverse, so the consumer goes first: it
 * finishes the batch in hand and leaves the group before the pool closes.
 */
export async function startRollup(opts: ResolvedOptions, kafka: Kafka, stats: RollupStats): Promise<RunningRollup> {
  const closers: Closers = [];
  const stop = async () => {
    for (const close of closers.splice(0).reverse()) {
      await close().catch((err: unknown) => log(`closing failed: ${String(err)}`));
    }
  };
  try {
    const pool = new Pool({ connectionString: opts.databaseUrl, max: opts.concurrency + 1 });
    // An idle connection dropped by a PostgreSQL restart is reported here;
    // unhandled, it would kill the process. The next batch reconnects.
    pool.on("error", (err) => log(`idle PostgreSQL connection failed: ${err.message}`));
    closers.push(() => pool.end());
    const { admin, publisher } = await connectKafka(opts, kafka, closers);
    const heartbeat = startHeartbeat(getPrisma(), opts.groupId, opts.heartbeatIntervalMs);
    closers.push(() => heartbeat.stop());
    closers.push(logProgress(stats, opts.statsIntervalMs));
    const consumer = await connectConsumer(opts, kafka, closers);
    const positions = trackPositions({
      consumer,
      pool,
      admin,
      heartbeat,
      topic: opts.topic,
      groupId: opts.groupId,
      log,
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: opts.concurrency,
      eachBatch: createBatchHandler({
        consumer,
        pool,
        groupId: opts.groupId,
        settings: opts.settings,
        publisher,
        positioned: positions.positioned,
        onApplied: (key, records, applied) => recordBatch(stats, heartbeat, key.partition, records, applied),
        log,
      }),
    });
    return { stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The admin client (topics, log starts) and the producer behind the DLQ and the updates. */
async function connectKafka(
  opts: ResolvedOptions,
  kafka: Kafka,
  closers: Closers,
): Promise<{ admin: Admin; publisher: RollupPublisher }> {
  const admin = kafka.admin();
  await admin.connect();
  closers.push(() => admin.disconnect());
  await ensureTopics(admin, [opts.topic, opts.dlqTopic, opts.updatesTopic], opts.partitions);
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  closers.push(() => producer.disconnect());
  const publisher = createRollupPublisher(producer, { dlq: opts.dlqTopic, updates: opts.updatesTopic }, log);
  return { admin, publisher };
}

async function connectConsumer(opts: ResolvedOptions, kafka: Kafka, closers: Closers): Promise<Consumer> {
  const consumer = kafka.consumer({
    groupId: opts.groupId,
    maxBytesPerPartition: opts.fetchMaxBytes,
    maxBytes: Math.max(10 * 1024 * 1024, 2 * opts.fetchMaxBytes),
    allowAutoTopicCreation: false,
    sessionTimeout: opts.sessionTimeoutMs,
    // Kafka's advice: a third of the session, so two missed beats do not end it.
    heartbeatInterval: Math.floor(opts.sessionTimeoutMs / 3),
  });
  await consumer.connect();
  closers.push(() => consumer.disconnect());
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) opts.onFatal(payload.error);
  });
  await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
  return consumer;
}

// Each batch repeats a user's unusable settings; the log needs them once per process.
const warned = new Set<string>();

function recordBatch(
  stats: RollupStats,
  heartbeat: Heartbeat,
  partition: number,
  records: number,
  applied: AppliedBatch,
) {
  const now = new Date();
  addBatch(stats, records, applied, now);
  heartbeat.markCommit(now);
  for (const warning of applied.warnings.filter((w) => !warned.has(w))) {
    warned.add(warning);
    log(warning);
  }
  if (applied.gapFrom !== null) log(`partition ${partition}: offsets from ${applied.gapFrom} were missing`);
}

/** Logs a progress line every interval in which something was applied. */
function logProgress(stats: RollupStats, intervalMs: number): () => Promise<void> {
  let previous = { ...stats };
  const timer = setInterval(() => {
    if (stats.batches === previous.batches) return;
    log(formatStats(stats, previous, intervalMs / 1000));
    previous = { ...stats };
  }, intervalMs);
  timer.unref();
  return () => Promise.resolve(clearInterval(timer));
}
