import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { createWorker, type RollupWorker } from "@/workers/rollup";
import { firstPerDeviceSecond, percentOfMax, referenceWorkout, type SentReading } from "./rollup-reference";
import {
  createAthlete,
  createRollupNamespace,
  generateSession,
  kafka,
  produce,
  readingsMessage,
  readStoredWorkout,
  seeded,
  toMessages,
  waitUntilApplied,
  type Athlete,
} from "./rollup-support";

const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 4 * 3_600_000;
const BOUNDS = { moderate: percentOfMax(64, 180), high: percentOfMax(77, 180) };
const prisma = getPrisma();

async function until(condition: () => boolean, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("rollup worker: stop, restart and replay", () => {
  let ns: Awaited<ReturnType<typeof createRollupNamespace>>;
  const athletes: Athlete[] = [];
  const sent: SentReading[][] = [];
  let worker: RollupWorker | undefined;
  const expectReference = async () => {
    for (const [i, athlete] of athletes.entries()) {
      expect(await readStoredWorkout(athlete.workoutId)).toEqual(
        referenceWorkout(firstPerDeviceSecond(sent[i]!), BOUNDS),
      );
    }
  };

  beforeAll(async () => {
    ns = await createRollupNamespace(3);
    const rand = seeded(99);
    for (let i = 0; i < 6; i += 1) {
      athletes.push(await createAthlete({ maxHr: 180 }, new Date(T0)));
      sent.push(generateSession(rand, athletes[i]!.deviceId, T0, 5_000));
    }
    await produce(
      ns.names.topics.readings,
      athletes.flatMap((a, i) => toMessages(a, sent[i]!, rand, 4)),
    );
  });
  afterAll(async () => {
    await worker?.stop();
    await ns.drop();
  });

  it("given a worker stopped after its first batches, when checked, then it left the group and PostgreSQL holds exactly the readings below its stored offsets", async () => {
    worker = createWorker({ namespace: ns.namespace, concurrency: 1, fetchMaxBytes: 64 * 1024 });
    await worker.start();
    await until(() => worker!.stats().batches >= 3);
    await worker.stop();

    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.describeGroups([worker.groupId]);
    await admin.disconnect();
    expect(groups[0]?.members).toEqual([]);
    const offsets = await prisma.consumerOffset.findMany({ where: { groupId: worker.groupId } });
    expect(offsets.length).toBeGreaterThan(0);
    for (const { partition, offset } of offsets) {
      // Other test files store readings with the same partition numbers: count only ours.
      const ours = { workoutId: { in: athletes.map((a) => a.workoutId) } };
      expect(
        await prisma.reading.count({ where: { ...ours, kafkaPartition: partition, kafkaOffset: { gte: offset } } }),
      ).toBe(0);
    }
    for (const athlete of athletes) {
      const stored = await prisma.reading.count({ where: { workoutId: athlete.workoutId } });
      expect((await readStoredWorkout(athlete.workoutId)).readingCount).toBe(stored);
    }
  });

  it("given a restart, when the rest is consumed, then PostgreSQL equals the reference", async () => {
    worker = createWorker({ namespace: ns.namespace });
    await worker.start();
    await waitUntilApplied(worker.groupId, worker.topic);
    await worker.stop();

    await expectReference();
  });

  it("given the Kafka group reset to earliest, when restarted, then the worker resumes at PostgreSQL's offsets, counts only new readings, and Kafka's copy catches up", async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: ns.names.groups.rollup, topic: ns.names.topics.readings, earliest: true });
    const more = generateSession(seeded(5), athletes[0]!.deviceId, T0 + 86_400_000, 30);
    sent[0]!.push(...more);

    worker = createWorker({ namespace: ns.namespace });
    await worker.start();
    await produce(ns.names.topics.readings, [readingsMessage(athletes[0]!, more)]);
    await waitUntilApplied(worker.groupId, worker.topic);
    await worker.stop();
    const [committed] = await admin.fetchOffsets({ groupId: worker.groupId, topics: [worker.topic] });
    const ends = await admin.fetchTopicOffsets(worker.topic);
    await admin.disconnect();

    expect(worker.stats()).toMatchObject({ records: 1, skipped: 0, inserted: firstPerDeviceSecond(more).length });
    await expectReference();
    const caughtUp = committed!.partitions.filter(
      (p) => ends.find((e) => e.partition === p.partition)?.high === p.offset,
    );
    expect(caughtUp).toHaveLength(1);
  });

  it("given PostgreSQL's offsets deleted (a full replay), when restarted, then every reading is a duplicate and the totals do not change", async () => {
    await prisma.consumerOffset.deleteMany({ where: { groupId: ns.names.groups.rollup } });

    worker = createWorker({ namespace: ns.namespace });
    await worker.start();
    await waitUntilApplied(worker.groupId, worker.topic);
    await worker.stop();

    expect(worker.stats()).toMatchObject({ inserted: 0, skipped: 0 });
    expect(worker.stats().duplicates).toBe(sent.flat().length);
    await expectReference();
  });
});
