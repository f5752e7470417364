import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { createWorker, type RollupWorker } from "@/workers/rollup";
import { firstPerDeviceSecond, percentOfMax, referenceWorkout } from "./rollup-reference";
import {
  createAthlete,
  createRollupNamespace,
  generateSession,
  produce,
  readStoredWorkout,
  seeded,
  toMessages,
  waitUntilApplied,
} from "./rollup-support";

const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 5 * 3_600_000;
const BOUNDS = { moderate: percentOfMax(64, 175), high: percentOfMax(77, 175) };
const prisma = getPrisma();

describe("rollup worker: two instances", () => {
  let ns: Awaited<ReturnType<typeof createRollupNamespace>>;
  let workers: RollupWorker[] = [];
  beforeAll(async () => {
    ns = await createRollupNamespace(4);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await ns.drop();
  });

  it("given two instances in one group, when readings arrive, then they split the partitions (shown in their heartbeats), both apply batches, and the result equals the reference", async () => {
    workers = [1, 2].map(() => createWorker({ namespace: ns.namespace, heartbeatIntervalMs: 500 }));
    await Promise.all(workers.map((w) => w.start()));
    const groupId = workers[0]!.groupId;
    const split = await waitForSplit(groupId);
    const rand = seeded(42);
    const athletes = await Promise.all(Array.from({ length: 12 }, () => createAthlete({ maxHr: 175 }, new Date(T0))));
    const sent = athletes.map((a) => generateSession(rand, a.deviceId, T0, 400));

    await produce(
      ns.names.topics.readings,
      athletes.flatMap((a, i) => toMessages(a, sent[i]!, rand)),
    );
    await waitUntilApplied(groupId, workers[0]!.topic);

    expect(split.flat().sort()).toEqual([0, 1, 2, 3]);
    expect(split.every((partitions) => partitions.length === 2)).toBe(true);
    expect(workers.map((w) => w.stats().batches > 0)).toEqual([true, true]);
    for (const [i, athlete] of athletes.entries()) {
      expect(await readStoredWorkout(athlete.workoutId)).toEqual(
        referenceWorkout(firstPerDeviceSecond(sent[i]!), BOUNDS),
      );
    }
    await Promise.all(workers.map((w) => w.stop()));
    expect(await prisma.workerHeartbeat.count({ where: { consumerGroup: groupId } })).toBe(0);
  });
});

/** The partitions of each live instance, once two instances hold disjoint, non-empty sets covering the topic. */
async function waitForSplit(groupId: string): Promise<number[][]> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const beats = await prisma.workerHeartbeat.findMany({ where: { consumerGroup: groupId } });
    const sets = beats.map((b) => b.partitions);
    const all = sets.flat();
    if (sets.length === 2 && sets.every((s) => s.length > 0) && all.length === 4 && new Set(all).size === 4)
      return sets;
    if (Date.now() > deadline) throw new Error(`partitions never split: ${JSON.stringify(sets)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
