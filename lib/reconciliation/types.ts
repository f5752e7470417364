import type { PartitionDayCount } from "@/lib/rollup-worker/rollup-day-counts";

/** What one scanned Kafka message held, as far as one UTC day is concerned. */
export type KafkaMessageStatus = "day" | "other-day" | "poison";

/** One message of the readings topic, read back for reconciliation. */
export interface ScannedMessage {
  offset: number;
  status: KafkaMessageStatus;
  /** Reading ids of a message received on the day (empty otherwise). */
  readingIds: readonly string[];
}

/** The readings topic's messages around one day, per partition, in offset order. */
export interface KafkaDayScan {
  partitions: { partition: number; messages: readonly ScannedMessage[] }[];
}

/** A lake file of the day: where its rows came from and how many there are (from its footer). */
export interface LakeFileSummary {
  partition: number;
  firstOffset: number;
  lastOffset: number;
  rows: number;
}

/** Readings PostgreSQL stored for the day under one Kafka message. */
export interface PostgresOffsetCount {
  partition: number;
  offset: number;
  readings: number;
}

/** Per-partition totals of a sink. */
export interface PartitionTotals {
  partition: number;
  readings: number;
  messages: number;
  fromOffset: number;
  toOffset: number;
}

/**
 * Offsets where a sink disagrees with Kafka: `missing` (in Kafka, not in the
 * sink), `extra` (in the sink, not among Kafka's messages of the day) or
 * `rows` (both hold the offsets, with different reading counts).
 */
export interface SinkDifference {
  sink: "hdfs" | "postgres";
  kind: "missing" | "extra" | "rows";
  partition: number;
  fromOffset: number;
  toOffset: number;
  /** Readings Kafka holds in the range (for PostgreSQL: distinct readings first seen there). */
  expectedReadings: number;
  actualReadings: number;
}

/** API = Kafka = lake = database, for one UTC day of receipt. */
export interface DayReconciliation {
  day: string;
  /** ingest_counts: readings the API had acknowledged by Kafka (every namespace). */
  api: { accepted: number };
  kafka: {
    readings: number;
    distinctReadings: number;
    messages: number;
    poisonMessages: number;
    partitions: PartitionTotals[];
  };
  hdfs: { readings: number; files: number; partitions: PartitionTotals[] };
  postgres: { readings: number; partitions: PartitionDayCount[] };
  differences: SinkDifference[];
  /** Kafka, HDFS and PostgreSQL agree (the API column is compared on its own: it is not namespaced). */
  sinksAgree: boolean;
  apiMatchesKafka: boolean;
}
