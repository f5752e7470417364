import { authenticateDevice, createDevice } from "@/lib/devices/devices";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { WatchIdentity } from "./transport";

export interface ProvisionInput {
  runId: string;
  watches: number;
  timeZone: string;
  /** Existing tokens, one per watch; when empty, a user and device are created per watch. */
  tokens: readonly string[];
}

/** Email of the simulated user behind watch `n` of a run, easy to find and delete later. */
export const simulatedEmail = (runId: string, n: number) => `sim-${runId}-${n}@heartlake.local`;

/**
 * A device per watch. Given tokens are looked up rather than trusted, which
 * both fails fast on a bad token and yields the device's own time zone.
 */
export async function provisionWatches(prisma: PrismaClient, input: ProvisionInput): Promise<WatchIdentity[]> {
  const identities: WatchIdentity[] = [];
  // In small groups: one at a time is slow for 1,000 watches, all at once exhausts the pool.
  for (let start = 0; start < input.watches; start += 10) {
    const group = Array.from({ length: Math.min(10, input.watches - start) }, (_, i) => start + i);
    identities.push(...(await Promise.all(group.map((watch) => provisionOne(prisma, input, watch)))));
  }
  return identities;
}

async function provisionOne(prisma: PrismaClient, input: ProvisionInput, watch: number): Promise<WatchIdentity> {
  const playerId = `sim-${input.runId}-${watch}`;
  const given = input.tokens[watch];
  if (given !== undefined) {
    const device = await authenticateDevice(prisma, given);
    return { watch, token: given, deviceId: device.id, timeZone: device.timeZone, playerId };
  }
  const { device, token } = await createDevice(prisma, {
    email: simulatedEmail(input.runId, watch),
    name: `Simulated watch ${watch}`,
    timeZone: input.timeZone,
  });
  return { watch, token, deviceId: device.id, timeZone: device.timeZone, playerId };
}
