import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PostgresOffsetCount } from "./types";

/**
 * Readings stored for a UTC day of receipt, per Kafka message (partition and
 * offset): the detail behind getRollupDayCounts, to narrow a shortfall to
 * offset ranges.
 */
export async function getPostgresDayOffsets(prisma: PrismaClient, day: string): Promise<PostgresOffsetCount[]> {
  const rows = await prisma.$queryRaw<{ partition: number; offset: bigint; readings: bigint }[]>`
    SELECT kafka_partition AS partition, kafka_offset AS offset, count(*) AS readings
    FROM readings
    WHERE received_at >= ${day}::date::timestamp AT TIME ZONE 'UTC'
      AND received_at < (${day}::date + 1)::timestamp AT TIME ZONE 'UTC'
    GROUP BY kafka_partition, kafka_offset`;
  return rows.map((r) => ({ partition: r.partition, offset: Number(r.offset), readings: Number(r.readings) }));
}

/** Readings the API had Kafka acknowledge on the day (ingest_counts; 0 when none). */
export async function getAcceptedOnDay(prisma: PrismaClient, day: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ accepted: bigint }[]>`
    SELECT accepted FROM ingest_counts WHERE day = ${day}::date`;
  return Number(rows[0]?.accepted ?? 0);
}
