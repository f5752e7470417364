import {
  authenticatedOrThrow,
  tokenHashOrThrow,
  type AuthenticatedDevice,
  type DeviceCredentials,
} from "@/lib/devices/devices";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createCoalescer, type Coalescer } from "./coalescer";

/** One request's token lookup; the batch's query fills in the device. */
interface Lookup {
  tokenHash: string;
  device: DeviceCredentials | null;
}

interface DeviceRow {
  id: string;
  user_id: string;
  time_zone: string;
  revoked_at: Date | null;
  token_hash: string;
}

// A query per request cost more CPU (ours and PostgreSQL's) than the lookup
// itself; requests that arrive together share one instead.
const batches = new WeakMap<PrismaClient, Coalescer<Lookup>>();

/**
 * authenticateDevice for the ingest path: the same answers and errors, but
 * concurrent requests' lookups go to PostgreSQL as one query. Each lookup
 * is made after its request arrived, never cached, so a revoked token
 * still stops working at once.
 */
export async function authenticateDeviceInBatch(
  prisma: PrismaClient,
  token: string | undefined,
): Promise<AuthenticatedDevice> {
  const lookup: Lookup = { tokenHash: tokenHashOrThrow(token), device: null };
  await batchesFor(prisma).add(lookup);
  return authenticatedOrThrow(lookup.device);
}

function batchesFor(prisma: PrismaClient): Coalescer<Lookup> {
  let coalescer = batches.get(prisma);
  if (!coalescer) {
    coalescer = createCoalescer((lookups) => findDevices(prisma, lookups), { lingerMs: 0, maxItems: 256 });
    batches.set(prisma, coalescer);
  }
  return coalescer;
}

async function findDevices(prisma: PrismaClient, lookups: Lookup[]): Promise<void> {
  const hashes = [...new Set(lookups.map((l) => l.tokenHash))];
  const rows = await prisma.$queryRaw<DeviceRow[]>`
    SELECT id, user_id, time_zone, revoked_at, token_hash FROM devices WHERE token_hash = ANY(${hashes}::text[])`;
  const byHash = new Map(rows.map((r) => [r.token_hash, r]));
  for (const lookup of lookups) {
    const row = byHash.get(lookup.tokenHash);
    lookup.device = row
      ? { id: row.id, userId: row.user_id, timeZone: row.time_zone, revokedAt: row.revoked_at }
      : null;
  }
}
