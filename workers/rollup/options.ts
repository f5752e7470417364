import { getConfig } from "@/lib/config";
import { pipelineNames } from "@/lib/pipeline/names";
import type { RollupSettings } from "@/lib/rollup-worker/store-readings";

/** What a caller (a test, or the process entry point) may override; the rest comes from the config. */
export interface RollupWorkerOptions {
  /** Suffix of every topic and group name (default: PIPELINE_NAMESPACE). */
  namespace?: string;
  /** The readings topic to consume (default: the namespace's). */
  topic?: string;
  /** The consumer group (default: the namespace's rollup group). */
  groupId?: string;
  dlqTopic?: string;
  updatesTopic?: string;
  /** ROLLUP_MAX_GAP_MS. */
  maxGapMs?: number;
  /** ROLLUP_DEFAULT_AGE. */
  defaultAge?: number;
  /** ROLLUP_CONCURRENCY. */
  concurrency?: number;
  /** ROLLUP_FETCH_MAX_BYTES. */
  fetchMaxBytes?: number;
  /** ROLLUP_KAFKA_SESSION_TIMEOUT_MS. */
  sessionTimeoutMs?: number;
  /** How often the worker_heartbeats row is refreshed. */
  heartbeatIntervalMs?: number;
  /** How often a progress line is logged while batches are applied. */
  statsIntervalMs?: number;
  /** Called when kafkajs gives up on the consumer for good (the process entry point exits). */
  onFatal?: (error: Error) => void;
}

export interface ResolvedOptions {
  topic: string;
  groupId: string;
  dlqTopic: string;
  updatesTopic: string;
  /** Partitions for topics the worker has to create. */
  partitions: number;
  databaseUrl: string;
  settings: RollupSettings;
  concurrency: number;
  fetchMaxBytes: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  statsIntervalMs: number;
  onFatal: (error: Error) => void;
}

export function resolveOptions(options: RollupWorkerOptions): ResolvedOptions {
  const config = getConfig();
  const names = pipelineNames(options.namespace ?? config.PIPELINE_NAMESPACE);
  return {
    topic: options.topic ?? names.topics.readings,
    groupId: options.groupId ?? names.groups.rollup,
    dlqTopic: options.dlqTopic ?? names.topics.readingsDlq,
    updatesTopic: options.updatesTopic ?? names.topics.workoutUpdates,
    partitions: config.KAFKA_READINGS_PARTITIONS,
    databaseUrl: config.DATABASE_URL,
    settings: {
      maxGapMs: options.maxGapMs ?? config.ROLLUP_MAX_GAP_MS,
      defaultAge: options.defaultAge ?? config.ROLLUP_DEFAULT_AGE,
    },
    concurrency: options.concurrency ?? config.ROLLUP_CONCURRENCY,
    fetchMaxBytes: options.fetchMaxBytes ?? config.ROLLUP_FETCH_MAX_BYTES,
    sessionTimeoutMs: options.sessionTimeoutMs ?? config.ROLLUP_KAFKA_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 5_000,
    statsIntervalMs: options.statsIntervalMs ?? 10_000,
    onFatal: options.onFatal ?? ((error) => console.error("[rollup] consumer stopped for good:", error)),
  };
}
