import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createCoalescer, type Coalescer } from "./coalescer";

interface DayCount {
  day: string;
  accepted: number;
}

// Every request adds to the same row (today's), so one write per request
// queued them all on that row's lock; requests that finish together share one.
const counters = new WeakMap<PrismaClient, Coalescer<DayCount>>();

/**
 * Adds readings Kafka has acknowledged to the API's count for the UTC day
 * they were received: the first column of reconciliation (API = Kafka =
 * lake = database). It runs after the acknowledgement, so a failure here
 * under-counts the API, which reconciliation then shows, rather than losing
 * readings. Resolves once the count is committed.
 */
export function countAccepted(prisma: PrismaClient, receivedAt: number, accepted: number): Promise<void> {
  const day = new Date(receivedAt).toISOString().slice(0, 10);
  let counter = counters.get(prisma);
  if (!counter) {
    counter = createCoalescer((counts) => addCounts(prisma, counts), { lingerMs: 0, maxItems: 10_000 });
    counters.set(prisma, counter);
  }
  return counter.add({ day, accepted });
}

/** One statement for every day in the batch, so a batch is counted whole or not at all. */
async function addCounts(prisma: PrismaClient, counts: DayCount[]): Promise<void> {
  const byDay = new Map<string, number>();
  for (const { day, accepted } of counts) byDay.set(day, (byDay.get(day) ?? 0) + accepted);
  await prisma.$executeRaw`
    INSERT INTO ingest_counts (day, accepted)
    SELECT day, accepted FROM unnest(${[...byDay.keys()]}::date[], ${[...byDay.values()]}::bigint[]) AS t(day, accepted)
    ON CONFLICT (day) DO UPDATE SET accepted = ingest_counts.accepted + EXCLUDED.accepted`;
}
