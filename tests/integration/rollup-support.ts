import { afterAll, beforeAll } from "vitest";
import { createWorker, type RollupWorker } from "@/workers/rollup";
import { randomBytes, randomUUID } from "node:crypto";
import { Partitioners, type KafkaMessage, type Message } from "kafkajs";
import { getPrisma } from "@/lib/db/prisma";
import { createKafka } from "@/lib/kafka/client";
import { pipelineNames } from "@/lib/pipeline/names";
import { createReadingsMessage, encodeReadingsMessage } from "@/lib/readings/readings-message";
import type { ReferenceMinute, ReferenceWorkout, SentReading } from "./rollup-reference";
import { uniqueName } from "./support/ids";

/** Helpers shared by the rollup's integration and fault tests. */

export const kafka = createKafka({ clientId: "heartlake-rollup-test" });
const prisma = getPrisma();

/** Topics of a namespace of its own; `drop` deletes them. */
export async function createRollupNamespace(partitions: number) {
  const namespace = uniqueName("rollup");
  const names = pipelineNames(namespace);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [
        { topic: names.topics.readings, numPartitions: partitions },
        { topic: names.topics.readingsDlq, numPartitions: 1 },
        { topic: names.topics.workoutUpdates, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
  const drop = async () => {
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteTopics({ topics: Object.values(names.topics) }).catch(() => undefined);
    await cleanup.disconnect();
  };
  return { namespace, names, drop };
}

/** Zone columns of a users row. */
export interface AthleteProfile {
  birthYear?: number;
  maxHr?: number;
  restingHr?: number;
  zoneMethod?: "PERCENT_MAX" | "HEART_RATE_RESERVE";
  moderateThreshold?: number;
  highThreshold?: number;
}

export interface Athlete {
  userId: string;
  deviceId: string;
  workoutId: string;
}

/** A user with the profile, one watch and one workout, straight through Prisma. */
export async function createAthlete(profile: AthleteProfile, startedAt: Date): Promise<Athlete> {
  const user = await prisma.user.create({ data: { email: `${uniqueName("athlete")}@example.test`, ...profile } });
  const device = await prisma.device.create({
    data: { userId: user.id, name: "test watch", tokenHash: randomBytes(32).toString("hex") },
  });
  const workout = await prisma.workout.create({ data: { userId: user.id, deviceId: device.id, startedAt } });
  return { userId: user.id, deviceId: device.id, workoutId: workout.id };
}

/** A deterministic PRNG (mulberry32), so a failing run can be reproduced. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A watch's session: about one reading a second with jitter (so sometimes two
 * in one second), gaps of exactly 5 s, just over, and long dropouts, and bpm
 * that sometimes sits exactly on a zone bound.
 */
export function generateSession(
  rand: () => number,
  deviceId: string,
  start: number,
  count: number,
  exactBpms: readonly number[] = [],
): SentReading[] {
  const readings: SentReading[] = [];
  let ts = start + Math.floor(rand() * 1000);
  let bpm = 90 + rand() * 60;
  for (let i = 0; i < count; i += 1) {
    bpm = Math.min(200, Math.max(60, bpm + (rand() - 0.5) * 12));
    const onBound = exactBpms.length > 0 && rand() < 0.05;
    readings.push({
      deviceId,
      ts,
      bpm: onBound ? exactBpms[Math.floor(rand() * exactBpms.length)]! : Math.round(bpm * 10) / 10,
    });
    const r = rand();
    ts += r < 0.01 ? 65_000 : r < 0.03 ? 5_000 : r < 0.05 ? 5_001 : r < 0.07 ? 12_000 : 850 + Math.floor(rand() * 300);
  }
  return readings;
}

/** Readings of one athlete split into messages of 1 to `maxPerMessage`, as a watch's requests would be. */
export function toMessages(athlete: Athlete, readings: readonly SentReading[], rand: () => number, maxPerMessage = 20) {
  const messages: Message[] = [];
  for (let i = 0; i < readings.length;) {
    const size = 1 + Math.floor(rand() * maxPerMessage);
    messages.push(readingsMessage(athlete, readings.slice(i, i + size)));
    i += size;
  }
  return messages;
}

export function readingsMessage(athlete: Athlete, readings: readonly SentReading[], receivedAt = Date.now()): Message {
  const meta = { userId: athlete.userId, deviceId: athlete.deviceId, workoutId: athlete.workoutId, receivedAt };
  return { key: athlete.workoutId, value: encodeReadingsMessage(createReadingsMessage(meta, readings)) };
}

/** Produces keyed messages (one workout stays in one partition, in order), acks=all. */
export async function produce(topic: string, messages: readonly Message[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    // Kafka refuses a record batch over 1 MB: send about 512 KB at a time.
    let chunk: Message[] = [];
    let bytes = 0;
    for (const message of messages) {
      chunk.push(message);
      bytes += message.value?.length ?? 0;
      if (bytes < 512 * 1024) continue;
      await producer.send({ topic, acks: -1, messages: chunk });
      chunk = [];
      bytes = 0;
    }
    if (chunk.length > 0) await producer.send({ topic, acks: -1, messages: chunk });
  } finally {
    await producer.disconnect();
  }
}

/** Waits until PostgreSQL's stored offsets reach the end of every partition of the topic. */
export async function waitUntilApplied(
  groupId: string,
  topic: string,
  timeoutMs = 45_000,
  pollMs = 200,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, end: Number(o.high) }));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stored = await prisma.consumerOffset.findMany({ where: { groupId, topic } });
      const at = new Map(stored.map((s) => [s.partition, Number(s.offset)]));
      const behind = ends.filter(({ partition, end }) => end > 0 && at.get(partition) !== end);
      if (behind.length === 0) return;
      if (Date.now() > deadline)
        throw new Error(`not applied in time: ${JSON.stringify(behind)} vs ${JSON.stringify([...at])}`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  } finally {
    await admin.disconnect();
  }
}

/** A workout's summary and minute rows as stored, in the reference's shape. */
export async function readStoredWorkout(workoutId: string): Promise<ReferenceWorkout> {
  const w = await prisma.workout.findUniqueOrThrow({ where: { id: workoutId } });
  const rows = await prisma.workoutMinute.findMany({ where: { workoutId }, orderBy: { minute: "asc" } });
  const minutes: ReferenceMinute[] = rows.map((m) => ({
    minute: m.minute.getTime(),
    lowMs: m.lowMs,
    moderateMs: m.moderateMs,
    highMs: m.highMs,
    count: m.count,
    bpmMin: m.bpmMin ?? Number.NaN,
    bpmMax: m.bpmMax ?? Number.NaN,
    dropoutMs: m.dropoutMs,
    dropoutCount: m.dropoutCount,
  }));
  return {
    lowMs: Number(w.lowMs),
    moderateMs: Number(w.moderateMs),
    highMs: Number(w.highMs),
    dropoutMs: Number(w.dropoutMs),
    dropoutCount: w.dropoutCount,
    readingCount: w.readingCount,
    bpmMin: w.bpmMin ?? Number.NaN,
    bpmMax: w.bpmMax ?? Number.NaN,
    lastReadingAt: w.lastReadingAt?.getTime() ?? 0,
    minutes,
  };
}

/** Every message on the topic now, read from the start by a throw-away group. */
export async function readTopic(topic: string): Promise<KafkaMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
  await admin.disconnect();
  const pending = new Set([...ends].filter(([, end]) => end > 0).map(([partition]) => partition));
  const messages: KafkaMessage[] = [];
  if (pending.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: `rollup-test-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        messages.push(message);
        if (Number(message.offset) + 1 >= (ends.get(partition) ?? 0)) pending.delete(partition);
        if (pending.size === 0) resolve();
      },
    });
  });
  await consumer.disconnect();
  return messages;
}

/**
 * A rollup worker running for one describe block in its own namespace:
 * started before the block's tests, stopped and its namespace dropped after.
 */
export function runRollupWorkerForSuite(partitions: number) {
  const suite = {} as { ns: Awaited<ReturnType<typeof createRollupNamespace>>; worker: RollupWorker };
  beforeAll(async () => {
    suite.ns = await createRollupNamespace(partitions);
    suite.worker = createWorker({ namespace: suite.ns.namespace });
    await suite.worker.start();
  });
  afterAll(async () => {
    await suite.worker.stop();
    await suite.ns.drop();
  });
  return suite;
}
