import type { Kafka } from "kafkajs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listLakeDayInventory } from "@/lib/lake/lake-inventory";
import type { WebHdfsClient } from "@/lib/lake/webhdfs";
import type { PipelineNames } from "@/lib/pipeline/names";
import { getRollupDayCounts } from "@/lib/rollup-worker/rollup-day-counts";
import { compareSinks } from "./compare-sinks";
import type { OffsetRange } from "./offset-ranges";
import { getAcceptedOnDay, getPostgresDayOffsets } from "./postgres-day-offsets";
import { scanKafkaDay } from "./scan-kafka-day";
import type { DayReconciliation } from "./types";

/** Where to look: the clients and the names of one pipeline namespace. */
export interface ReconcileDeps {
  kafka: Kafka;
  hdfs: WebHdfsClient;
  prisma: PrismaClient;
  names: PipelineNames;
}

/**
 * API = Kafka = lake = database for one UTC day of receipt, with the
 * per-partition offset ranges where a sink differs from Kafka. PostgreSQL and
 * ingest_counts are not namespaced: run it on a namespace whose day no one
 * else writes to, or on production's.
 */
export async function reconcileDay(deps: ReconcileDeps, day: string): Promise<DayReconciliation> {
  const topic = deps.names.topics.readings;
  const [accepted, lakeFiles, postgres, postgresOffsets] = await Promise.all([
    getAcceptedOnDay(deps.prisma, day),
    listLakeDayInventory(deps.hdfs, deps.names.lake.readings, day, { topic }),
    getRollupDayCounts(deps.prisma, day),
    getPostgresDayOffsets(deps.prisma, day),
  ]);
  const hints = new Map<number, OffsetRange>();
  const widen = (partition: number, from: number, to: number) => {
    const known = hints.get(partition);
    hints.set(partition, {
      fromOffset: Math.min(from, known?.fromOffset ?? from),
      toOffset: Math.max(to, known?.toOffset ?? to),
    });
  };
  for (const f of lakeFiles) widen(f.partition, f.firstOffset, f.lastOffset);
  for (const p of postgres.partitions) widen(p.partition, p.fromOffset, p.toOffset);
  const kafka = await scanKafkaDay(deps.kafka, { topic, day, hints });
  return compareSinks({ day, accepted, kafka, lakeFiles, postgresOffsets, postgres });
}
