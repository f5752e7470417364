import { randomUUID } from "node:crypto";
import { Partitioners } from "kafkajs";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { getRollupDayCounts } from "@/lib/rollup-worker/rollup-day-counts";
import { workoutUpdateSchema, type WorkoutUpdate } from "@/lib/rollup-worker/workout-update";
import { firstPerDeviceSecond } from "./rollup-reference";
import {
  createAthlete,
  runRollupWorkerForSuite,
  generateSession,
  kafka,
  produce,
  readingsMessage,
  readStoredWorkout,
  seeded,
  toMessages,
  waitUntilApplied,
} from "./rollup-support";

const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;

describe("rollup worker: live updates and reconciliation", () => {
  const suite = runRollupWorkerForSuite(3);

  it("given committed batches, when the updates topic is read, then each workout's latest update carries its stored totals, latest reading and last minute", async () => {
    const rand = seeded(3);
    const athletes = await Promise.all([1, 2, 3].map(() => createAthlete({ maxHr: 185 }, new Date(T0))));
    const sessions = athletes.map((a) => generateSession(rand, a.deviceId, T0, 300));

    await produce(
      suite.ns.names.topics.readings,
      athletes.flatMap((a, i) => toMessages(a, sessions[i]!, rand)),
    );
    await waitUntilApplied(suite.worker.groupId, suite.worker.topic);
    const updates = await readLatestUpdates(suite.ns.names.topics.workoutUpdates, athletes.length);

    for (const [i, athlete] of athletes.entries()) {
      const stored = await readStoredWorkout(athlete.workoutId);
      const last = firstPerDeviceSecond(sessions[i]!).reduce((a, b) => (b.ts > a.ts ? b : a));
      const lastMinute = stored.minutes.at(-1)!;
      expect(updates.get(athlete.workoutId)).toMatchObject({
        userId: athlete.userId,
        status: "ACTIVE",
        minutes: { low: stored.lowMs / 60_000, moderate: stored.moderateMs / 60_000, high: stored.highMs / 60_000 },
        readingCount: stored.readingCount,
        dropoutMs: stored.dropoutMs,
        latest: { ts: last.ts, bpm: last.bpm },
        lastMinute: { minute: lastMinute.minute, count: lastMinute.count, highMs: lastMinute.highMs },
      });
    }
  });

  it("given readings received on one day, when reconciled, then PostgreSQL's count per partition and offset range match what was produced", async () => {
    // A day no other test receives readings on, so the count is this test's alone.
    const day = Date.UTC(2001, 0, 1) + Math.floor(seeded(Date.now())() * 3_000) * 86_400_000;
    const athletes = await Promise.all([1, 2].map(() => createAthlete({}, new Date(T0))));
    const messages = athletes.flatMap((a) =>
      [0, 1, 2, 3].map((m) =>
        readingsMessage(
          a,
          Array.from({ length: 10 }, (_, i) => ({ deviceId: a.deviceId, ts: T0 + (m * 10 + i) * 1000, bpm: 120 })),
          day + 3_600_000,
        ),
      ),
    );
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const sent = await Promise.all(
      athletes.map((a, i) =>
        producer.send({ topic: suite.ns.names.topics.readings, acks: -1, messages: messages.slice(i * 4, i * 4 + 4) }),
      ),
    );
    await producer.disconnect();
    await waitUntilApplied(suite.worker.groupId, suite.worker.topic);

    const counts = await getRollupDayCounts(getPrisma(), new Date(day).toISOString().slice(0, 10));

    const expected = sent
      .map(([meta]) => ({ partition: meta!.partition, from: Number(meta!.baseOffset) }))
      .map(({ partition, from }) => ({ partition, readings: 40, messages: 4, fromOffset: from, toOffset: from + 3 }));
    expect(counts.readings).toBe(80);
    expect(mergeByPartition(counts.partitions)).toEqual(mergeByPartition(expected));
  });
});

/** Reads the updates topic from the start until `count` workouts have one, keeping each workout's last. */
async function readLatestUpdates(topic: string, count: number): Promise<Map<string, WorkoutUpdate>> {
  const latest = new Map<string, WorkoutUpdate>();
  const consumer = kafka.consumer({ groupId: `rollup-test-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const admin = kafka.admin();
  await admin.connect();
  const end = Number((await admin.fetchTopicOffsets(topic))[0]?.high ?? 0);
  await admin.disconnect();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        const update = workoutUpdateSchema.parse(JSON.parse(String(message.value)));
        expect(String(message.key)).toBe(update.workoutId);
        latest.set(update.workoutId, update);
        if (Number(message.offset) + 1 >= end && latest.size >= count) resolve();
      },
    });
  });
  await consumer.disconnect();
  return latest;
}

/** Two workouts may share a partition: sum them into one row per partition. */
function mergeByPartition(
  rows: { partition: number; readings: number; messages: number; fromOffset: number; toOffset: number }[],
) {
  const merged = new Map<number, (typeof rows)[number]>();
  for (const row of rows) {
    const m = merged.get(row.partition);
    merged.set(
      row.partition,
      m
        ? {
            partition: row.partition,
            readings: m.readings + row.readings,
            messages: m.messages + row.messages,
            fromOffset: Math.min(m.fromOffset, row.fromOffset),
            toOffset: Math.max(m.toOffset, row.toOffset),
          }
        : row,
    );
  }
  return [...merged.values()].sort((a, b) => a.partition - b.partition);
}
