import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Readings the rollup counted from one partition on one day, and the offsets they came from. */
export interface PartitionDayCount {
  partition: number;
  readings: number;
  /** Distinct Kafka messages those readings came from. */
  messages: number;
  fromOffset: number;
  toOffset: number;
}

/** The database column of reconciliation for one UTC day of receipt. */
export interface RollupDayCounts {
  /** YYYY-MM-DD, UTC. */
  day: string;
  readings: number;
  partitions: PartitionDayCount[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Readings counted in PostgreSQL for a UTC day of receipt (received_at, the
 * API's clock, the same day ingest_counts uses), per Kafka partition with
 * the offset range they were read from, so a shortfall against Kafka or the
 * lake can be narrowed to offsets. A reading counts once, under the message
 * that stored it first; offsets are of the readings topic of the rollup's
 * namespace (readings do not record the topic).
 */
export async function getRollupDayCounts(prisma: PrismaClient, day: string): Promise<RollupDayCounts> {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new RangeError(`day must be YYYY-MM-DD, got ${day}`);
  }
  const rows = await prisma.$queryRaw<
    { partition: number; readings: bigint; messages: bigint; from_offset: bigint; to_offset: bigint }[]
  >`SELECT kafka_partition AS partition, count(*) AS readings, count(DISTINCT kafka_offset) AS messages,
           min(kafka_offset) AS from_offset, max(kafka_offset) AS to_offset
    FROM readings
    WHERE received_at >= ${day}::date::timestamp AT TIME ZONE 'UTC'
      AND received_at < (${day}::date + 1)::timestamp AT TIME ZONE 'UTC'
    GROUP BY kafka_partition ORDER BY kafka_partition`;
  const partitions = rows.map((r) => ({
    partition: r.partition,
    readings: Number(r.readings),
    messages: Number(r.messages),
    fromOffset: Number(r.from_offset),
    toOffset: Number(r.to_offset),
  }));
  return { day, readings: partitions.reduce((sum, p) => sum + p.readings, 0), partitions };
}
