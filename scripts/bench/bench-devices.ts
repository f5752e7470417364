import { createDevice } from "@/lib/devices/devices";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A bench watch: its token and the next timestamp it will send. */
export interface BenchDevice {
  token: string;
  /** Epoch ms of its next reading; moves 1 s per reading, like a real watch. */
  nextTs: number;
}

const emailPrefix = (runId: string) => `bench-${runId}-`;

/**
 * Creates `count` devices. Their clocks start 6 days back so that even a
 * long bench (a reading per second per device) stays inside the API's
 * [now − 7 days, now + 5 min] window.
 */
export async function createBenchDevices(prisma: PrismaClient, runId: string, count: number): Promise<BenchDevice[]> {
  const start = Date.now() - 6 * 24 * 3_600_000;
  const devices: BenchDevice[] = [];
  for (let i = 0; i < count; i += 20) {
    const group = Array.from({ length: Math.min(20, count - i) }, (_, j) => i + j);
    const created = await Promise.all(
      group.map((n) =>
        createDevice(prisma, { email: `${emailPrefix(runId)}${n}@heartlake.local`, name: `Bench watch ${n}` }),
      ),
    );
    devices.push(...created.map(({ token }) => ({ token, nextTs: start })));
  }
  return devices;
}

/**
 * Revokes the bench devices but keeps their rows: their readings are on
 * heartrate.readings for good, and the rollup dead-letters readings whose
 * workout is gone, which would break the accepted = Kafka = PostgreSQL count.
 */
export async function revokeBenchDevices(prisma: PrismaClient, runId: string): Promise<number> {
  const { count } = await prisma.device.updateMany({
    where: { user: { email: { startsWith: emailPrefix(runId) } }, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

/** Deletes the bench users; devices and workouts go with them (ON DELETE CASCADE). */
export async function deleteBenchDevices(prisma: PrismaClient, runId: string): Promise<number> {
  const { count } = await prisma.user.deleteMany({ where: { email: { startsWith: emailPrefix(runId) } } });
  return count;
}
