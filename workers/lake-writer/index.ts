import { pathToFileURL } from "node:url";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/prisma";
import { createKafka } from "@/lib/kafka/client";
import type { FlushPolicy } from "@/lib/lake/flush-policy";
import { consoleLakeLog, type LakeLog } from "@/lib/lake/lake-log";
import type { LakeWriterStats } from "@/lib/lake/lake-partition-flush";
import { createLakeWriter, type LakeWriter } from "@/lib/lake/lake-writer";
import { createWebHdfsClient } from "@/lib/lake/webhdfs";
import { pipelineNames } from "@/lib/pipeline/names";
import { startHeartbeat } from "@/lib/workers/heartbeat";
import { runWorker, type Worker } from "../run-worker";

/** Overrides for tests and benchmarks; everything else comes from the environment. */
export interface LakeWorkerOptions {
  /** Defaults to PIPELINE_NAMESPACE. */
  namespace?: string;
  topic?: string;
  groupId?: string;
  lake?: { readings: string; tmp: string };
  policy?: Partial<FlushPolicy>;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  stopTimeoutMs?: number;
  /** Keep a worker_heartbeats row (needs PostgreSQL); on by default. */
  heartbeats?: boolean;
  log?: LakeLog;
}

export type LakeWorker = Worker & Pick<LakeWriter, "stats" | "partitions">;

/** The lake writer: readings topic → Parquet files in HDFS, exactly once per offset. */
export function createWorker(options: LakeWorkerOptions = {}): LakeWorker {
  const config = getConfig();
  const names = pipelineNames(options.namespace ?? config.PIPELINE_NAMESPACE);
  const groupId = options.groupId ?? names.groups.lakeWriter;
  let writer: LakeWriter | undefined;
  const zero: LakeWriterStats = {
    filesLanded: 0,
    readingsLanded: 0,
    messagesLanded: 0,
    poisonMessages: 0,
    flushRetries: 0,
    abandonedFlushes: 0,
  };
  return {
    async start() {
      writer = createLakeWriter({
        kafka: createKafka({ clientId: `${config.KAFKA_CLIENT_ID}-lake-writer` }),
        hdfs: createWebHdfsClient({
          baseUrl: config.WEBHDFS_URL,
          user: config.HDFS_USER,
          timeoutMs: config.LAKE_HDFS_TIMEOUT_MS,
        }),
        topic: options.topic ?? names.topics.readings,
        groupId,
        lake: options.lake ?? names.lake,
        policy: {
          maxReadings: options.policy?.maxReadings ?? config.LAKE_FLUSH_MAX_READINGS,
          maxBytes: options.policy?.maxBytes ?? config.LAKE_FLUSH_MAX_BYTES,
          maxAgeMs: options.policy?.maxAgeMs ?? config.LAKE_FLUSH_MAX_AGE_MS,
        },
        sessionTimeoutMs: options.sessionTimeoutMs ?? config.LAKE_KAFKA_SESSION_TIMEOUT_MS,
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? config.LAKE_KAFKA_HEARTBEAT_INTERVAL_MS,
        stopTimeoutMs: options.stopTimeoutMs ?? config.LAKE_STOP_TIMEOUT_MS,
        heartbeat: options.heartbeats === false ? undefined : startHeartbeat(getPrisma(), groupId),
        log: options.log ?? consoleLakeLog("lake-writer", config.LOG_LEVEL),
      });
      await writer.start();
    },
    stop: async () => writer?.stop(),
    stats: () => writer?.stats() ?? zero,
    partitions: () => writer?.partitions() ?? [],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runWorker("lake-writer", createWorker());
}
