import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LAST_SEEN_EVERY_MS, noteLastSeen, touchLastSeen } from "./last-seen";

/** A client that only counts the statements it is asked to run. */
function countingPrisma() {
  const writes: unknown[][] = [];
  const prisma = {
    $executeRaw: (...args: unknown[]) => {
      writes.push(args);
      return Promise.resolve(1);
    },
  } as unknown as PrismaClient;
  return { prisma, writes };
}

describe("touchLastSeen", () => {
  it("given requests from one device, when they come within the interval, then last_seen_at is written once per interval", async () => {
    const { prisma, writes } = countingPrisma();
    const t0 = 1_700_000_000_000;

    for (const at of [t0, t0 + 1_000, t0 + LAST_SEEN_EVERY_MS - 1, t0 + LAST_SEEN_EVERY_MS]) {
      await touchLastSeen(prisma, "device-a", at);
    }

    expect(writes).toHaveLength(2);
  });

  it("given the locked path just wrote it, when the next request comes, then it is not written again", async () => {
    const { prisma, writes } = countingPrisma();
    const t0 = 1_700_000_000_000;

    noteLastSeen("device-b", t0);
    await touchLastSeen(prisma, "device-b", t0 + 5_000);

    expect(writes).toHaveLength(0);
  });
});
