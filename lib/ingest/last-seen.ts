import type { PrismaClient } from "@/lib/generated/prisma/client";

/** last_seen_at tells people a watch is alive; nothing decides on it, so it may lag by this much. */
export const LAST_SEEN_EVERY_MS = 30_000;
const MAX_DEVICES = 100_000;

// When this process last wrote each device's last_seen_at. Writing it on
// every request was a row update per reading for a value read by people.
const written = new Map<string, number>();

/** Records that last_seen_at was just written (by the locked ingest path). */
export function noteLastSeen(deviceId: string, now: number): void {
  // Re-inserting keeps the Map in least-recently-written order for eviction.
  written.delete(deviceId);
  written.set(deviceId, now);
  if (written.size > MAX_DEVICES) written.delete(written.keys().next().value as string);
}

/** Writes last_seen_at unless this process did so for the device within LAST_SEEN_EVERY_MS. */
export async function touchLastSeen(prisma: PrismaClient, deviceId: string, now: number): Promise<void> {
  const last = written.get(deviceId);
  if (last !== undefined && now - last < LAST_SEEN_EVERY_MS) return;
  noteLastSeen(deviceId, now);
  // A statement of its own: it locks only the device row, so it cannot
  // deadlock with the locked path, which takes the device before its workouts.
  await prisma.$executeRaw`UPDATE devices SET last_seen_at = GREATEST(last_seen_at, ${new Date(now)}::timestamptz)
                           WHERE id = ${deviceId}::uuid`;
}
