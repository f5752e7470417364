import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Adds readings Kafka has acknowledged to the API's count for the UTC day
 * they were received: the first column of reconciliation (API = Kafka =
 * lake = database). It runs after the acknowledgement, so a failure here
 * under-counts the API, which reconciliation then shows, rather than losing
 * readings.
 */
export async function countAccepted(prisma: PrismaClient, receivedAt: number, accepted: number): Promise<void> {
  const day = new Date(receivedAt).toISOString().slice(0, 10);
  await prisma.$executeRaw`
    INSERT INTO ingest_counts (day, accepted) VALUES (${day}::date, ${accepted})
    ON CONFLICT (day) DO UPDATE SET accepted = ingest_counts.accepted + EXCLUDED.accepted`;
}
